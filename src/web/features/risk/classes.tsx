import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type ClassChange, type RiskClass, severity } from "../../../domain/risk/classes";
import { RISK_COLOURS, RISK_TEXT_COLOURS } from "../../../domain/risk/colours";
import type { AssessmentStatus, RoundMethod } from "./risk.types";
import "./risk.css";

/** Grey of kelurahan without a published class (drawn hatched on the map). */
export const NOT_ASSESSED_COLOUR = "#e4e6e8";

/** Arrows that go with the words of a change (never colour alone). */
export const CHANGE_SYMBOLS: Readonly<Record<ClassChange, string>> = {
  up: "▲",
  down: "▼",
  same: "=",
  new: "+",
  gone: "−",
};

/** Map colours of changes between rounds: orange worse, teal better, grey unchanged. */
export const CHANGE_COLOURS: Readonly<Record<ClassChange, string>> = {
  up: "#e6550d",
  down: "#1b9e77",
  same: "#d9d9d9",
  new: "#fdd49e",
  gone: "#9ecae1",
};

export const CHANGES: readonly ClassChange[] = ["up", "down", "same", "new", "gone"];

/** Translated names of classes, statuses, methods and changes (stable until the language changes). */
export function useRiskLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      /** "Bahaya" in Indonesian, "Danger (Bahaya)" in English; null is "not assessed". */
      cls: (riskClass: RiskClass | null): string =>
        riskClass ? t(`risk.class.${riskClass}`) : t("risk.class.none"),
      status: (status: AssessmentStatus): string => t(`risk.status.${status}`),
      method: (method: RoundMethod): string => t(`risk.method.${method}`),
      change: (change: ClassChange): string => t(`risk.change.${change}`),
    }),
    [t],
  );
}

/** Sort key of a class, most severe first; not assessed last. */
export function classRank(riskClass: RiskClass | null): number {
  return riskClass ? 3 - severity(riskClass) : 4;
}

interface ClassBadgeProps {
  riskClass: RiskClass | null;
  testId?: string;
}

/** The class word on its map colour (a hatched grey for "not assessed"). */
export function ClassBadge({ riskClass, testId }: ClassBadgeProps) {
  const labels = useRiskLabels();
  return (
    <span
      className={riskClass ? "class-badge" : "class-badge class-badge--none"}
      data-testid={testId}
      data-class={riskClass ?? "none"}
      style={
        riskClass
          ? { background: RISK_COLOURS[riskClass], color: RISK_TEXT_COLOURS[riskClass] }
          : undefined
      }
    >
      {labels.cls(riskClass)}
    </span>
  );
}

/** A change between rounds as an arrow and a word. */
export function ChangeBadge({ change }: { change: ClassChange }) {
  const labels = useRiskLabels();
  return (
    <span className={`change-badge change-badge--${change}`} data-change={change}>
      <span aria-hidden="true" className="change-badge__symbol">
        {CHANGE_SYMBOLS[change]}
      </span>{" "}
      {labels.change(change)}
    </span>
  );
}

/** A workflow status as a badge. */
export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const labels = useRiskLabels();
  const variant =
    status === "published"
      ? "badge"
      : status === "verified"
        ? "badge badge--info"
        : "badge badge--pending";
  return (
    <span className={variant} data-status={status}>
      {labels.status(status)}
    </span>
  );
}
