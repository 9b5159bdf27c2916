import { z } from "zod";
import { ACTIONS } from "../../../domain/access/roles";
import { FACILITY_TYPES } from "../../../domain/custody/counts";
import { CUSTODY_MEASURES } from "../../../domain/custody/measures";
import { exportQuery } from "../exports";
import { areaCodeField, pageOf, pageQuery } from "../shared.schema";

/** A derived value: always sent with its measure name and formula, so it is never unlabelled. */
export const measureValue = z
  .object({
    measure: z.enum(CUSTODY_MEASURES),
    ratio: z.number(),
    percent: z.number(),
    formula: z.string(),
  })
  .nullable();

const measures = {
  occupancyRatio: measureValue,
  overcrowdingExcess: measureValue,
  drugShare: measureValue,
};

export const count = z.object({
  id: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  countedOn: z.string(),
  capacity: z.number().int(),
  occupants: z.number().int(),
  drugOffenders: z.number().int().nullable(),
  drugUsers: z.number().int().nullable(),
  drugDealers: z.number().int().nullable(),
  source: z.string(),
  notes: z.string(),
  enteredBy: z.string().nullable(),
  ...measures,
  actions: z.array(z.enum(ACTIONS)).optional(),
});

export const facility = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(FACILITY_TYPES),
  areaCode: z.string(),
  active: z.boolean(),
  notes: z.string(),
  latest: count.nullable(),
  actions: z.array(z.enum(ACTIONS)),
});

export const facilityQuery = z.object({
  area: areaCodeField.optional(),
  includeInactive: z.enum(["true", "false"]).default("false"),
  ...pageQuery,
  ...exportQuery,
});
export const facilityPage = pageOf(facility);

const name = z.string().trim().min(3).max(200);
export const facilityInput = z
  .object({
    name,
    type: z.enum(FACILITY_TYPES),
    areaCode: areaCodeField,
    active: z.boolean().optional(),
    notes: z.string().max(2000).optional(),
  })
  .strict();
export const facilityPatch = facilityInput.partial().strict();

/** Numbers may come as numbers or text (e.g. "13,347"); the server checks them like a CSV cell. */
const numberCell = z
  .union([z.number(), z.string().max(40)])
  .nullable()
  .optional();
export const countInput = z
  .object({
    facilityId: z.uuid(),
    date: z.string().max(20),
    capacity: numberCell,
    occupants: numberCell,
    drugOffenders: numberCell,
    drugUsers: numberCell,
    drugDealers: numberCell,
    source: z.string().max(500),
    notes: z.string().max(2000).optional(),
  })
  .strict();
export const countPatch = countInput.omit({ facilityId: true }).partial().strict();

export const countQuery = z.object({
  facility: z.uuid().optional(),
  area: areaCodeField.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  ...pageQuery,
  ...exportQuery,
});
export const countPage = pageOf(count);

export const importQuery = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  dryRun: z.enum(["true", "false"]).default("true"),
});
export const importResponse = z.object({
  valid: z.boolean(),
  committed: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), code: z.string() })),
  columns: z.array(z.string()),
});

const totals = {
  capacity: z.number().int(),
  occupants: z.number().int(),
  drugOffenders: z.number().int().nullable(),
};

export const summaryQuery = z.object({
  area: areaCodeField.default("31"),
  asOf: z.iso.date().optional(),
});
export const summary = z.object({
  area: z.string(),
  asOf: z.string(),
  facilities: z.number().int(),
  reporting: z.number().int(),
  earliestCount: z.string().nullable(),
  latestCount: z.string().nullable(),
  ...totals,
  ...measures,
  sources: z.array(z.string()),
});

export const trendQuery = z.object({
  area: areaCodeField.default("31"),
  facility: z.uuid().optional(),
  by: z.enum(["month", "year"]).default("month"),
});
export const trend = z.object({
  area: z.string().nullable(),
  facilityId: z.string().nullable(),
  facilityName: z.string().nullable(),
  by: z.enum(["month", "year"]),
  points: z.array(
    z.object({
      period: z.string(),
      asOf: z.string(),
      facilities: z.number().int(),
      ...totals,
      ...measures,
    }),
  ),
});
