import { describe, expect, it } from "vitest";
import {
  ASSIST_SCORES,
  assistProblems,
  maxScore,
  riskBand,
  type SubstanceAnswers,
  scoreAssist,
  substanceScore,
} from "./assist";

describe("WHO ASSIST v3.1 answer scores", () => {
  it("are the ones printed on the form", () => {
    expect(ASSIST_SCORES.q2).toEqual({
      never: 0,
      once_or_twice: 2,
      monthly: 3,
      weekly: 4,
      daily: 6,
    });
    expect(ASSIST_SCORES.q3).toEqual({
      never: 0,
      once_or_twice: 3,
      monthly: 4,
      weekly: 5,
      daily: 6,
    });
    expect(ASSIST_SCORES.q4).toEqual({
      never: 0,
      once_or_twice: 4,
      monthly: 5,
      weekly: 6,
      daily: 7,
    });
    expect(ASSIST_SCORES.q5).toEqual({
      never: 0,
      once_or_twice: 5,
      monthly: 6,
      weekly: 7,
      daily: 8,
    });
    expect(ASSIST_SCORES.q6).toEqual({ no: 0, yes_past_3_months: 6, yes_not_past_3_months: 3 });
    expect(ASSIST_SCORES.q7).toEqual({ no: 0, yes_past_3_months: 6, yes_not_past_3_months: 3 });
  });
});

describe("alcohol: 0-10 low, 11-26 moderate, 27+ high", () => {
  const alcohol = (a: Omit<SubstanceAnswers, "substance" | "q1">): SubstanceAnswers => ({
    substance: "alcohol",
    q1: "yes",
    ...a,
  });
  it("10 is low: monthly use 3 + urge once or twice 3 + problems once or twice 4", () => {
    const a = alcohol({
      q2: "monthly",
      q3: "once_or_twice",
      q4: "once_or_twice",
      q5: "never",
      q6: "no",
      q7: "no",
    });
    expect(substanceScore(a)).toBe(10);
    expect(riskBand("alcohol", 10)).toBe("low");
  });
  it("11 is moderate: monthly use 3 + monthly urge 4 + problems once or twice 4", () => {
    const a = alcohol({
      q2: "monthly",
      q3: "monthly",
      q4: "once_or_twice",
      q5: "never",
      q6: "no",
      q7: "no",
    });
    expect(substanceScore(a)).toBe(11);
    expect(riskBand("alcohol", 11)).toBe("moderate");
  });
  it("26 is moderate and 27 high", () => {
    // 4 + 5 + 6 + 5 + 6 + 0 = 26
    const a26 = alcohol({
      q2: "weekly",
      q3: "weekly",
      q4: "weekly",
      q5: "once_or_twice",
      q6: "yes_past_3_months",
      q7: "no",
    });
    expect(substanceScore(a26)).toBe(26);
    expect(riskBand("alcohol", 26)).toBe("moderate");
    // 4 + 5 + 6 + 6 + 6 + 0 = 27
    const a27 = alcohol({
      q2: "weekly",
      q3: "weekly",
      q4: "weekly",
      q5: "monthly",
      q6: "yes_past_3_months",
      q7: "no",
    });
    expect(substanceScore(a27)).toBe(27);
    expect(riskBand("alcohol", 27)).toBe("high");
  });
});

