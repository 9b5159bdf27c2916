/** Request and response shapes of programmes, activities, schedules and the analysis views. */
import { z } from "zod";
import { ACTIONS } from "../../../domain/access/roles";
import {
  AGE_BANDS,
  BUDGET_SOURCES,
  PILLARS,
  PROGRAMME_STATUSES,
  RESULT_KINDS,
  TARGET_INDICATORS,
} from "../../../domain/programmes/catalogue";
import { RISK_CLASSES } from "../../../domain/risk/classes";
import { areaCodeField, pageOf, pageQuery } from "../shared.schema";

const isoDate = z.iso.date();
const light = z.enum(["green", "amber", "red", "none"]);
const occurrenceStatus = z.enum(["done", "missed", "due", "upcoming"]);

// ---- programmes -------------------------------------------------------------------------

const targetAreaInput = z.object({
  areaCode: areaCodeField,
  namedLocationId: z.uuid().nullable().optional(),
});

const targetInput = z.object({
  indicator: z.enum(TARGET_INDICATORS),
  label: z.string().trim().max(200).default(""),
  baseline: z.number().min(0).max(1e12).default(0),
  targetValue: z.number().min(0).max(1e12),
  manualAchieved: z.number().min(0).max(1e12).nullable().optional(),
});

const programmeFields = {
  name: z.string().trim().min(3).max(200),
  pillar: z.enum(PILLARS),
  description: z.string().max(8000),
  leadOrganisationId: z.uuid(),
  partnerOrganisationIds: z.array(z.uuid()).max(50),
  areaCode: areaCodeField,
  targetAreas: z.array(targetAreaInput).max(100),
  periodStart: isoDate,
  periodEnd: isoDate,
  budgetAmount: z.number().int().min(0).max(1e15),
  budgetSource: z.enum(BUDGET_SOURCES),
  targets: z.array(targetInput).max(30),
  inputItemIds: z.array(z.uuid()).max(100),
  riskRoundId: z.uuid().nullable(),
  status: z.enum(PROGRAMME_STATUSES),
};

const periodOrdered = (v: { periodStart?: string | undefined; periodEnd?: string | undefined }) =>
  !v.periodStart || !v.periodEnd || v.periodEnd >= v.periodStart;

export const programmeInput = z
  .object({
    ...programmeFields,
    description: programmeFields.description.default(""),
    partnerOrganisationIds: programmeFields.partnerOrganisationIds.default([]),
    targetAreas: programmeFields.targetAreas.default([]),
    budgetAmount: programmeFields.budgetAmount.default(0),
    budgetSource: programmeFields.budgetSource.default("apbd"),
    targets: programmeFields.targets.default([]),
    inputItemIds: programmeFields.inputItemIds.default([]),
    riskRoundId: programmeFields.riskRoundId.default(null),
    status: programmeFields.status.default("planned"),
  })
  .refine(periodOrdered, { error: "period end must not be before its start", path: ["periodEnd"] });
export type ProgrammeInput = z.infer<typeof programmeInput>;

export const programmePatch = z
  .object(programmeFields)
  .partial()
  .refine(periodOrdered, { error: "period end must not be before its start", path: ["periodEnd"] });
export type ProgrammePatch = z.infer<typeof programmePatch>;

const orgRef = z.object({ id: z.string(), name: z.string() });

export const targetProgress = z.object({
  id: z.string(),
  indicator: z.enum(TARGET_INDICATORS),
  label: z.string(),
  baseline: z.number(),
  targetValue: z.number(),
  manualAchieved: z.number().nullable(),
  achieved: z.number(),
  share: z.number(),
  light,
});

export const programmeSummary = z.object({
  id: z.string(),
  name: z.string(),
  pillar: z.enum(PILLARS),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  leadOrganisation: orgRef,
  periodStart: z.string(),
  periodEnd: z.string(),
  budgetAmount: z.number(),
  budgetSource: z.enum(BUDGET_SOURCES),
  status: z.enum(PROGRAMME_STATUSES),
  activityCount: z.number().int(),
  elapsedShare: z.number(),
  light,
});
export type ProgrammeSummary = z.infer<typeof programmeSummary>;

