/** Programme pillars, budget sources, statuses, target indicators, participant age bands. */

/** The P4GN pillars (DOMAIN.md section 5). */
export const PILLARS = [
  "pencegahan",
  "edukasi_diseminasi",
  "pemberdayaan_masyarakat",
  "rehabilitasi",
  "dukungan_penegakan",
] as const;
export type Pillar = (typeof PILLARS)[number];

export const BUDGET_SOURCES = ["apbd", "bnn", "csr", "other"] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

export const PROGRAMME_STATUSES = ["planned", "active", "completed", "cancelled"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/**
 * Target indicators. All but `manual` are computed from the programme's activities in its
 * period; `manual` carries a value entered by the programme officer.
 */
export const TARGET_INDICATORS = [
  "activities",
  "participants",
  "urine_tested",
  "urine_positive",
  "reached",
  "referred",
  "manual",
] as const;
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];

/** What results an activity type records. */
export const RESULT_KINDS = ["none", "urine_test", "outreach"] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export const SEXES = ["male", "female"] as const;
export type Sex = (typeof SEXES)[number];

/** Participant age bands (children, adolescents, youth, adults, older adults). */
export const AGE_BANDS = ["0-12", "13-17", "18-24", "25-44", "45-59", "60+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Participants by age band and sex: `{ "13-17": { male: 10, female: 12 } }`. */
export type Participants = Partial<Record<AgeBand, Partial<Record<Sex, number>>>>;

/** Totals of a participants table: by sex and overall. */
export function participantTotals(p: Participants): {
  male: number;
  female: number;
  total: number;
} {
  let male = 0;
  let female = 0;
  for (const band of AGE_BANDS) {
    male += p[band]?.male ?? 0;
    female += p[band]?.female ?? 0;
  }
  return { male, female, total: male + female };
}

/** Activity results an indicator reads, summed over the activities. */
export interface ActivityFigures {
  activities: number;
  participants: number;
  urine_tested: number;
  urine_positive: number;
  reached: number;
  referred: number;
}