describe("other substances: 0-3 low, 4-26 moderate, 27+ high", () => {
  const meth = (a: Omit<SubstanceAnswers, "substance" | "q1">): SubstanceAnswers => ({
    substance: "amphetamine_type_stimulants",
    q1: "yes",
    ...a,
  });
  it("3 is low: never in 3 months, but a concern raised earlier (3)", () => {
    const a = meth({ q2: "never", q6: "yes_not_past_3_months", q7: "no" });
    expect(substanceScore(a)).toBe(3);
    expect(riskBand("amphetamine_type_stimulants", 3)).toBe("low");
  });
  it("4 and up is moderate: once or twice 2 + failed to cut down earlier 3 = 5", () => {
    const a = meth({
      q2: "once_or_twice",
      q3: "never",
      q4: "never",
      q5: "never",
      q6: "no",
      q7: "yes_not_past_3_months",
    });
    expect(substanceScore(a)).toBe(5);
    expect(riskBand("amphetamine_type_stimulants", 4)).toBe("moderate");
    expect(riskBand("cannabis", 4)).toBe("moderate");
  });
  it("26 moderate, 27 high: daily use with everything", () => {
    // 6 + 6 + 7 + 8 + 0 + 0 = 27
    const a = meth({ q2: "daily", q3: "daily", q4: "daily", q5: "daily", q6: "no", q7: "no" });
    expect(substanceScore(a)).toBe(27);
    expect(riskBand("amphetamine_type_stimulants", 27)).toBe("high");
    expect(riskBand("opioids", 26)).toBe("moderate");
  });
  it("tobacco has no Q5 and tops out at 31; others at 39", () => {
    const t: SubstanceAnswers = {
      substance: "tobacco",
      q1: "yes",
      q2: "daily",
      q3: "daily",
      q4: "daily",
      q6: "yes_past_3_months",
      q7: "yes_past_3_months",
    };
    expect(substanceScore(t)).toBe(31);
    expect(maxScore("tobacco")).toBe(31);
    expect(maxScore("opioids")).toBe(39);
    expect(riskBand("tobacco", 3)).toBe("low");
    expect(riskBand("tobacco", 4)).toBe("moderate");
  });
});

describe("skip logic and the whole questionnaire", () => {
  it("refuses answers the form would not have asked", () => {
    expect(
      assistProblems({
        q8: "no",
        substances: [{ substance: "cannabis", q1: "no", q2: "daily" }],
      }).map((p) => p.problem),
    ).toEqual(["ASSIST_NOT_ASKED_NEVER_USED"]);
    expect(
      assistProblems({
        q8: "no",
        substances: [
          { substance: "cannabis", q1: "yes", q2: "never", q3: "daily", q6: "no", q7: "no" },
        ],
      }).map((p) => p.problem),
    ).toEqual(["ASSIST_NOT_ASKED_NO_RECENT_USE"]);
    expect(
      assistProblems({
        q8: "no",
        substances: [
          {
            substance: "tobacco",
            q1: "yes",
            q2: "daily",
            q3: "daily",
            q4: "daily",
            q5: "daily",
            q6: "no",
            q7: "no",
          },
        ],
      }).map((p) => p.problem),
    ).toEqual(["ASSIST_Q5_NOT_FOR_TOBACCO"]);
    expect(
      assistProblems({
        q8: "no",
        substances: [{ substance: "other", q1: "yes", q2: "never", q6: "no", q7: "no" }],
      }).map((p) => p.problem),
    ).toEqual(["ASSIST_OTHER_UNSPECIFIED"]);
  });

  it("gives every substance its band and the highest band overall", () => {
    const result = scoreAssist({
      q8: "yes_not_past_3_months",
      substances: [
        {
          substance: "alcohol",
          q1: "yes",
          q2: "monthly",
          q3: "once_or_twice",
          q4: "once_or_twice",
          q5: "never",
          q6: "no",
          q7: "no",
        },
        {
          substance: "opioids",
          q1: "yes",
          q2: "daily",
          q3: "daily",
          q4: "daily",
          q5: "daily",
          q6: "no",
          q7: "no",
        },
        { substance: "cocaine", q1: "no" },
      ],
    });
    expect(result.scores.map((s) => [s.substance, s.score, s.band])).toEqual([
      ["alcohol", 10, "low"],
      ["opioids", 27, "high"],
      ["cocaine", 0, "low"],
    ]);
    expect(result.highestBand).toBe("high");
    expect(result.injection).toBe("yes_not_past_3_months");
  });
});
