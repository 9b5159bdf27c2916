import { useTranslation } from "react-i18next";
import { RISK_CLASSES } from "../../../domain/risk/classes";
import { useFormat } from "../../i18n/format";
import { ClassBadge, useRiskLabels } from "./classes";
import { exportUrl } from "./risk.api";
import { ASSESSMENT_STATUSES, type Round } from "./risk.types";

/** Area, period, method, versions and counts of a round, with its exports. */
export function RoundFacts({ round }: { round: Round }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const format = useFormat();
  const { byStatus, byClass } = round.counts;
  return (
    <section className="card round-facts" aria-label={t("risk.round.facts")}>
      <dl className="facts">
        <div>
          <dt>{t("risk.rounds.area")}</dt>
          <dd>
            {round.areaName ?? round.areaCode} <span className="muted mono">{round.areaCode}</span>
          </dd>
        </div>
        <div>
          <dt>{t("risk.rounds.period")}</dt>
          <dd>
            {t("risk.rounds.periodValue", {
              start: format.date(round.periodStart),
              end: format.date(round.periodEnd),
            })}
          </dd>
        </div>
        <div>
          <dt>{t("risk.rounds.method")}</dt>
          <dd>{labels.method(round.method)}</dd>
        </div>
        <div>
          <dt>{t("risk.rounds.versions")}</dt>
          <dd data-testid="round-versions" data-rule-version={round.ruleVersion}>
            {t("risk.rounds.versionsValue", {
              catalogue: round.catalogueVersion,
              rules: round.ruleVersion,
            })}
          </dd>
        </div>
      </dl>
      <ul
        className="count-list"
        data-testid="round-counts"
        aria-label={t("risk.rounds.byStatus")}
        data-draft={byStatus.draft ?? 0}
        data-verified={byStatus.verified ?? 0}
        data-published={byStatus.published ?? 0}
      >
        {ASSESSMENT_STATUSES.map((status) => (
          <li key={status} data-testid="round-count" data-status={status}>
            {labels.status(status)}: <strong>{format.number(byStatus[status] ?? 0)}</strong>
          </li>
        ))}
      </ul>
      <ul className="count-list" aria-label={t("risk.rounds.byClass")}>
        {RISK_CLASSES.map((riskClass) => (
          <li key={riskClass} data-class={riskClass}>
            <ClassBadge riskClass={riskClass} />{" "}
            <strong>{format.number(byClass[riskClass] ?? 0)}</strong>
          </li>
        ))}
      </ul>
      <p className="export-links">
        {t("risk.export.label")}{" "}
        {(["csv", "xlsx", "geojson"] as const).map((fileFormat) => (
          <a
            key={fileFormat}
            className="button button--quiet button--small"
            href={exportUrl(round.id, fileFormat)}
            download
            data-testid={`round-export-${fileFormat}`}
          >
            {t(`risk.export.${fileFormat}`)}
          </a>
        ))}
      </p>
    </section>
  );
}
