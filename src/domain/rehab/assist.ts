/**
 * WHO ASSIST v3.1 (Alcohol, Smoking and Substance Involvement Screening Test): the
 * questionnaire, its answer scores and the Specific Substance Involvement Score (SSIS) with
 * its risk band per substance, as in the WHO manual (2010) and DOMAIN.md section 6.
 *
 * - Q1 (lifetime use) gates the rest for a substance; it is not scored.
 * - SSIS = Q2 + Q3 + Q4 + Q5 + Q6 + Q7; Q5 is not asked for tobacco.
 * - Q2 "never" in the past three months skips Q3 to Q5 for that substance; Q6 and Q7 are
 *   asked for every substance ever used.
 * - Q8 (ever injected, non-medical) is asked once and is not part of any SSIS.
 * - Bands: alcohol 0-10 low, 11-26 moderate, 27+ high; every other substance (tobacco
 *   included) 0-3 low, 4-26 moderate, 27+ high.
 */
import { z } from "zod";

export const ASSIST_VERSION = "3.1";

export const ASSIST_SUBSTANCES = [
  "tobacco",
  "alcohol",
  "cannabis",
  "cocaine",
  "amphetamine_type_stimulants",
  "inhalants",
  "sedatives",
  "hallucinogens",
  "opioids",
  "other",
] as const;
export type AssistSubstance = (typeof ASSIST_SUBSTANCES)[number];

/** The instrument's letters (a to j) and English/Indonesian examples shown with each. */
export const ASSIST_SUBSTANCE_INFO: Record<
  AssistSubstance,
  { letter: string; examples: string; examplesId: string }
> = {
  tobacco: {
    letter: "a",
    examples: "cigarettes, chewing tobacco, cigars",
    examplesId: "rokok, tembakau kunyah, cerutu",
  },
  alcohol: {
    letter: "b",
    examples: "beer, wine, spirits",
    examplesId: "bir, anggur, minuman keras, tuak, ciu",
  },
  cannabis: {
    letter: "c",
    examples: "marijuana, pot, grass, hash",
    examplesId: "ganja, gele, cimeng; tembakau gorila (sintetis)",
  },
  cocaine: { letter: "d", examples: "coke, crack", examplesId: "kokain" },
  amphetamine_type_stimulants: {
    letter: "e",
    examples: "speed, meth, ecstasy",
    examplesId: "sabu (metamfetamin), ekstasi, amfetamin",
  },
  inhalants: {
    letter: "f",
    examples: "nitrous, glue, petrol, paint thinner",
    examplesId: "lem, tiner, bensin",
  },
  sedatives: {
    letter: "g",
    examples: "diazepam, alprazolam, flunitrazepam",
    examplesId: "obat penenang: alprazolam, diazepam, pil koplo",
  },
  hallucinogens: {
    letter: "h",
    examples: "LSD, acid, mushrooms, PCP",
    examplesId: "LSD, jamur (magic mushroom)",
  },
  opioids: {
    letter: "i",
    examples: "heroin, morphine, methadone, codeine",
    examplesId: "heroin (putaw), morfin, metadon, kodein, tramadol",
  },
  other: { letter: "j", examples: "specify", examplesId: "sebutkan" },
};

/** Answers of Q2 (frequency of use in the past three months). */
export const FREQUENCY_ANSWERS = ["never", "once_or_twice", "monthly", "weekly", "daily"] as const;
export type FrequencyAnswer = (typeof FREQUENCY_ANSWERS)[number];

/** Answers of Q6, Q7 and Q8. */
export const RECENCY_ANSWERS = ["no", "yes_past_3_months", "yes_not_past_3_months"] as const;
export type RecencyAnswer = (typeof RECENCY_ANSWERS)[number];

/** The score of each answer, per question, exactly as printed on the WHO form. */
export const ASSIST_SCORES = {
  q2: { never: 0, once_or_twice: 2, monthly: 3, weekly: 4, daily: 6 },
  q3: { never: 0, once_or_twice: 3, monthly: 4, weekly: 5, daily: 6 },
  q4: { never: 0, once_or_twice: 4, monthly: 5, weekly: 6, daily: 7 },
  q5: { never: 0, once_or_twice: 5, monthly: 6, weekly: 7, daily: 8 },
  q6: { no: 0, yes_past_3_months: 6, yes_not_past_3_months: 3 },
  q7: { no: 0, yes_past_3_months: 6, yes_not_past_3_months: 3 },
  q8: { no: 0, yes_past_3_months: 2, yes_not_past_3_months: 1 },
} as const;

