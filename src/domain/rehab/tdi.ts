/**
 * The Treatment Demand Indicator (EUDA/EMCDDA TDI protocol 3.0) items Tanggap records per
 * episode, with codes close to the protocol's and substances as met in DKI Jakarta
 * (sabu is methamphetamine; tembakau gorila is a synthetic cannabinoid).
 */
import type { AssistSubstance } from "./assist";

export const TDI_SUBSTANCES = [
  "methamphetamine",
  "amphetamines",
  "mdma",
  "cannabis",
  "synthetic_cannabinoids",
  "heroin",
  "other_opioids",
  "cocaine",
  "sedatives",
  "hallucinogens",
  "inhalants",
  "alcohol",
  "other",
] as const;
export type TdiSubstance = (typeof TDI_SUBSTANCES)[number];

/** The ASSIST category each TDI substance belongs to. */
export const TDI_TO_ASSIST: Record<TdiSubstance, AssistSubstance> = {
  methamphetamine: "amphetamine_type_stimulants",
  amphetamines: "amphetamine_type_stimulants",
  mdma: "amphetamine_type_stimulants",
  cannabis: "cannabis",
  synthetic_cannabinoids: "cannabis",
  heroin: "opioids",
  other_opioids: "opioids",
  cocaine: "cocaine",
  sedatives: "sedatives",
  hallucinogens: "hallucinogens",
  inhalants: "inhalants",
  alcohol: "alcohol",
  other: "other",
};

/** TDI item 20: usual route of administration of the primary drug. */
export const TDI_ROUTES = ["inject", "smoke_inhale", "eat_drink", "sniff", "other"] as const;
export type TdiRoute = (typeof TDI_ROUTES)[number];

/** TDI item 21: frequency of use in the last 30 days. */
export const TDI_FREQUENCIES = [
  "not_used_last_30_days",
  "once_a_week_or_less",
  "two_to_three_days_a_week",
  "four_to_six_days_a_week",
  "daily",
] as const;
export type TdiFrequency = (typeof TDI_FREQUENCIES)[number];

/** TDI item 6: ever previously treated for drug use. */
export const TDI_PREVIOUS_TREATMENT = ["never", "previously_treated", "unknown"] as const;
export type TdiPreviousTreatment = (typeof TDI_PREVIOUS_TREATMENT)[number];

/** TDI item 24: injecting status. */
export const TDI_INJECTING = [
  "never",
  "ever_not_last_12_months",
  "last_12_months",
  "last_30_days",
] as const;
export type TdiInjecting = (typeof TDI_INJECTING)[number];

/** Plausible ages at first use (TDI item 22). */
export const AGE_FIRST_USE = { min: 5, max: 90 } as const;
