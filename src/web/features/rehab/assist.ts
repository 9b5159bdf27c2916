/**
 * The WHO ASSIST v3.1 questionnaire as the intake wizard holds it while it is being answered,
 * on top of the domain's definition and scoring (src/domain/rehab/assist.ts, the same code the
 * server scores with).
 */
import {
  ASSIST_SUBSTANCES,
  type AssistAnswers as AssistBody,
  type AssistSubstance,
  substanceScore as domainScore,
  FREQUENCY_ANSWERS,
  type FrequencyAnswer,
  RECENCY_ANSWERS,
  type RecencyAnswer,
  type RiskBand,
  riskBand,
  type SubstanceAnswers as SubstanceBody,
} from "../../../domain/rehab/assist";

export type { FrequencyAnswer, RecencyAnswer };
export { ASSIST_SUBSTANCES, type AssistSubstance, type RiskBand, riskBand };

/** The per-substance questions Q2 to Q7 (Q1 is yes/no, Q8 is one question for all drugs). */
export const ASSIST_QUESTIONS = ["q2", "q3", "q4", "q5", "q6", "q7"] as const;
export type AssistQuestion = (typeof ASSIST_QUESTIONS)[number];

export function answersOf(question: AssistQuestion | "q8"): readonly string[] {
  return question === "q6" || question === "q7" || question === "q8"
    ? RECENCY_ANSWERS
    : FREQUENCY_ANSWERS;
}

/** One substance's answers as the wizard holds them (null: not answered yet). */
export interface SubstanceAnswers {
  /** Q1: ever used in life. */
  ever: boolean | null;
  q2: FrequencyAnswer | null;
  q3: FrequencyAnswer | null;
  q4: FrequencyAnswer | null;
  q5: FrequencyAnswer | null;
  q6: RecencyAnswer | null;
  q7: RecencyAnswer | null;
}

export interface AssistAnswers {
  substances: Record<AssistSubstance, SubstanceAnswers>;
  /** What the "other" substance is (a substance name, never about the person). */
  otherName: string;
  /** Q8: injected any drug (non-medical use). */
  q8: RecencyAnswer | null;
}

export function emptyAssist(): AssistAnswers {
  const blank = (): SubstanceAnswers => ({
    ever: null,
    q2: null,
    q3: null,
    q4: null,
    q5: null,
    q6: null,
    q7: null,
  });
  return {
    substances: Object.fromEntries(ASSIST_SUBSTANCES.map((s) => [s, blank()])) as Record<
      AssistSubstance,
      SubstanceAnswers
    >,
    otherName: "",
    q8: null,
  };
}

/**
 * The questions asked for a substance given the answers so far (the questionnaire's skip
 * rules): nothing unless Q1 is yes; Q3 to Q5 only when used in the past three months (Q2 not
 * "never"); Q5 is never asked for tobacco.
 */
export function askedQuestions(
  substance: AssistSubstance,
  answers: SubstanceAnswers,
): AssistQuestion[] {
  if (answers.ever !== true) return [];
  const usedRecently = answers.q2 !== null && answers.q2 !== "never";
  return ASSIST_QUESTIONS.filter((q) => {
    if (q === "q3" || q === "q4" || q === "q5") {
      if (!usedRecently) return false;
      if (q === "q5" && substance === "tobacco") return false;
    }
    return true;
  });
}

/** True when some substance was ever used (then Q8 is asked). */
export function anyUsed(answers: AssistAnswers): boolean {
  return ASSIST_SUBSTANCES.some((s) => answers.substances[s].ever === true);
}

/** Questions still unanswered (for the step's validation). */
export function missingAnswers(
  answers: AssistAnswers,
): { substance: AssistSubstance | null; question: string }[] {
  const missing: { substance: AssistSubstance | null; question: string }[] = [];
  for (const substance of ASSIST_SUBSTANCES) {
    const a = answers.substances[substance];
    if (a.ever === null) missing.push({ substance, question: "q1" });
    for (const q of askedQuestions(substance, a)) {
      if (a[q] === null) missing.push({ substance, question: q });
    }
  }
  if (answers.substances.other.ever === true && !answers.otherName.trim()) {
    missing.push({ substance: "other", question: "otherSpecify" });
  }
  if (anyUsed(answers) && answers.q8 === null) missing.push({ substance: null, question: "q8" });
  return missing;
}

/** One substance's answers in the API's shape (only the questions that were asked). */
function substanceBody(substance: AssistSubstance, answers: AssistAnswers): SubstanceBody {
  const a = answers.substances[substance];
  const body: SubstanceBody = { substance, q1: a.ever ? "yes" : "no" };
  if (substance === "other" && a.ever && answers.otherName.trim()) {
    body.otherSpecify = answers.otherName.trim();
  }
  for (const q of askedQuestions(substance, a)) {
    const value = a[q];
    if (value !== null) (body as Record<string, unknown>)[q] = value;
  }
  return body;
}

/** The answers as the API takes them (`assistAnswers` in the domain). */
export function assistBody(answers: AssistAnswers): AssistBody {
  return {
    substances: ASSIST_SUBSTANCES.map((s) => substanceBody(s, answers)),
    // Q8 is not asked when nothing was ever used: the answer is then "no".
    q8: anyUsed(answers) ? (answers.q8 ?? "no") : "no",
  };
}

/** The live Specific Substance Involvement Score, by the domain's scoring. */
export function substanceScore(substance: AssistSubstance, answers: AssistAnswers): number {
  return domainScore(substanceBody(substance, answers));
}