export const ASSIST_QUESTIONS = [
  {
    id: "q1",
    text: "In your life, which of the following substances have you ever used? (non-medical use only)",
    textId:
      "Sepanjang hidup Anda, zat mana saja yang pernah Anda gunakan? (bukan untuk pengobatan)",
    answers: ["no", "yes"],
  },
  {
    id: "q2",
    text: "In the past three months, how often have you used the substances you mentioned?",
    textId: "Dalam tiga bulan terakhir, seberapa sering Anda menggunakan zat tersebut?",
    answers: FREQUENCY_ANSWERS,
  },
  {
    id: "q3",
    text: "During the past three months, how often have you had a strong desire or urge to use?",
    textId:
      "Dalam tiga bulan terakhir, seberapa sering Anda merasakan keinginan kuat untuk menggunakan?",
    answers: FREQUENCY_ANSWERS,
  },
  {
    id: "q4",
    text: "During the past three months, how often has your use led to health, social, legal or financial problems?",
    textId:
      "Dalam tiga bulan terakhir, seberapa sering penggunaan Anda menimbulkan masalah kesehatan, sosial, hukum atau keuangan?",
    answers: FREQUENCY_ANSWERS,
  },
  {
    id: "q5",
    text: "During the past three months, how often have you failed to do what was normally expected of you because of your use?",
    textId:
      "Dalam tiga bulan terakhir, seberapa sering Anda gagal melakukan hal yang biasanya diharapkan dari Anda karena penggunaan?",
    answers: FREQUENCY_ANSWERS,
    notFor: ["tobacco"],
  },
  {
    id: "q6",
    text: "Has a friend or relative or anyone else ever expressed concern about your use?",
    textId:
      "Pernahkah teman, kerabat atau orang lain menyatakan kekhawatiran tentang penggunaan Anda?",
    answers: RECENCY_ANSWERS,
  },
  {
    id: "q7",
    text: "Have you ever tried and failed to control, cut down or stop using?",
    textId:
      "Pernahkah Anda mencoba dan gagal mengendalikan, mengurangi atau menghentikan penggunaan?",
    answers: RECENCY_ANSWERS,
  },
  {
    id: "q8",
    text: "Have you ever used any drug by injection? (non-medical use only)",
    textId: "Pernahkah Anda menggunakan zat apa pun dengan cara disuntik? (bukan untuk pengobatan)",
    answers: RECENCY_ANSWERS,
    once: true,
  },
] as const;

export const RISK_BANDS = ["low", "moderate", "high"] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** Upper score of the low band and lower score of the high band, per substance. */
export function bandLimits(substance: AssistSubstance): { lowMax: number; highMin: number } {
  return substance === "alcohol" ? { lowMax: 10, highMin: 27 } : { lowMax: 3, highMin: 27 };
}

/** The risk band of a Specific Substance Involvement Score. */
export function riskBand(substance: AssistSubstance, score: number): RiskBand {
  const { lowMax, highMin } = bandLimits(substance);
  if (score >= highMin) return "high";
  if (score > lowMax) return "moderate";
  return "low";
}

/** Highest possible SSIS: 31 for tobacco (no Q5), 39 for every other substance. */
export function maxScore(substance: AssistSubstance): number {
  return substance === "tobacco" ? 31 : 39;
}

export const substanceAnswers = z
  .object({
    substance: z.enum(ASSIST_SUBSTANCES),
    /** For "other": what it is (a substance name, never about the person). */
    otherSpecify: z.string().trim().max(80).optional(),
    q1: z.enum(["no", "yes"]),
    q2: z.enum(FREQUENCY_ANSWERS).optional(),
    q3: z.enum(FREQUENCY_ANSWERS).optional(),
    q4: z.enum(FREQUENCY_ANSWERS).optional(),
    q5: z.enum(FREQUENCY_ANSWERS).optional(),
    q6: z.enum(RECENCY_ANSWERS).optional(),
    q7: z.enum(RECENCY_ANSWERS).optional(),
  })
  .strict();
export type SubstanceAnswers = z.infer<typeof substanceAnswers>;

