import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { classChange } from "../../../domain/risk/classes";
import { useFormat } from "../../i18n/format";
import { CHANGE_SYMBOLS, ClassBadge, StatusBadge, useRiskLabels } from "./classes";
import type { AreaRiskProfile } from "./risk.types";

type History = AreaRiskProfile["history"];

/** The classes along time, oldest first, with an arrow and word for each move. */
export function ClassTimeline({ history }: { history: History }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const format = useFormat();
  const steps = [...history].reverse();
  if (steps.length === 0) return null;
  return (
    <ol
      className="class-timeline"
      data-testid="profile-timeline"
      aria-label={t("risk.profile.timeline")}
    >
      {steps.map((entry, index) => {
        const previous = steps[index - 1];
        const change = previous ? classChange(previous.class, entry.class) : null;
        return (
          <li key={entry.roundId} className="class-timeline__step">
            {change ? (
              <span className={`class-timeline__move change-badge--${change}`}>
                <span aria-hidden="true">{CHANGE_SYMBOLS[change]}</span>
                <span className="visually-hidden">{labels.change(change)}</span>
              </span>
            ) : null}
            <span className="class-timeline__item">
              <ClassBadge riskClass={entry.class} />
              <span className="class-timeline__date">{format.date(entry.periodEnd)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Every round that assessed the area, newest first: status, class and counts. */
export function ProfileHistory({ history }: { history: History }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (value: number | null): string => (value === null ? "—" : format.number(value));
  if (history.length === 0) {
    return (
      <p className="muted" data-testid="profile-history-empty">
        {t("risk.profile.noHistory")}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table" data-testid="profile-history">
        <caption className="visually-hidden">{t("risk.profile.history")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("risk.table.round")}</th>
            <th scope="col">{t("risk.profile.periodEnd")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{t("risk.table.class")}</th>
            <th scope="col" className="table__number">
              {t("risk.table.pokok")}
            </th>
            <th scope="col" className="table__number">
              {t("risk.table.pendukung")}
            </th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => (
            <tr
              key={entry.roundId}
              data-testid="profile-round"
              data-round={entry.roundId}
              data-status={entry.status}
              data-class={entry.class}
            >
              <th scope="row" className="table__primary">
                <Link to={`/rawan/putaran/${entry.roundId}`}>{entry.roundName}</Link>
              </th>
              <td className="table__nowrap">{format.date(entry.periodEnd)}</td>
              <td>
                <StatusBadge status={entry.status} />
              </td>
              <td>
                <ClassBadge riskClass={entry.class} />
                {entry.surveyScore !== null ? (
                  <span className="table__sub muted">
                    {t("risk.profile.score", { score: format.decimal(entry.surveyScore, 1) })}
                  </span>
                ) : null}
              </td>
              <td className="table__number">{count(entry.pokok)}</td>
              <td className="table__number">{count(entry.pendukung)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
