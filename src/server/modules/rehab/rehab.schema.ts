/** Request and response schemas of the rehabilitation registry. Identity only where named. */
import { z } from "zod";
import { ACTIONS } from "../../../domain/access/roles";
import { ASSIST_SUBSTANCES, assistAnswers, RISK_BANDS } from "../../../domain/rehab/assist";
import { ERASURE_BASES, IDENTITY_REASONS, SEXES } from "../../../domain/rehab/clients";
import {
  CONSENT_BY,
  DISCHARGE_OUTCOMES,
  ENTRY_ROUTES,
  EPISODE_STATUSES,
  RELAPSE_STATUSES,
  SERVICE_TYPES,
  TAT_RECOMMENDATIONS,
  URINE_RESULTS,
  VISIT_KINDS,
} from "../../../domain/rehab/episodes";
import {
  AGE_FIRST_USE,
  TDI_FREQUENCIES,
  TDI_INJECTING,
  TDI_PREVIOUS_TREATMENT,
  TDI_ROUTES,
  TDI_SUBSTANCES,
} from "../../../domain/rehab/tdi";
import { pageOf, pageQuery } from "../shared.schema";

const dateField = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const identityInput = z
  .object({
    fullName: z.string().trim().min(2).max(200),
    nik: z
      .string()
      .trim()
      .regex(/^\d{16}$/, "REHAB_NIK_MALFORMED")
      .optional(),
    dateOfBirth: dateField.optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[+\d][\d\s-]{5,19}$/)
      .optional(),
    address: optionalText(500),
  })
  .strict();

export const identityPatch = identityInput.partial().extend({
  nik: identityInput.shape.nik.nullable().optional(),
  dateOfBirth: dateField.nullable().optional(),
  phone: identityInput.shape.phone.nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
});

export const identity = z.object({
  fullName: z.string().nullable(),
  nik: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type Identity = z.infer<typeof identity>;

const tdiFields = {
  primarySubstance: z.enum(TDI_SUBSTANCES).nullable().optional(),
  secondarySubstances: z.array(z.enum(TDI_SUBSTANCES)).max(4).optional(),
  route: z.enum(TDI_ROUTES).nullable().optional(),
  frequency: z.enum(TDI_FREQUENCIES).nullable().optional(),
  ageAtFirstUse: z
    .number()
    .int()
    .min(AGE_FIRST_USE.min)
    .max(AGE_FIRST_USE.max)
    .nullable()
    .optional(),
  previousTreatment: z.enum(TDI_PREVIOUS_TREATMENT).nullable().optional(),
  injecting: z.enum(TDI_INJECTING).nullable().optional(),
};

const episodeFields = {
  entryRoute: z.enum(ENTRY_ROUTES),
  entryNote: optionalText(1000),
  tatRecommendation: z.enum(TAT_RECOMMENDATIONS).nullable().optional(),
  tatAssessedOn: dateField.nullable().optional(),
  tatReference: optionalText(200),
  consentGiven: z.boolean().optional(),
  consentDate: dateField.nullable().optional(),
  consentBy: z.enum(CONSENT_BY).nullable().optional(),
  consentNote: optionalText(1000),
  treatmentPlan: optionalText(4000),
  serviceType: z.enum(SERVICE_TYPES).nullable().optional(),
  ...tdiFields,
};

export const episodeInput = z
  .object({
    /** The facility (organisation); clinicians may leave it out: their own. */
    facilityId: z.uuid().optional(),
    intakeDate: dateField,
    ...episodeFields,
  })
  .strict();
export type EpisodeInput = z.infer<typeof episodeInput>;

export const episodePatch = z
  .object({ ...episodeFields, entryRoute: episodeFields.entryRoute.optional() })
  .strict();
export type EpisodePatch = z.infer<typeof episodePatch>;

export const registerInput = z
  .object({
    identity: identityInput,
    sex: z.enum(SEXES),
    /** Required unless the date of birth is given (then it is taken from it). */
    birthYear: z.number().int().min(1900).max(2100).optional(),
    residenceKelurahanCode: z.string().nullable().optional(),
    episode: episodeInput,
  })
  .strict();
export type RegisterInput = z.infer<typeof registerInput>;

export const clientPatch = z
  .object({
    sex: z.enum(SEXES).optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    residenceKelurahanCode: z.string().nullable().optional(),
    identity: identityPatch.optional(),
  })
  .strict();
export type ClientPatch = z.infer<typeof clientPatch>;

export const clientSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  sex: z.enum(SEXES),
  birthYear: z.number().int(),
  child: z.boolean(),
  synthetic: z.boolean(),
  erased: z.boolean(),
  residenceKelurahanCode: z.string().nullable(),
  residenceKelurahanName: z.string().nullable(),
  /** Facility, status and intake date of the most recent episode. */
  facilityName: z.string().nullable(),
  status: z.enum(EPISODE_STATUSES).nullable(),
  lastEpisodeStart: z.string().nullable(),
});
export type ClientSummary = z.infer<typeof clientSummary>;

