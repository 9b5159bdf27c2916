/**
 * An episode of care and the transitions between its states. Services call
 * {@link transition} and never write a status directly, so the rules live in one table.
 *
 *   intake -> assessment -> in_care -> discharged -> aftercare -> closed
 *   intake/assessment -> closed (withdrew before care started)
 *   discharged -> closed (no aftercare: dropped out, referred, or aftercare declined)
 */

export const EPISODE_STATUSES = [
  "intake",
  "assessment",
  "in_care",
  "discharged",
  "aftercare",
  "closed",
] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

/** How the client came to the facility (DOMAIN.md section 6). */
export const ENTRY_ROUTES = [
  "voluntary",
  "wajib_lapor",
  "legal_tat",
  "referral_outreach",
  "other",
] as const;
export type EntryRoute = (typeof ENTRY_ROUTES)[number];

/** What the TAT (Tim Asesmen Terpadu) recommended, for the legal route. */
export const TAT_RECOMMENDATIONS = [
  "rehab_outpatient",
  "rehab_inpatient",
  "legal_process_with_rehab",
  "legal_process",
  "other",
] as const;
export type TatRecommendation = (typeof TAT_RECOMMENDATIONS)[number];

export const SERVICE_TYPES = ["rawat_jalan", "rawat_inap"] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const DISCHARGE_OUTCOMES = ["completed", "dropped_out", "referred", "other"] as const;
export type DischargeOutcome = (typeof DISCHARGE_OUTCOMES)[number];

export const RELAPSE_STATUSES = ["not_relapsed", "relapsed", "unknown"] as const;
export type RelapseStatus = (typeof RELAPSE_STATUSES)[number];

export const CONSENT_BY = ["client", "guardian"] as const;

export const VISIT_KINDS = [
  "counselling",
  "medical",
  "group_therapy",
  "urine_test",
  "home_visit",
  "other",
] as const;
export const URINE_RESULTS = ["negative", "positive", "not_done"] as const;

/** Aftercare (pascarehabilitasi) lasts 3 to 6 months after a completed discharge. */
export const AFTERCARE_MONTHS = { min: 3, max: 6 } as const;

export type EpisodeEvent = "assess" | "start_care" | "discharge" | "begin_aftercare" | "close";

/** Facts a transition may need, as YYYY-MM-DD dates. */
export interface EpisodeFacts {
  status: EpisodeStatus;
  intakeDate: string;
  startDate: string | null;
  dischargeDate: string | null;
  dischargeOutcome: DischargeOutcome | null;
  consentGiven: boolean;
}

export interface TransitionInput {
  /** The date the event happened (start, discharge, aftercare start, close). */
  date?: string | undefined;
  outcome?: DischargeOutcome | undefined;
}

/** Which event may leave which state, and where it leads. */
export const TRANSITIONS: Record<
  EpisodeEvent,
  { from: readonly EpisodeStatus[]; to: EpisodeStatus }
> = {
  assess: { from: ["intake", "assessment"], to: "assessment" },
  start_care: { from: ["intake", "assessment"], to: "in_care" },
  discharge: { from: ["in_care"], to: "discharged" },
  begin_aftercare: { from: ["discharged"], to: "aftercare" },
  close: { from: ["intake", "assessment", "discharged", "aftercare"], to: "closed" },
};

export type TransitionProblem =
  | "EPISODE_INVALID_TRANSITION"
  | "EPISODE_CONSENT_REQUIRED"
  | "EPISODE_DATE_BEFORE_INTAKE"
  | "EPISODE_DATE_BEFORE_START"
  | "EPISODE_DATE_BEFORE_DISCHARGE"
  | "EPISODE_DATE_REQUIRED"
  | "EPISODE_AFTERCARE_NEEDS_COMPLETION";

export type TransitionResult =
  | { ok: true; to: EpisodeStatus }
  | { ok: false; problem: TransitionProblem; message: string };

function fail(problem: TransitionProblem, message: string): TransitionResult {
  return { ok: false, problem, message };
}

/** The state after `event`, or why it is not allowed. Dates compare as YYYY-MM-DD text. */
export function transition(
  facts: EpisodeFacts,
  event: EpisodeEvent,
  input: TransitionInput = {},
): TransitionResult {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(facts.status))
    return fail(
      "EPISODE_INVALID_TRANSITION",
      `An episode in status ${facts.status} cannot ${event.replace("_", " ")}.`,
    );
  const date = input.date;
  if (event !== "assess" && !date) return fail("EPISODE_DATE_REQUIRED", "A date is required.");
  if (date && date < facts.intakeDate)
    return fail("EPISODE_DATE_BEFORE_INTAKE", "The date is before the intake date.");
  switch (event) {
    case "start_care":
      if (!facts.consentGiven)
        return fail("EPISODE_CONSENT_REQUIRED", "Record the consent before care starts.");
      break;
    case "discharge":
      if (!facts.startDate || date! < facts.startDate)
        return fail("EPISODE_DATE_BEFORE_START", "A discharge cannot precede the start of care.");
      break;
    case "begin_aftercare":
      if (facts.dischargeOutcome !== "completed")
        return fail(
          "EPISODE_AFTERCARE_NEEDS_COMPLETION",
          "Aftercare follows a completed discharge only.",
        );
      if (facts.dischargeDate && date! < facts.dischargeDate)
        return fail("EPISODE_DATE_BEFORE_DISCHARGE", "Aftercare cannot start before discharge.");
      break;
    case "close":
      if (facts.dischargeDate && date! < facts.dischargeDate)
        return fail("EPISODE_DATE_BEFORE_DISCHARGE", "Closing cannot precede the discharge.");
      break;
    default:
      break;
  }
  return { ok: true, to: rule.to };
}

/** Events allowed from a state (for the UI's buttons). */
export function eventsFrom(status: EpisodeStatus): EpisodeEvent[] {
  return (Object.keys(TRANSITIONS) as EpisodeEvent[]).filter((e) =>
    TRANSITIONS[e].from.includes(status),
  );
}
