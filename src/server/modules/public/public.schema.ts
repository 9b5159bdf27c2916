/**
 * Schemas of the public page's API. Only aggregates leave this module: no record ids, no
 * point locations, no free text, no names of people. zod strips any undeclared field.
 */
import { z } from "zod";
import { RISK_CLASSES } from "../../../domain/risk/classes";
import { areaCodeField } from "../shared.schema";

export const publicCityQuery = z.object({ city: areaCodeField.default("31.73") });

export const publicYearQuery = z.object({
  city: areaCodeField.default("31.73"),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** A published count: a number, "<5" (a small count) or "suppressed" (a complement). */
export const publicCount = z.union([z.number().int(), z.string()]);

export const publicClasses = z.object({
  city: z.string(),
  areas: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string(),
      class: z.enum(RISK_CLASSES),
      roundName: z.string(),
      periodEnd: z.string(),
    }),
  ),
});

/** A suppressed table: rows (kelurahan) by columns, with totals. */
export const publicTable = z.object({
  threshold: z.number().int(),
  small: z.string(),
  suppressed: z.string(),
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string(),
      cells: z.array(publicCount),
      total: publicCount,
    }),
  ),
  columnTotals: z.array(publicCount),
  grandTotal: publicCount,
  withheld: z.boolean(),
});

export const publicIncidents = z.object({
  city: z.string(),
  year: z.number().int(),
  years: z.array(z.number().int()),
  table: publicTable,
});

export const publicActivities = z.object({
  city: z.string(),
  year: z.number().int(),
  years: z.array(z.number().int()),
  /** False until the programmes module records activities. */
  available: z.boolean(),
  table: publicTable,
});

export const publicSeries = z.object({
  threshold: z.number().int(),
  small: z.string(),
  suppressed: z.string(),
  points: z.array(z.object({ year: z.number().int(), count: publicCount })),
  total: publicCount,
});

export const publicFigure = z.object({
  indicator: z.string(),
  value: z.number(),
  unit: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  areaCode: z.string(),
  source: z.string(),
  citation: z.string(),
  publishedOn: z.string().nullable(),
});

export const publicFigures = z.object({
  rehabilitation: z.object({
    /** Entries into rehabilitation recorded in Tanggap, per year (suppressed). */
    recorded: publicSeries.nullable(),
    official: z.array(publicFigure),
  }),
  custody: z.object({
    /** DKI totals from the latest dated counts; small numbers shown as "<5". */
    latest: z
      .object({
        countedOn: z.string(),
        capacity: publicCount,
        occupants: publicCount,
        drugOffences: publicCount,
        occupancyRatio: z.number().nullable(),
        overcrowdingExcess: z.number().nullable(),
        drugShare: z.number().nullable(),
      })
      .nullable(),
    official: z.array(publicFigure),
  }),
});
