import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RISK_CLASSES, type RiskClass } from "../../../domain/risk/classes";
import { RISK_COLOURS, RISK_TEXT_COLOURS } from "../../../domain/risk/colours";
import type { IndicatorRules } from "../../../domain/risk/rules";
import { useFormat } from "../../i18n/format";
import { useRiskLabels } from "./classes";
import "./timeline-legend.css";

const WIDE_SCREEN = "(min-width: 720px)";

interface RiskLegendProps {
  /** Kelurahan per class on the map; `none` counts those without a published class. */
  counts: Record<RiskClass | "none", number> | null;
  /** What the colours show: a round's name, or "latest published". */
  caption: string;
  /** The latest indicator rule set, when the person may read it (thresholds, provisional marks). */
  rules: { version: number; rules: IndicatorRules } | null;
  /** Rule version of the round shown, when one round is chosen. */
  roundRuleVersion: number | null;
  /** Whether named locations are drawn (points or outlines). */
  showPlaces: boolean;
}

/**
 * The four classes, most severe first, each with its swatch, word and count; then "not
 * assessed" (hatched), what "rawan" means, and the thresholds with provisional ones marked.
 */
export function RiskLegend(props: RiskLegendProps) {
  const { counts, caption, rules, showPlaces, roundRuleVersion } = props;
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const { number } = useFormat();
  const [open, setOpen] = useState(() => window.matchMedia?.(WIDE_SCREEN).matches ?? true);
  const count = (key: RiskClass | "none") => (counts ? number(counts[key]) : "…");
  const rawan = counts ? counts.bahaya + counts.waspada : null;
  return (
    <details
      className="map-legend risk-legend"
      data-testid="risk-legend"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t("risk.legend.title")}</summary>
      <p className="risk-legend__caption">{caption}</p>
      <ul>
        {RISK_CLASSES.map((riskClass) => (
          <li
            key={riskClass}
            data-testid="legend-item"
            data-class={riskClass}
            data-count={counts ? String(counts[riskClass]) : undefined}
          >
            <span
              className="swatch risk-swatch"
              style={{ background: RISK_COLOURS[riskClass], color: RISK_TEXT_COLOURS[riskClass] }}
              aria-hidden="true"
            >
              {t(`risk.classInitial.${riskClass}`)}
            </span>
            <span className="risk-legend__word">{labels.cls(riskClass)}</span>
            <span className="risk-legend__count">{count(riskClass)}</span>
          </li>
        ))}
        <li
          data-testid="legend-none"
          data-class="none"
          data-count={counts ? String(counts.none) : undefined}
        >
          <span className="swatch risk-swatch risk-swatch--none" aria-hidden="true" />
          <span className="risk-legend__word">{labels.cls(null)}</span>
          <span className="risk-legend__count">{count("none")}</span>
        </li>
        {showPlaces ? (
          <li>
            <span className="swatch risk-swatch--place" aria-hidden="true" />
            <span className="risk-legend__word">{t("risk.legend.places")}</span>
          </li>
        ) : null}
      </ul>
      {rawan !== null ? (
        <p className="risk-legend__note" data-testid="legend-rawan" data-count={String(rawan)}>
          {t("risk.legend.rawan", { n: number(rawan) })}
        </p>
      ) : null}
      {rules ? (
        <div className="risk-legend__rules">
          <p className="risk-legend__note">
            {t("risk.legend.thresholds", { version: rules.version })}
          </p>
          {roundRuleVersion !== null && roundRuleVersion !== rules.version ? (
            <p className="risk-legend__note muted" data-testid="legend-other-rules">
              {t("risk.legend.otherRules", { version: roundRuleVersion })}
            </p>
          ) : null}
          <ul>
            {(["bahaya", "waspada", "siaga"] as const).map((riskClass) => {
              const threshold = rules.rules.thresholds[riskClass];
              return (
                <li key={riskClass}>
                  {t("risk.legend.threshold", {
                    cls: labels.cls(riskClass),
                    pokok: number(threshold.pokok),
                    pendukung: number(threshold.pendukung),
                  })}
                  {threshold.provisional ? (
                    <span className="provisional">{t("risk.provisional")}</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </details>
  );
}
