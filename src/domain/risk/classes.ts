/**
 * BNN's drug-prone area classes, most severe first. The order is the reverse of the
 * disaster-alert scale (where Siaga is above Waspada): never reuse disaster colours or order.
 */
export const RISK_CLASSES = ["bahaya", "waspada", "siaga", "aman"] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** Severity rank: 3 for Bahaya down to 0 for Aman. */
export function severity(riskClass: RiskClass): number {
  return RISK_CLASSES.length - 1 - RISK_CLASSES.indexOf(riskClass);
}

/** BNN counts Bahaya and Waspada as "rawan". */
export function isRawan(riskClass: RiskClass): boolean {
  return riskClass === "bahaya" || riskClass === "waspada";
}

export function isRiskClass(value: string): value is RiskClass {
  return (RISK_CLASSES as readonly string[]).includes(value);
}

export type ClassChange = "up" | "down" | "same" | "new" | "gone";

/** Movement between two rounds: up means more severe. */
export function classChange(before: RiskClass | null, after: RiskClass | null): ClassChange {
  if (before === null && after === null) return "same";
  if (before === null) return "new";
  if (after === null) return "gone";
  const delta = severity(after) - severity(before);
  return delta > 0 ? "up" : delta < 0 ? "down" : "same";
}
