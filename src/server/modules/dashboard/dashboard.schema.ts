/** Schemas of the executive dashboard: every number carries where it links and its source. */
import { z } from "zod";
import { RISK_CLASSES } from "../../../domain/risk/classes";
import { areaCodeField } from "../shared.schema";

export const dashboardQuery = z.object({ city: areaCodeField.default("31.73") });

/** Where a number comes from, and the page that shows its detail. */
export const provenance = z.object({
  /** A page path of the web client. */
  link: z.string(),
  /** The resource the detail page needs (the client hides links a person cannot follow). */
  resource: z.string(),
  /** Human-readable source: a register's organisation and citation, or "Tanggap: ...". */
  source: z.string(),
});

const sourcedNumber = z.object({ value: z.number().nullable() }).extend(provenance.shape);

const officialFigure = z.object({
  value: z.number(),
  unit: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  periodLabel: z.string(),
  source: z.string(),
  citation: z.string(),
  /** The source's address, when it has one. */
  url: z.string().nullable(),
  publishedOn: z.string().nullable(),
});

export const dashboardResponse = z.object({
  city: z.string(),
  cityName: z.string(),
  risk: z.object({
    roundName: z.string().nullable(),
    periodEnd: z.string().nullable(),
    kelurahan: z.number().int(),
    counts: z.object({
      bahaya: z.number().int(),
      waspada: z.number().int(),
      siaga: z.number().int(),
      aman: z.number().int(),
      unassessed: z.number().int(),
    }),
    areas: z.array(
      z.object({ areaCode: z.string(), areaName: z.string(), class: z.enum(RISK_CLASSES) }),
    ),
    ...provenance.shape,
  }),
  incidents: z.object({
    from: z.string(),
    to: z.string(),
    months: z.array(z.object({ month: z.string(), count: z.number().int() })),
    total: z.number().int(),
    ...provenance.shape,
  }),
  rehabilitation: z.object({
    /** False until the rehabilitation registry can give yearly entries. */
    recordsAvailable: z.boolean(),
    years: z.array(
      z.object({
        period: z.string(),
        periodStart: z.string().nullable(),
        periodEnd: z.string().nullable(),
        records: z.number().int().nullable(),
        official: z.array(officialFigure),
      }),
    ),
    ...provenance.shape,
  }),
  custody: z.object({
    available: z.boolean(),
    area: z.string(),
    capacity: sourcedNumber,
    occupants: sourcedNumber,
    drugOffenders: sourcedNumber,
    occupancyRatio: sourcedNumber,
    overcrowdingExcess: sourcedNumber,
    drugShare: sourcedNumber,
    periodEnd: z.string().nullable(),
    fromCounts: z
      .object({
        asOf: z.string(),
        facilities: z.number().int(),
        reporting: z.number().int(),
        capacity: z.number(),
        occupants: z.number(),
        occupancyRatio: z.number().nullable(),
        drugShare: z.number().nullable(),
        sources: z.array(z.string()),
      })
      .nullable(),
    trend: z.array(z.object({ period: z.string(), occupancyRatio: z.number().nullable() })),
    ...provenance.shape,
  }),
  programmes: z.object({
    byStatus: z.object({
      planned: z.number().int(),
      active: z.number().int(),
      completed: z.number().int(),
      cancelled: z.number().int(),
    }),
    riskyAreas: z.number().int(),
    uncoveredAreas: z.array(
      z.object({
        areaCode: z.string(),
        areaName: z.string().nullable(),
        class: z.string().nullable(),
      }),
    ),
    activityShare: z.number().nullable(),
    from: z.string(),
    to: z.string(),
    ...provenance.shape,
  }),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;
