/** The intake wizard's draft (held in memory only) and the checks of each step. */
import { type AssistAnswers, emptyAssist, missingAnswers } from "./assist";
import { AGE_FIRST_USE } from "./vocab";

export const INTAKE_STEPS = ["identity", "episode", "assist", "tdi", "plan", "review"] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

export interface IntakeDraft {
  identity: {
    fullName: string;
    nik: string;
    birthDate: string;
    phone: string;
    address: string;
    sex: string;
    residenceKelurahanCode: string;
  };
  /** The client found by the NIK's blind index, when the person chose to continue with it. */
  existing: { id: string; code: string } | null;
  episode: {
    facilityId: string;
    entryRoute: string;
    tatRecommendation: string;
    referralNote: string;
    startDate: string;
    consentGiven: boolean;
    consentBy: string;
    consentDate: string;
    consentNote: string;
  };
  assist: AssistAnswers;
  tdi: {
    primarySubstance: string;
    secondarySubstance: string;
    route: string;
    frequency: string;
    ageAtFirstUse: string;
    previousTreatment: string;
    injecting: string;
  };
  plan: { serviceType: string; treatmentPlan: string };
}

export function emptyDraft(today: string, facilityId: string): IntakeDraft {
  return {
    identity: {
      fullName: "",
      nik: "",
      birthDate: "",
      phone: "",
      address: "",
      sex: "",
      residenceKelurahanCode: "",
    },
    existing: null,
    episode: {
      facilityId,
      entryRoute: "",
      tatRecommendation: "",
      referralNote: "",
      startDate: today,
      consentGiven: false,
      consentBy: "client",
      consentDate: today,
      consentNote: "",
    },
    assist: emptyAssist(),
    tdi: {
      primarySubstance: "",
      secondarySubstance: "",
      route: "",
      frequency: "",
      ageAtFirstUse: "",
      previousTreatment: "",
      injecting: "",
    },
    plan: { serviceType: "", treatmentPlan: "" },
  };
}

/** Problems of a step as field -> catalogue key under `rehab.intake.errors`. */
export type StepErrors = Record<string, string>;

export const NIK_PATTERN = /^\d{16}$/;

/** Age in whole years on a date (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function checkStep(step: IntakeStep, draft: IntakeDraft, today: string): StepErrors {
  const errors: StepErrors = {};
  if (step === "identity") {
    const id = draft.identity;
    if (!NIK_PATTERN.test(id.nik)) errors.nik = "nik";
    if (draft.existing) return errors;
    if (id.fullName.trim().length < 2) errors.fullName = "required";
    if (!id.birthDate) errors.birthDate = "required";
    else if (id.birthDate > today) errors.birthDate = "future";
    else if (ageOn(id.birthDate, today) > 110) errors.birthDate = "tooOld";
    if (id.phone && !/^[+\d][\d\s-]{5,19}$/.test(id.phone)) errors.phone = "phone";
    if (!id.sex) errors.sex = "required";
    if (!id.residenceKelurahanCode) errors.residenceKelurahanCode = "required";
  } else if (step === "episode") {
    const e = draft.episode;
    if (!e.facilityId) errors.facilityId = "required";
    if (!e.entryRoute) errors.entryRoute = "required";
    if (e.entryRoute === "legal_tat" && !e.tatRecommendation.trim())
      errors.tatRecommendation = "required";
    if (
      e.consentBy === "client" &&
      draft.identity.birthDate &&
      !draft.existing &&
      ageOn(draft.identity.birthDate, today) < 18
    )
      errors.consentBy = "guardianForChild";
    if (!e.startDate) errors.startDate = "required";
    else if (e.startDate > today) errors.startDate = "future";
    if (!e.consentGiven) errors.consentGiven = "consent";
    if (!e.consentDate) errors.consentDate = "required";
    else if (e.consentDate > today) errors.consentDate = "future";
  } else if (step === "assist") {
    if (missingAnswers(draft.assist).length > 0) errors.assist = "assist";
  } else if (step === "tdi") {
    const t = draft.tdi;
    if (!t.primarySubstance) errors.primarySubstance = "required";
    if (t.secondarySubstance && t.secondarySubstance === t.primarySubstance)
      errors.secondarySubstance = "sameSubstance";
    if (!t.route) errors.route = "required";
    if (!t.frequency) errors.frequency = "required";
    if (t.ageAtFirstUse !== "") {
      const age = Number(t.ageAtFirstUse);
      if (!Number.isInteger(age) || age < AGE_FIRST_USE.min || age > AGE_FIRST_USE.max)
        errors.ageAtFirstUse = "age";
      else if (
        !draft.existing &&
        draft.identity.birthDate &&
        age > ageOn(draft.identity.birthDate, today)
      )
        errors.ageAtFirstUse = "olderThanClient";
    }
    if (!t.previousTreatment) errors.previousTreatment = "required";
    if (!t.injecting) errors.injecting = "required";
  } else if (step === "plan") {
    if (!draft.plan.serviceType) errors.serviceType = "required";
    if (draft.plan.treatmentPlan.trim().length < 3) errors.treatmentPlan = "required";
  }
  return errors;
}
