/** Classify one assessment with a round's catalogue and rule set (pure glue over domain). */
import type { RiskClass } from "../../../domain/risk/classes";
import type { Indicator } from "../../../domain/risk/indicators";
import {
  classifyByIndicators,
  classifyBySurvey,
  countIndicators,
  type RuleSet,
  surveyScore,
} from "../../../domain/risk/rules";

export interface Classification {
  class: RiskClass;
  pokok: number | null;
  pendukung: number | null;
  surveyScore: number | null;
}

export function classify(
  rules: RuleSet,
  catalogue: readonly Indicator[],
  indicators: Record<string, { present: boolean }>,
  surveyItems: Record<string, number>,
): Classification {
  if (rules.method === "survey") {
    const score = surveyScore(surveyItems, rules) ?? 0;
    return {
      class: classifyBySurvey(score, rules),
      pokok: null,
      pendukung: null,
      surveyScore: score,
    };
  }
  const present = Object.entries(indicators)
    .filter(([, v]) => v.present)
    .map(([code]) => code);
  const counts = countIndicators(present, catalogue);
  return { class: classifyByIndicators(counts, rules), ...counts, surveyScore: null };
}