export const scheduleView = z.object({
  id: z.string(),
  title: z.string(),
  typeCode: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  namedLocationId: z.string().nullable(),
  namedLocationName: z.string().nullable(),
  frequency: z.enum(["weekly", "monthly"]),
  interval: z.number().int(),
  startOn: z.string(),
  endOn: z.string(),
  occurrences: z.array(
    z.object({
      dueOn: z.string(),
      windowEnd: z.string(),
      status: occurrenceStatus,
      activityIds: z.array(z.string()),
    }),
  ),
  summary: z.object({
    done: z.number().int(),
    missed: z.number().int(),
    due: z.number().int(),
    upcoming: z.number().int(),
  }),
});

export const programmeDetail = programmeSummary.extend({
  description: z.string(),
  partners: z.array(orgRef),
  targetAreas: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string().nullable(),
      namedLocationId: z.string().nullable(),
      namedLocationName: z.string().nullable(),
    }),
  ),
  targets: z.array(targetProgress),
  inputItems: z.array(
    z.object({
      id: z.string(),
      topic: z.string(),
      meetingId: z.string(),
      meetingTitle: z.string(),
    }),
  ),
  riskRound: z.object({ id: z.string(), name: z.string() }).nullable(),
  figures: z.object({
    activities: z.number(),
    participants: z.number(),
    urine_tested: z.number(),
    urine_positive: z.number(),
    reached: z.number(),
    referred: z.number(),
  }),
  schedules: z.array(scheduleView),
  asOf: z.string(),
  actions: z.array(z.enum(ACTIONS)),
});
export type ProgrammeDetail = z.infer<typeof programmeDetail>;

export const listProgrammesQuery = z.object({
  area: areaCodeField.optional(),
  pillar: z.enum(PILLARS).optional(),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  inputItem: z.uuid().optional(),
  ...pageQuery,
});

export const programmePage = pageOf(programmeSummary);

export const asOfQuery = z.object({ asOf: isoDate.optional() });

export const dashboardQuery = z.object({
  area: areaCodeField.optional(),
  asOf: isoDate.optional(),
});
export const dashboardResponse = z.object({
  asOf: z.string(),
  programmes: z.array(programmeSummary),
  byStatus: z.record(z.string(), z.number()),
  byLight: z.record(z.string(), z.number()),
  byPillar: z.record(z.string(), z.number()),
  budgetBySource: z.record(z.string(), z.number()),
});

// ---- schedules --------------------------------------------------------------------------

export const scheduleInput = z
  .object({
    title: z.string().trim().min(3).max(200),
    typeCode: z.string().min(1).max(60),
    areaCode: areaCodeField,
    namedLocationId: z.uuid().nullable().default(null),
    frequency: z.enum(["weekly", "monthly"]),
    interval: z.number().int().min(1).max(12).default(1),
    startOn: isoDate,
    endOn: isoDate,
  })
  .refine((v) => v.endOn >= v.startOn, { error: "end before start", path: ["endOn"] });

export const schedulePatch = z
  .object({
    title: z.string().trim().min(3).max(200),
    frequency: z.enum(["weekly", "monthly"]),
    interval: z.number().int().min(1).max(12),
    startOn: isoDate,
    endOn: isoDate,
  })
  .partial();

export const scheduleParams = z.object({ id: z.uuid(), scheduleId: z.uuid() });

// ---- activity types ---------------------------------------------------------------------

export const activityType = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  resultKind: z.enum(RESULT_KINDS),
  active: z.boolean(),
  sort: z.number().int(),
});
export const activityTypeList = z.object({ items: z.array(activityType) });
export const activityTypeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, "lower-case letters, digits and _"),
  name: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120),
  resultKind: z.enum(RESULT_KINDS).default("none"),
  sort: z.number().int().min(0).max(10_000).default(100),
});
export const activityTypePatch = z
  .object({
    name: z.string().trim().min(2).max(120),
    nameEn: z.string().trim().min(2).max(120),
    resultKind: z.enum(RESULT_KINDS),
    active: z.boolean(),
    sort: z.number().int().min(0).max(10_000),
  })
  .partial();
export const typeCodeParam = z.object({ code: z.string().min(1).max(60) });

// ---- activities -------------------------------------------------------------------------

const count = z.number().int().min(0).max(1_000_000);
const bySex = z.object({ male: count.optional(), female: count.optional() }).strict();
export const participantsField = z
  .object(
    Object.fromEntries(AGE_BANDS.map((b) => [b, bySex.optional()])) as Record<
      (typeof AGE_BANDS)[number],
      z.ZodOptional<typeof bySex>
    >,
  )
  .strict();

const point = z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });

