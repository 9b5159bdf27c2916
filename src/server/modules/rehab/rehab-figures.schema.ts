/** Schemas of the registry's figures, recaps and their exports. No identity anywhere. */
import { z } from "zod";
import { PERIODS } from "../../../domain/rehab/periods";
import { exportFormat } from "../exports";
import { AREA_LEVELS, FIGURE_DIMENSIONS, FIGURE_MEASURES } from "./rehab-figures.service";

const dateField = z.iso.date();

export const entriesQuery = z.object({
  measure: z.enum(FIGURE_MEASURES).default("entries"),
  period: z.enum(PERIODS).default("month"),
  from: dateField,
  to: dateField,
  by: z.enum(FIGURE_DIMENSIONS).default("none"),
  areaLevel: z.enum(AREA_LEVELS).default("kecamatan"),
  facilityId: z.uuid().optional(),
});
export const entriesExportQuery = entriesQuery.extend({ format: exportFormat });

export const entriesResult = z.object({
  measure: z.enum(FIGURE_MEASURES),
  period: z.enum(PERIODS),
  from: z.string(),
  to: z.string(),
  by: z.enum(FIGURE_DIMENSIONS),
  buckets: z.array(
    z.object({ period: z.string(), start: z.string(), end: z.string(), total: z.number().int() }),
  ),
  keys: z.array(z.object({ key: z.string(), label: z.string(), total: z.number().int() })),
  rows: z.array(
    z.object({ period: z.string(), key: z.string(), label: z.string(), count: z.number().int() }),
  ),
});

export const rangeQuery = z.object({ from: dateField, to: dateField });
export const aftercareResult = z.object({
  from: z.string(),
  to: z.string(),
  followedUp: z.number().int(),
  notRelapsed: z.number().int(),
  relapsed: z.number().int(),
  unknown: z.number().int(),
  share: z.number().nullable(),
  target: z.number(),
  meetsTarget: z.boolean().nullable(),
});

export const recapQuery = z.object({
  kind: z.enum(["weekly", "monthly"]).default("monthly"),
  date: dateField,
});
export const recapExportQuery = recapQuery.extend({ format: exportFormat });
export const recapResult = z.object({
  kind: z.enum(["weekly", "monthly"]),
  start: z.string(),
  end: z.string(),
  entries: z.number().int(),
  male: z.number().int(),
  female: z.number().int(),
  inCare: z.number().int(),
  rows: z.array(
    z.object({
      no: z.number().int(),
      recordNumber: z.string(),
      sex: z.string(),
      age: z.number().int(),
      substances: z.array(
        z.object({ substance: z.string(), primary: z.boolean(), route: z.string().nullable() }),
      ),
      useYears: z.number().int().nullable(),
      previousTreatment: z.string().nullable(),
      entryRoute: z.string(),
      serviceType: z.string().nullable(),
      highestBand: z.string().nullable(),
      status: z.string(),
      facilityName: z.string(),
      intakeDate: z.string(),
    }),
  ),
});

export const tdiQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const tdiExportQuery = tdiQuery.extend({ format: exportFormat });
const tdiRow = z.object({
  primarySubstance: z.string(),
  total: z.number().int(),
  male: z.number().int(),
  female: z.number().int(),
  under18: z.number().int(),
  meanAge: z.number().nullable(),
  meanAgeFirstUse: z.number().nullable(),
  neverTreated: z.number().int(),
  previouslyTreated: z.number().int(),
  everInjected: z.number().int(),
  routeInject: z.number().int(),
  routeSmokeInhale: z.number().int(),
  routeEatDrink: z.number().int(),
  routeSniff: z.number().int(),
  routeOther: z.number().int(),
  routeUnknown: z.number().int(),
});
export const tdiResult = z.object({ year: z.number().int(), rows: z.array(tdiRow), total: tdiRow });

export const yearlyResult = z.object({
  items: z.array(z.object({ year: z.number().int(), clients: z.number().int() })),
});
