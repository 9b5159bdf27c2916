import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RISK_CLASSES } from "../../../domain/risk/classes";
import { Modal } from "../../components/Modal";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { ListStatus } from "../admin/ListStatus";
import { useSession } from "../auth/session";
import { ClassBadge, useRiskLabels } from "./classes";
import { RiskSubNav } from "./RiskSubNav";
import { RoundForm } from "./RoundForm";
import { fetchRounds } from "./risk.api";
import { ASSESSMENT_STATUSES, type Round } from "./risk.types";
import "../admin/admin.css";
import "./risk.css";
import "./risk-pages.css";

/** `/rawan/putaran`: the assessment rounds, newest first, with counts; create one. */
export function RoundsPage() {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const format = useFormat();
  const { can } = useSession();
  const [reload, setReload] = useState(0);
  const rounds = useAsyncData(`rounds|${reload}`, fetchRounds);
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState<Round | null>(null);
  const list = rounds.status === "success" ? rounds.data : null;

  return (
    <PageLayout
      title={t("risk.rounds.title")}
      actions={
        can("assessment", "verify") ? (
          <button
            type="button"
            className="button"
            data-testid="round-create"
            onClick={() => {
              setSaved(null);
              setCreating(true);
            }}
          >
            {t("risk.rounds.create")}
          </button>
        ) : null
      }
    >
      <RiskSubNav />
      <p className="page__intro muted">{t("risk.rounds.intro")}</p>
      <p className="saved-note" role="status" aria-live="polite">
        {saved ? (
          <>
            {t("risk.rounds.saved", { name: saved.name })}{" "}
            <Link to={`/rawan/putaran/${saved.id}`} data-testid="round-saved-link">
              {t("risk.rounds.open")}
            </Link>
          </>
        ) : null}
      </p>
      <ListStatus state={rounds} empty={list?.length === 0} onRetry={rounds.retry} />
      {list && list.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="round-table">
            <caption className="visually-hidden">{t("risk.rounds.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("risk.rounds.name")}</th>
                <th scope="col">{t("risk.rounds.area")}</th>
                <th scope="col">{t("risk.rounds.period")}</th>
                <th scope="col">{t("risk.rounds.method")}</th>
                <th scope="col">{t("risk.rounds.byStatus")}</th>
                <th scope="col">{t("risk.rounds.byClass")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((round) => (
                <tr
                  key={round.id}
                  data-testid="round-row"
                  data-id={round.id}
                  data-name={round.name}
                >
                  <th scope="row" className="table__primary">
                    <Link to={`/rawan/putaran/${round.id}`} data-testid="round-link">
                      {round.name}
                    </Link>
                    <span className="table__sub muted">
                      {t("risk.rounds.versionsValue", {
                        catalogue: round.catalogueVersion,
                        rules: round.ruleVersion,
                      })}
                    </span>
                  </th>
                  <td>
                    {round.areaName ?? round.areaCode}
                    <span className="table__sub muted mono">{round.areaCode}</span>
                  </td>
                  <td className="table__nowrap">
                    {format.date(round.periodStart)} –<br />
                    {format.date(round.periodEnd)}
                  </td>
                  <td>{labels.method(round.method)}</td>
                  <td>
                    <ul className="plain-list">
                      {ASSESSMENT_STATUSES.map((status) => (
                        <li key={status} data-status={status}>
                          {labels.status(status)}:{" "}
                          <strong>{format.number(round.counts.byStatus[status] ?? 0)}</strong>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {RISK_CLASSES.filter((c) => (round.counts.byClass[c] ?? 0) > 0).map((c) => (
                        <li key={c}>
                          <ClassBadge riskClass={c} />{" "}
                          <strong>{format.number(round.counts.byClass[c] ?? 0)}</strong>
                        </li>
                      ))}
                    </ul>
                    {Object.keys(round.counts.byClass).length === 0 ? (
                      <span className="muted">{t("risk.timeline.unpublished")}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {creating ? (
        <Modal
          title={t("risk.rounds.createTitle")}
          onClose={() => setCreating(false)}
          testId="round-dialog"
        >
          <RoundForm
            onSaved={(round) => {
              setCreating(false);
              setSaved(round);
              setReload((n) => n + 1);
            }}
            onCancel={() => setCreating(false)}
          />
        </Modal>
      ) : null}
    </PageLayout>
  );
}
