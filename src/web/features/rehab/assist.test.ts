import { describe, expect, it } from "vitest";
import { assistAnswers, assistProblems, scoreAssist } from "../../../domain/rehab/assist";
import {
  type AssistAnswers,
  askedQuestions,
  assistBody,
  emptyAssist,
  missingAnswers,
  substanceScore,
} from "./assist";
import { checkStep, emptyDraft } from "./intake";

function answered(): AssistAnswers {
  const a = emptyAssist();
  for (const s of Object.keys(a.substances) as (keyof AssistAnswers["substances"])[]) {
    a.substances[s].ever = false;
  }
  return a;
}

describe("the wizard's ASSIST questionnaire", () => {
  it("asks Q3 to Q5 only after use in the past three months, and never Q5 for tobacco", () => {
    const a = answered();
    a.substances.tobacco = { ...a.substances.tobacco, ever: true, q2: "daily" };
    expect(askedQuestions("tobacco", a.substances.tobacco)).toEqual(["q2", "q3", "q4", "q6", "q7"]);
    a.substances.cannabis = { ...a.substances.cannabis, ever: true, q2: "never" };
    expect(askedQuestions("cannabis", a.substances.cannabis)).toEqual(["q2", "q6", "q7"]);
    expect(askedQuestions("alcohol", a.substances.alcohol)).toEqual([]);
  });

  it("lists what is unanswered, Q8 only once something was used", () => {
    const a = emptyAssist();
    expect(missingAnswers(a)).toHaveLength(10);
    const none = answered();
    expect(missingAnswers(none)).toEqual([]);
    none.substances.other = {
      ...none.substances.other,
      ever: true,
      q2: "never",
      q6: "no",
      q7: "no",
    };
    expect(missingAnswers(none).map((m) => m.question)).toEqual(["otherSpecify", "q8"]);
  });

  it("sends only the questions asked, which the domain accepts and scores like the live score", () => {
    const a = answered();
    a.substances.alcohol = {
      ever: true,
      q2: "weekly",
      q3: "weekly",
      q4: "monthly",
      q5: "once_or_twice",
      q6: "yes_past_3_months",
      q7: "no",
    };
    // Answers left behind by a later "never" are not sent.
    a.substances.cannabis = {
      ever: true,
      q2: "never",
      q3: "daily",
      q4: "daily",
      q5: "daily",
      q6: "yes_not_past_3_months",
      q7: "no",
    };
    a.q8 = "no";
    const body = assistBody(a);
    expect(assistAnswers.safeParse(body).success).toBe(true);
    expect(assistProblems(body)).toEqual([]);
    expect(body.substances.find((s) => s.substance === "cannabis")).toEqual({
      substance: "cannabis",
      q1: "yes",
      q2: "never",
      q6: "yes_not_past_3_months",
      q7: "no",
    });
    const result = scoreAssist(body);
    const score = (s: string) => result.scores.find((r) => r.substance === s);
    expect(score("alcohol")).toMatchObject({ score: 25, band: "moderate" });
    expect(score("cannabis")).toMatchObject({ score: 3, band: "low" });
    expect(substanceScore("alcohol", a)).toBe(25);
    expect(substanceScore("cannabis", a)).toBe(3);
  });

  it("answers Q8 'no' when nothing was ever used", () => {
    expect(assistBody(answered()).q8).toBe("no");
  });
});

describe("the wizard's step checks", () => {
  const today = "2026-11-29";
  it("requires a 16-digit NIK, a date of birth not in the future and the statistics fields", () => {
    const d = emptyDraft(today, "f");
    d.identity.nik = "12345";
    d.identity.birthDate = "2027-01-01";
    expect(checkStep("identity", d, today)).toEqual({
      nik: "nik",
      fullName: "required",
      birthDate: "future",
      sex: "required",
      residenceKelurahanCode: "required",
    });
  });

  it("asks for a guardian's consent for a child, and a TAT recommendation on the legal route", () => {
    const d = emptyDraft(today, "f");
    d.identity.birthDate = "2010-06-01";
    d.episode.entryRoute = "legal_tat";
    d.episode.consentGiven = true;
    expect(checkStep("episode", d, today)).toEqual({
      tatRecommendation: "required",
      consentBy: "guardianForChild",
    });
    d.episode.consentBy = "guardian";
    d.episode.tatRecommendation = "rehab_outpatient";
    expect(checkStep("episode", d, today)).toEqual({});
  });

  it("refuses an age at first use above the client's age and the same secondary substance", () => {
    const d = emptyDraft(today, "f");
    d.identity.birthDate = "2000-01-01";
    d.tdi = {
      primarySubstance: "cannabis",
      secondarySubstance: "cannabis",
      route: "smoke_inhale",
      frequency: "daily",
      ageAtFirstUse: "30",
      previousTreatment: "never",
      injecting: "never",
    };
    expect(checkStep("tdi", d, today)).toEqual({
      secondarySubstance: "sameSubstance",
      ageAtFirstUse: "olderThanClient",
    });
  });
});