export const assistAnswers = z
  .object({
    substances: z.array(substanceAnswers).min(1).max(ASSIST_SUBSTANCES.length),
    q8: z.enum(RECENCY_ANSWERS),
  })
  .strict();
export type AssistAnswers = z.infer<typeof assistAnswers>;

export interface SubstanceScore {
  substance: AssistSubstance;
  everUsed: boolean;
  score: number;
  band: RiskBand;
}

export interface AssistResult {
  version: typeof ASSIST_VERSION;
  scores: SubstanceScore[];
  /** The highest band over all substances (low when none was used). */
  highestBand: RiskBand;
  /** Q8 as answered. */
  injection: RecencyAnswer;
}

export interface AssistProblem {
  field: string;
  problem: string;
}

/** Skip-logic problems (answers that the form would not have asked); empty when consistent. */
export function assistProblems(answers: AssistAnswers): AssistProblem[] {
  const problems: AssistProblem[] = [];
  const seen = new Set<string>();
  answers.substances.forEach((s, i) => {
    const at = (q: string) => `substances.${i}.${q}`;
    if (seen.has(s.substance))
      problems.push({ field: at("substance"), problem: "ASSIST_DUPLICATE_SUBSTANCE" });
    seen.add(s.substance);
    const later = ["q2", "q3", "q4", "q5", "q6", "q7"] as const;
    if (s.q1 === "no") {
      for (const q of later)
        if (s[q] !== undefined)
          problems.push({ field: at(q), problem: "ASSIST_NOT_ASKED_NEVER_USED" });
      return;
    }
    if (s.q2 === undefined) problems.push({ field: at("q2"), problem: "ASSIST_ANSWER_REQUIRED" });
    if (s.q6 === undefined) problems.push({ field: at("q6"), problem: "ASSIST_ANSWER_REQUIRED" });
    if (s.q7 === undefined) problems.push({ field: at("q7"), problem: "ASSIST_ANSWER_REQUIRED" });
    if (s.substance === "tobacco" && s.q5 !== undefined)
      problems.push({ field: at("q5"), problem: "ASSIST_Q5_NOT_FOR_TOBACCO" });
    const recent = s.q2 !== undefined && s.q2 !== "never";
    for (const q of ["q3", "q4", "q5"] as const) {
      if (q === "q5" && s.substance === "tobacco") continue;
      if (!recent && s[q] !== undefined && s[q] !== "never")
        problems.push({ field: at(q), problem: "ASSIST_NOT_ASKED_NO_RECENT_USE" });
      if (recent && s[q] === undefined)
        problems.push({ field: at(q), problem: "ASSIST_ANSWER_REQUIRED" });
    }
    if (s.substance === "other" && !s.otherSpecify)
      problems.push({ field: at("otherSpecify"), problem: "ASSIST_OTHER_UNSPECIFIED" });
  });
  return problems;
}

/** The SSIS of one substance's answers (unanswered questions count 0). */
export function substanceScore(s: SubstanceAnswers): number {
  if (s.q1 === "no") return 0;
  let score = 0;
  if (s.q2) score += ASSIST_SCORES.q2[s.q2];
  if (s.q3) score += ASSIST_SCORES.q3[s.q3];
  if (s.q4) score += ASSIST_SCORES.q4[s.q4];
  if (s.q5 && s.substance !== "tobacco") score += ASSIST_SCORES.q5[s.q5];
  if (s.q6) score += ASSIST_SCORES.q6[s.q6];
  if (s.q7) score += ASSIST_SCORES.q7[s.q7];
  return score;
}

const BAND_ORDER: Record<RiskBand, number> = { low: 0, moderate: 1, high: 2 };

/** Scores and bands of a completed questionnaire (call {@link assistProblems} first). */
export function scoreAssist(answers: AssistAnswers): AssistResult {
  const scores = answers.substances.map((s) => {
    const score = substanceScore(s);
    return {
      substance: s.substance,
      everUsed: s.q1 === "yes",
      score,
      band: riskBand(s.substance, score),
    };
  });
  const highestBand = scores.reduce<RiskBand>(
    (top, s) => (BAND_ORDER[s.band] > BAND_ORDER[top] ? s.band : top),
    "low",
  );
  return { version: ASSIST_VERSION, scores, highestBand, injection: answers.q8 };
}
