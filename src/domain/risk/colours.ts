/**
 * Map colours of the risk classes: one sequential purple ramp (ColorBrewer "Purples"),
 * darkest for Bahaya. Deliberately not the red-orange-yellow-green of disaster alerts, whose
 * order (Siaga above Waspada) is the reverse of BNN's; the class word is always shown too.
 */
import type { RiskClass } from "./classes";

export const RISK_COLOURS: Readonly<Record<RiskClass, string>> = {
  bahaya: "#54278f",
  waspada: "#8c6bb1",
  siaga: "#c4b5da",
  aman: "#f2f0f7",
};

/** Text colour that stays readable on each class colour. */
export const RISK_TEXT_COLOURS: Readonly<Record<RiskClass, string>> = {
  bahaya: "#ffffff",
  waspada: "#ffffff",
  siaga: "#1f1433",
  aman: "#1f1433",
};