export const episodeSummary = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  status: z.enum(EPISODE_STATUSES),
  entryRoute: z.enum(ENTRY_ROUTES),
  intakeDate: z.string(),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  startDate: z.string().nullable(),
  dischargeDate: z.string().nullable(),
  dischargeOutcome: z.enum(DISCHARGE_OUTCOMES).nullable(),
  aftercareStart: z.string().nullable(),
  closedDate: z.string().nullable(),
  primarySubstance: z.string().nullable(),
  highestBand: z.enum(RISK_BANDS).nullable(),
});
export type EpisodeSummary = z.infer<typeof episodeSummary>;

export const clientDetail = clientSummary.extend({
  /** Which identity fields hold a value (never the values). */
  identityPresent: z.object({
    fullName: z.boolean(),
    nik: z.boolean(),
    dateOfBirth: z.boolean(),
    phone: z.boolean(),
    address: z.boolean(),
  }),
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
  episodes: z.array(episodeSummary),
  /** The caller's break-the-glass grant for this client, when it is one. */
  breakGlass: z.object({ id: z.uuid(), expiresAt: z.string() }).nullable(),
  actions: z.array(z.enum(ACTIONS)),
  identityActions: z.array(z.enum(ACTIONS)),
});
export type ClientDetail = z.infer<typeof clientDetail>;

export const clientPage = pageOf(clientSummary);

export const listClientsQuery = z.object({
  code: z.string().trim().max(20).optional(),
  facilityId: z.uuid().optional(),
  status: z.enum(EPISODE_STATUSES).optional(),
  child: z.enum(["true", "false"]).optional(),
  ...pageQuery,
});

export const registerResult = z.object({
  client: clientDetail,
  episodeId: z.uuid(),
  /** True when the NIK's blind index found a client already registered (no new client). */
  matchedExisting: z.boolean(),
});

export const lookupInput = z
  .object({
    nik: z
      .string()
      .trim()
      .regex(/^\d{16}$/, "REHAB_NIK_MALFORMED"),
  })
  .strict();
export const lookupResult = z.object({ client: clientSummary.nullable() });

export const identityRequest = z
  .object({
    reasonCode: z.enum(IDENTITY_REASONS),
    /** Why, in a sentence; kept with the access record, shown to reviewers. */
    reason: z.string().trim().min(5).max(500),
  })
  .strict();

export const identityResult = z.object({
  clientId: z.uuid(),
  code: z.string(),
  identity,
  viewId: z.uuid(),
});

const scoreOut = z.object({
  substance: z.enum(ASSIST_SUBSTANCES),
  everUsed: z.boolean(),
  score: z.number().int(),
  band: z.enum(RISK_BANDS),
});

export const screeningInput = z.object({ screenedOn: dateField, answers: assistAnswers }).strict();

