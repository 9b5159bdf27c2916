/**
 * Classification rules: which indicator counts (or survey score) make an area Bahaya,
 * Waspada, Siaga or Aman. Only the Bahaya threshold is published by BNN; the others ship as
 * clearly labelled provisional defaults that an administrator can change. A rule set is
 * versioned by the caller and never changed in place.
 */
import { RISK_CLASSES, type RiskClass } from "./classes";
import type { Indicator } from "./indicators";

export interface IndicatorThreshold {
  /** At least this many pokok indicators present. */
  pokok: number;
  /** And at least this many pendukung indicators present. */
  pendukung: number;
  /** True when BNN has not published this threshold. */
  provisional: boolean;
}

export interface IndicatorRules {
  method: "indicator";
  /** Thresholds for each class above Aman; checked from Bahaya down. */
  thresholds: Record<Exclude<RiskClass, "aman">, IndicatorThreshold>;
}

export interface SurveyRules {
  method: "survey";
  /** Weight of each questionnaire item (score 0-100 each). */
  weights: Record<string, number>;
  /** Lowest weighted score (0-100) of each class above Aman. */
  bands: Record<Exclude<RiskClass, "aman">, number>;
  provisional: boolean;
}

export type RuleSet = IndicatorRules | SurveyRules;

/** BNN's published Bahaya rule, with provisional defaults for Waspada and Siaga. */
export const DEFAULT_INDICATOR_RULES: IndicatorRules = {
  method: "indicator",
  thresholds: {
    bahaya: { pokok: 5, pendukung: 4, provisional: false },
    waspada: { pokok: 3, pendukung: 2, provisional: true },
    siaga: { pokok: 1, pendukung: 0, provisional: true },
  },
};

/** Provisional survey defaults (the IKRN formula is not published): equal weights, quartile bands. */
export const DEFAULT_SURVEY_RULES: SurveyRules = {
  method: "survey",
  weights: { keluarga: 1, masyarakat: 1, wilayah: 1, kelembagaan: 1, hukum: 1 },
  bands: { bahaya: 75, waspada: 50, siaga: 25 },
  provisional: true,
};

export interface IndicatorCounts {
  pokok: number;
  pendukung: number;
}

/** Count the present indicators by kind; unknown or retired codes are ignored. */
export function countIndicators(
  present: Iterable<string>,
  catalogue: readonly Indicator[],
): IndicatorCounts {
  const byCode = new Map(catalogue.filter((i) => !i.retired).map((i) => [i.code, i.kind]));
  const counts: IndicatorCounts = { pokok: 0, pendukung: 0 };
  for (const code of new Set(present)) {
    const kind = byCode.get(code);
    if (kind) counts[kind] += 1;
  }
  return counts;
}

/** The class for indicator counts: the most severe class whose thresholds are both met. */
export function classifyByIndicators(counts: IndicatorCounts, rules: IndicatorRules): RiskClass {
  for (const riskClass of RISK_CLASSES) {
    if (riskClass === "aman") return "aman";
    const t = rules.thresholds[riskClass];
    if (counts.pokok >= t.pokok && counts.pendukung >= t.pendukung) return riskClass;
  }
  return "aman";
}

/** Weighted mean of item scores (0-100); items without a weight are ignored. Null without any. */
export function surveyScore(items: Record<string, number>, rules: SurveyRules): number | null {
  let sum = 0;
  let weights = 0;
  for (const [item, weight] of Object.entries(rules.weights)) {
    const value = items[item];
    if (value === undefined || weight <= 0) continue;
    sum += weight * value;
    weights += weight;
  }
  return weights === 0 ? null : sum / weights;
}

/** The class for a survey score: the most severe band whose lower bound is reached. */
export function classifyBySurvey(score: number, rules: SurveyRules): RiskClass {
  if (score >= rules.bands.bahaya) return "bahaya";
  if (score >= rules.bands.waspada) return "waspada";
  if (score >= rules.bands.siaga) return "siaga";
  return "aman";
}

/** Problems with a rule set (thresholds that do not decrease with severity, bad bands). */
export function ruleProblems(rules: RuleSet): string[] {
  const problems: string[] = [];
  if (rules.method === "indicator") {
    const { bahaya, waspada, siaga } = rules.thresholds;
    for (const [name, t] of Object.entries(rules.thresholds)) {
      if (
        !Number.isInteger(t.pokok) ||
        t.pokok < 0 ||
        !Number.isInteger(t.pendukung) ||
        t.pendukung < 0
      ) {
        problems.push(`${name}: thresholds must be whole numbers from 0`);
      }
    }
    const atMost = (a: IndicatorThreshold, b: IndicatorThreshold) =>
      a.pokok <= b.pokok && a.pendukung <= b.pendukung;
    if (!atMost(waspada, bahaya)) problems.push("waspada must not need more than bahaya");
    if (!atMost(siaga, waspada)) problems.push("siaga must not need more than waspada");
  } else {
    const { bahaya, waspada, siaga } = rules.bands;
    if (!(bahaya > waspada && waspada > siaga && siaga >= 0 && bahaya <= 100)) {
      problems.push("bands must satisfy 100 >= bahaya > waspada > siaga >= 0");
    }
    if (Object.values(rules.weights).some((w) => !(w >= 0)))
      problems.push("weights must be 0 or more");
    if (!Object.values(rules.weights).some((w) => w > 0))
      problems.push("at least one weight must be above 0");
  }
  return problems;
}