const activityFields = {
  programmeId: z.uuid(),
  scheduleId: z.uuid().nullable(),
  typeCode: z.string().min(1).max(60),
  heldOn: isoDate,
  areaCode: areaCodeField,
  namedLocationId: z.uuid().nullable(),
  point: point.nullable(),
  organisationIds: z.array(z.uuid()).max(30),
  participants: participantsField,
  urineTested: count.nullable(),
  urinePositive: count.nullable(),
  reached: count.nullable(),
  referred: count.nullable(),
  notes: z.string().max(8000),
};

export const activityInput = z.object({
  ...activityFields,
  scheduleId: activityFields.scheduleId.default(null),
  namedLocationId: activityFields.namedLocationId.default(null),
  point: activityFields.point.default(null),
  organisationIds: activityFields.organisationIds.default([]),
  participants: activityFields.participants.default({}),
  urineTested: activityFields.urineTested.default(null),
  urinePositive: activityFields.urinePositive.default(null),
  reached: activityFields.reached.default(null),
  referred: activityFields.referred.default(null),
  notes: activityFields.notes.default(""),
});
export type ActivityInput = z.infer<typeof activityInput>;

const { programmeId: _programmeId, ...patchable } = activityFields;
export const activityPatch = z.object(patchable).partial();
export type ActivityPatch = z.infer<typeof activityPatch>;

export const activityView = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  pillar: z.enum(PILLARS),
  scheduleId: z.string().nullable(),
  typeCode: z.string(),
  typeName: z.string(),
  resultKind: z.enum(RESULT_KINDS),
  heldOn: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  namedLocationId: z.string().nullable(),
  namedLocationName: z.string().nullable(),
  point: point.nullable(),
  organisations: z.array(orgRef),
  participants: participantsField,
  participantsMale: z.number().int(),
  participantsFemale: z.number().int(),
  participantsTotal: z.number().int(),
  urineTested: z.number().int().nullable(),
  urinePositive: z.number().int().nullable(),
  reached: z.number().int().nullable(),
  referred: z.number().int().nullable(),
  notes: z.string(),
  photos: z.array(z.object({ id: z.string(), contentType: z.string(), sizeBytes: z.number() })),
  actions: z.array(z.enum(ACTIONS)),
});
export type ActivityView = z.infer<typeof activityView>;

export const listActivitiesQuery = z.object({
  programme: z.uuid().optional(),
  area: areaCodeField.optional(),
  type: z.string().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
export const activityPage = pageOf(activityView);

export const photoParams = z.object({ id: z.uuid(), photoId: z.uuid() });

// ---- analysis ---------------------------------------------------------------------------

export const periodQuery = z
  .object({
    city: areaCodeField.default("31.73"),
    from: isoDate,
    to: isoDate,
    pillar: z.enum(PILLARS).optional(),
  })
  .refine((v) => v.to >= v.from, { error: "to before from", path: ["to"] });

export const whoWhatWhereResponse = z.object({
  city: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      areaCode: z.string(),
      areaName: z.string().nullable(),
      kecamatanCode: z.string(),
      pillar: z.enum(PILLARS),
      activities: z.number().int(),
    }),
  ),
  areas: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string().nullable(),
      activities: z.number().int(),
      organisations: z.number().int(),
      pillars: z.array(z.enum(PILLARS)),
    }),
  ),
  totals: z.object({
    activities: z.number().int(),
    organisations: z.number().int(),
    areas: z.number().int(),
  }),
});

export const coverageResponse = z.object({
  city: z.string(),
  from: z.string(),
  to: z.string(),
  hotspotsUsed: z.boolean(),
  riskyAreas: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string().nullable(),
      class: z.enum(RISK_CLASSES).nullable(),
      roundName: z.string().nullable(),
      hotspot: z.boolean(),
      activities: z.number().int(),
      programmes: z.array(z.object({ id: z.string(), name: z.string(), pillar: z.enum(PILLARS) })),
      covered: z.boolean(),
    }),
  ),
  uncovered: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string().nullable(),
      class: z.enum(RISK_CLASSES).nullable(),
      hotspot: z.boolean(),
    }),
  ),
  targeting: z.object({
    activitiesTotal: z.number().int(),
    activitiesInRisky: z.number().int(),
    activityShare: z.number().nullable(),
    budgetTotal: z.number(),
    budgetInRisky: z.number(),
    budgetShare: z.number().nullable(),
  }),
});