export const screening = z.object({
  id: z.uuid(),
  instrument: z.string(),
  screenedOn: z.string(),
  answers: assistAnswers,
  scores: z.array(scoreOut),
  highestBand: z.enum(RISK_BANDS),
  injection: z.string(),
  createdAt: z.string(),
});

export const visitInput = z
  .object({
    date: dateField,
    kind: z.enum(VISIT_KINDS),
    urineResult: z.enum(URINE_RESULTS).nullable().optional(),
    note: optionalText(2000),
  })
  .strict();
export const visit = z.object({
  id: z.uuid(),
  date: z.string(),
  kind: z.enum(VISIT_KINDS),
  urineResult: z.enum(URINE_RESULTS).nullable(),
  note: z.string(),
});

export const followUpInput = z
  .object({ date: dateField, relapseStatus: z.enum(RELAPSE_STATUSES), note: optionalText(2000) })
  .strict();
export const followUp = z.object({
  id: z.uuid(),
  date: z.string(),
  relapseStatus: z.enum(RELAPSE_STATUSES),
  note: z.string(),
});

export const startInput = z
  .object({
    date: dateField,
    serviceType: z.enum(SERVICE_TYPES),
    treatmentPlan: optionalText(4000),
  })
  .strict();
export const dischargeInput = z
  .object({ date: dateField, outcome: z.enum(DISCHARGE_OUTCOMES), note: optionalText(2000) })
  .strict();
export const dateInput = z.object({ date: dateField, note: optionalText(2000) }).strict();

export const episode = episodeSummary.extend({
  clientId: z.uuid(),
  clientCode: z.string(),
  entryNote: z.string(),
  tatRecommendation: z.enum(TAT_RECOMMENDATIONS).nullable(),
  tatAssessedOn: z.string().nullable(),
  tatReference: z.string(),
  consentGiven: z.boolean(),
  consentDate: z.string().nullable(),
  consentBy: z.enum(CONSENT_BY).nullable(),
  consentNote: z.string(),
  treatmentPlan: z.string(),
  secondarySubstances: z.array(z.string()),
  route: z.string().nullable(),
  frequency: z.string().nullable(),
  ageAtFirstUse: z.number().int().nullable(),
  previousTreatment: z.string().nullable(),
  injecting: z.string().nullable(),
  dischargeNote: z.string(),
  closeNote: z.string(),
  screenings: z.array(screening),
  visits: z.array(visit),
  followUps: z.array(followUp),
  /** Transitions allowed from the current status. */
  events: z.array(z.string()),
  actions: z.array(z.enum(ACTIONS)),
});
export type Episode = z.infer<typeof episode>;

export const clientIdParam = z.object({ id: z.uuid() });

export const facility = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.string(),
  areaCode: z.string(),
});
export const facilityList = z.object({ items: z.array(facility) });

export const breakGlassInput = z
  .object({
    clientCode: z.string().trim().min(4).max(20),
    reason: z.string().trim().min(10).max(500),
  })
  .strict();
export const breakGlass = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientCode: z.string(),
  userId: z.uuid(),
  userName: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string(),
});
export const breakGlassPage = pageOf(breakGlass);
export const breakGlassQuery = z.object({
  state: z.enum(["unreviewed", "all"]).default("unreviewed"),
  ...pageQuery,
});
export const reviewInput = z.object({ note: z.string().trim().min(3).max(1000) }).strict();

export const eraseInput = z
  .object({
    basis: z.enum(ERASURE_BASES),
    /** The request's reference (letter number, ticket); not a person's name. */
    reference: z.string().trim().min(3).max(200),
  })
  .strict();
export const exportInput = z.object({ reason: z.string().trim().min(5).max(500) }).strict();

export const identityViews = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      userName: z.string(),
      reasonCode: z.string(),
      reason: z.string(),
      breakGlass: z.boolean(),
      viewedAt: z.string(),
    }),
  ),
});
