import { z } from "zod";
import { ACTIONS } from "../../../domain/access/roles";
import { RISK_CLASSES } from "../../../domain/risk/classes";
import { INDICATOR_KINDS } from "../../../domain/risk/indicators";
import { areaCodeField } from "../shared.schema";

export const riskClass = z.enum(RISK_CLASSES);
export const method = z.enum(["indicator", "survey"]);
export const status = z.enum(["draft", "verified", "published"]);

export const indicator = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,15}$/),
  kind: z.enum(INDICATOR_KINDS),
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  retired: z.boolean().optional(),
});

const threshold = z.object({
  pokok: z.number().int().min(0),
  pendukung: z.number().int().min(0),
  provisional: z.boolean(),
});
export const ruleSet = z.discriminatedUnion("method", [
  z.object({
    method: z.literal("indicator"),
    thresholds: z.object({ bahaya: threshold, waspada: threshold, siaga: threshold }),
  }),
  z.object({
    method: z.literal("survey"),
    weights: z.record(z.string().max(40), z.number().min(0)),
    bands: z.object({ bahaya: z.number(), waspada: z.number(), siaga: z.number() }),
    provisional: z.boolean(),
  }),
]);

export const riskConfig = z.object({
  catalogue: z.object({
    version: z.number().int(),
    note: z.string(),
    indicators: z.array(indicator),
  }),
  rules: z.array(z.object({ version: z.number().int(), method, note: z.string(), rules: ruleSet })),
});

export const newCatalogueBody = z.object({
  indicators: z.array(indicator).min(1).max(100),
  note: z.string().max(1000).default(""),
});
export const newRulesBody = z.object({ rules: ruleSet, note: z.string().max(1000).default("") });
export const versionResponse = z.object({ version: z.number().int() });

export const round = z.object({
  id: z.string(),
  name: z.string(),
  method,
  areaCode: z.string(),
  areaName: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  catalogueVersion: z.number().int(),
  ruleVersion: z.number().int(),
  counts: z.object({
    byStatus: z.record(z.string(), z.number().int()),
    byClass: z.record(z.string(), z.number().int()),
  }),
  actions: z.array(z.enum(ACTIONS)),
});

export const roundInput = z
  .object({
    name: z.string().trim().min(3).max(120),
    method,
    areaCode: areaCodeField,
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
  })
  .refine((r) => r.periodStart <= r.periodEnd, { error: "VALIDATION_FAILED", path: ["periodEnd"] });

export const indicatorValue = z.object({
  present: z.boolean(),
  evidence: z.string().max(2000).default(""),
});

export const assessment = z.object({
  id: z.string(),
  roundId: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  kecamatanName: z.string().nullable(),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  status,
  indicators: z.record(z.string(), indicatorValue),
  surveyItems: z.record(z.string(), z.number()),
  notes: z.string(),
  source: z.string(),
  pokok: z.number().int().nullable(),
  pendukung: z.number().int().nullable(),
  surveyScore: z.number().nullable(),
  class: riskClass,
  ruleVersion: z.number().int(),
  verifyComment: z.string().nullable(),
  actions: z.array(z.enum(ACTIONS)),
});

export const assessmentInput = z.object({
  areaCode: areaCodeField,
  locationId: z.uuid().nullable().default(null),
  indicators: z.record(z.string(), indicatorValue).default({}),
  surveyItems: z.record(z.string().max(40), z.number().min(0).max(100)).default({}),
  notes: z.string().max(4000).default(""),
  source: z.string().max(2000).default(""),
});

export const commentBody = z.object({ comment: z.string().trim().max(2000).default("") });
export const reclassifyBody = z.object({ ruleVersion: z.number().int().min(1) });
export const roundIdParam = z.object({ id: z.uuid() });
export const workflowResult = z.object({ changed: z.number().int() });

export const mapQuery = z.object({
  city: areaCodeField.default("31.73"),
  round: z.uuid().optional(),
});
export const mapResponse = z.object({
  city: z.string(),
  round: z.object({ id: z.string(), name: z.string() }).nullable(),
  areas: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string(),
      class: riskClass,
      roundId: z.string(),
      roundName: z.string(),
      periodEnd: z.string(),
    }),
  ),
  locations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kelurahanCode: z.string(),
      class: riskClass.nullable(),
      geometry: z.unknown(),
    }),
  ),
});

export const changesQuery = z.object({ from: z.uuid(), to: z.uuid() });
export const changesResponse = z.object({
  from: z.object({ id: z.string(), name: z.string() }),
  to: z.object({ id: z.string(), name: z.string() }),
  areas: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string(),
      before: riskClass.nullable(),
      after: riskClass.nullable(),
      change: z.enum(["up", "down", "same", "new", "gone"]),
    }),
  ),
  summary: z.object({
    up: z.number().int(),
    down: z.number().int(),
    same: z.number().int(),
    new: z.number().int(),
    gone: z.number().int(),
  }),
});

export const profileResponse = z.object({
  areaCode: z.string(),
  history: z.array(
    z.object({
      roundId: z.string(),
      roundName: z.string(),
      periodEnd: z.string(),
      status,
      class: riskClass,
      pokok: z.number().int().nullable(),
      pendukung: z.number().int().nullable(),
      surveyScore: z.number().nullable(),
      indicators: z.record(z.string(), indicatorValue),
      notes: z.string(),
      source: z.string(),
    }),
  ),
  locations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      rw: z.string().nullable(),
    }),
  ),
});

export const importQuery = z.object({
  format: z.enum(["csv", "xlsx"]),
  dryRun: z.enum(["true", "false"]).default("true"),
});
export const importResponse = z.object({
  valid: z.boolean(),
  committed: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), code: z.string() })),
});
export const fileQuery = z.object({ format: z.enum(["csv", "xlsx", "geojson"]) });
