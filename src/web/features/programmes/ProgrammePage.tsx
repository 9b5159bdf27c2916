import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Modal } from "../../components/Modal";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { ListStatus } from "../admin/ListStatus";
import { PAGE_SIZE, usePagedList } from "../admin/list";
import { Pagination } from "../admin/Pagination";
import { useSession } from "../auth/session";
import { ActivityForm } from "./ActivityForm";
import { ActivityTable } from "./ActivityTable";
import { ProgrammeForm } from "./ProgrammeForm";
import { ProgrammesSubNav } from "./ProgrammesSubNav";
import { type Activity, activitiesPath, fetchProgramme } from "./programmes.api";
import { ScheduleForm } from "./ScheduleForm";
import { LightBadge, useMoney, usePercent } from "./shared";
import "../admin/admin.css";
import "./programmes.css";

/** `/program/:id`: facts, targets against achieved with traffic lights, schedules, activities. */
export function ProgrammePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { number } = useFormat();
  const money = useMoney();
  const percent = usePercent();
  const { can } = useSession();
  const detail = useAsyncData(`programme-${id}`, (s) => fetchProgramme(id, s));
  const [page, setPage] = useState(1);
  const activities = usePagedList<Activity>(
    activitiesPath({ programme: id, page, pageSize: PAGE_SIZE }),
  );
  const [dialog, setDialog] = useState<"edit" | "activity" | "schedule" | Activity | null>(null);
  const [saved, setSaved] = useState("");
  const reload = () => {
    detail.retry();
    activities.retry();
  };

  if (detail.status !== "success")
    return (
      <PageLayout title={t("programmes.programme")}>
        <ListStatus state={detail} empty={false} onRetry={detail.retry} />
      </PageLayout>
    );
  const p = detail.data;
  const editable = p.actions.includes("update");
  const chart = p.targets.map((x) => ({
    name: x.label || t(`programmes.indicator.${x.indicator}`),
    achieved: Math.round(Math.min(x.share, 2) * 100),
    expected: Math.round(p.elapsedShare * 100),
  }));
  return (
    <PageLayout
      title={p.name}
      actions={
        <>
          {editable ? (
            <button
              type="button"
              className="button button--quiet"
              data-testid="programme-edit"
              onClick={() => setDialog("edit")}
            >
              {t("form.edit")}
            </button>
          ) : null}
          {editable ? (
            <button
              type="button"
              className="button button--quiet"
              data-testid="schedule-create"
              onClick={() => setDialog("schedule")}
            >
              {t("programmes.addSchedule")}
            </button>
          ) : null}
          {can("activity", "create") && p.status !== "cancelled" ? (
            <button
              type="button"
              className="button"
              data-testid="activity-create"
              onClick={() => setDialog("activity")}
            >
              {t("programmes.recordActivity")}
            </button>
          ) : null}
        </>
      }
    >
      <ProgrammesSubNav />
      <p className="saved-note" role="status" aria-live="polite">
        {saved}
      </p>
      <div className="prog-grid">
        <section className="prog-section" aria-labelledby="prog-facts">
          <h2 id="prog-facts" className="h3">
            {t("programmes.facts")}
          </h2>
          <dl className="prog-facts" data-testid="programme-facts">
            <dt>{t("programmes.fields.pillar")}</dt>
            <dd>{t(`programmes.pillar.${p.pillar}`)}</dd>
            <dt>{t("programmes.fields.status")}</dt>
            <dd>{t(`programmes.status.${p.status}`)}</dd>
            <dt>{t("programmes.fields.lead")}</dt>
            <dd>{p.leadOrganisation.name}</dd>
            <dt>{t("programmes.fields.partners")}</dt>
            <dd>{p.partners.map((o) => o.name).join(", ") || "—"}</dd>
            <dt>{t("programmes.fields.area")}</dt>
            <dd>{p.areaName ?? p.areaCode}</dd>
            <dt>{t("programmes.fields.targetAreas")}</dt>
            <dd data-testid="programme-target-areas">
              {p.targetAreas
                .map((a) =>
                  a.namedLocationName
                    ? `${a.namedLocationName} (${a.areaName})`
                    : (a.areaName ?? a.areaCode),
                )
                .join(", ") || "—"}
            </dd>
            <dt>{t("programmes.fields.period")}</dt>
            <dd>
              {p.periodStart} – {p.periodEnd} (
              {t("programmes.elapsed", { share: percent(p.elapsedShare) })})
            </dd>
            <dt>{t("programmes.fields.budget")}</dt>
            <dd>
              {money(p.budgetAmount)} · {t(`programmes.source.${p.budgetSource}`)}
            </dd>
            <dt>{t("programmes.fields.inputItems")}</dt>
            <dd data-testid="programme-input-items">
              {p.inputItems.length === 0
                ? "—"
                : p.inputItems.map((i) => (
                    <span key={i.id} className="table__sub">
                      {i.topic} <span className="muted">({i.meetingTitle})</span>
                    </span>
                  ))}
            </dd>
            <dt>{t("programmes.fields.riskRound")}</dt>
            <dd>
              {p.riskRound ? (
                <Link to={`/rawan/putaran/${p.riskRound.id}`}>{p.riskRound.name}</Link>
              ) : (
                "—"
              )}
            </dd>
          </dl>
          {p.description ? <p>{p.description}</p> : null}
        </section>
        <section className="prog-section" aria-labelledby="prog-progress">
          <h2 id="prog-progress" className="h3">
            {t("programmes.progress")} <LightBadge light={p.light} testId="programme-light" />
          </h2>
          {p.targets.length === 0 ? (
            <p className="muted">{t("programmes.noTargets")}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table" data-testid="target-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("programmes.fields.indicator")}</th>
                      <th scope="col">{t("programmes.fields.baseline")}</th>
                      <th scope="col">{t("programmes.fields.targetValue")}</th>
                      <th scope="col">{t("programmes.achieved")}</th>
                      <th scope="col">{t("programmes.light.label")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.targets.map((x) => (
                      <tr
                        key={x.id}
                        data-testid="target-progress"
                        data-indicator={x.indicator}
                        data-achieved={x.achieved}
                      >
                        <th scope="row">{x.label || t(`programmes.indicator.${x.indicator}`)}</th>
                        <td>{number(x.baseline)}</td>
                        <td>{number(x.targetValue)}</td>
                        <td>
                          {number(x.achieved)} ({percent(x.share)})
                        </td>
                        <td>
                          <LightBadge light={x.light} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <figure className="prog-chart" aria-label={t("programmes.chartLabel")}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={chart} layout="vertical" margin={{ left: 16, right: 16 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" unit="%" fontSize={11} />
                    <YAxis type="category" dataKey="name" width={120} fontSize={11} />
                    <Tooltip />
                    <Bar dataKey="achieved" name={t("programmes.achievedShare")} fill="#0b4f6c" />
                    <Bar dataKey="expected" name={t("programmes.expectedShare")} fill="#b8c4cc" />
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            </>
          )}
          <p className="muted">{t("programmes.lightRule")}</p>
        </section>
      </div>
      <section className="prog-section" aria-labelledby="prog-schedules">
        <h2 id="prog-schedules" className="h3">
          {t("programmes.schedules")}
        </h2>
        {p.schedules.length === 0 ? <p className="muted">{t("programmes.noSchedules")}</p> : null}
        {p.schedules.map((s) => (
          <div key={s.id} data-testid="schedule" data-id={s.id}>
            <h3 className="h4">
              {s.title} · {s.namedLocationName ?? s.areaName}
            </h3>
            <p className="muted" data-testid="schedule-summary">
              {t("programmes.scheduleSummary", s.summary)}
            </p>
            <ol className="occurrences">
              {s.occurrences.map((o) => (
                <li
                  key={o.dueOn}
                  className={`occurrence occurrence--${o.status}`}
                  data-testid="occurrence"
                  data-status={o.status}
                >
                  {o.dueOn}: {t(`programmes.occurrence.${o.status}`)}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
      <section className="prog-section" aria-labelledby="prog-activities">
        <h2 id="prog-activities" className="h3">
          {t("programmes.activities")} ({number(p.figures.activities)})
        </h2>
        <p className="muted">
          {t("programmes.figuresLine", {
            participants: number(p.figures.participants),
            tested: number(p.figures.urine_tested),
            positive: number(p.figures.urine_positive),
            reached: number(p.figures.reached),
            referred: number(p.figures.referred),
          })}
        </p>
        <ListStatus
          state={activities.state}
          empty={activities.data?.items.length === 0}
          onRetry={activities.retry}
        />
        {activities.data && activities.data.items.length > 0 ? (
          <>
            <ActivityTable
              items={activities.data.items}
              onEdit={(a) => setDialog(a)}
              onChanged={reload}
            />
            <Pagination
              page={activities.data.page}
              pageSize={activities.data.pageSize}
              total={activities.data.total}
              onPage={setPage}
            />
          </>
        ) : null}
      </section>
      {dialog === "edit" ? (
        <Modal
          title={t("programmes.editTitle")}
          onClose={() => setDialog(null)}
          testId="programme-dialog"
          wide
        >
          <ProgrammeForm
            programme={p}
            onSaved={() => {
              setDialog(null);
              setSaved(t("programmes.saved"));
              reload();
            }}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      ) : null}
      {dialog === "schedule" ? (
        <Modal
          title={t("programmes.addSchedule")}
          onClose={() => setDialog(null)}
          testId="schedule-dialog"
        >
          <ScheduleForm
            programme={p}
            onSaved={() => {
              setDialog(null);
              setSaved(t("programmes.saved"));
              reload();
            }}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      ) : null}
      {dialog === "activity" || (dialog && typeof dialog === "object") ? (
        <Modal
          title={
            dialog === "activity" ? t("programmes.recordActivity") : t("programmes.editActivity")
          }
          onClose={() => setDialog(null)}
          testId="activity-dialog"
          wide
        >
          <ActivityForm
            programmes={[p]}
            schedules={p.schedules}
            activity={dialog === "activity" ? null : (dialog as Activity)}
            onSaved={() => {
              setDialog(null);
              setSaved(t("programmes.activitySaved"));
              reload();
            }}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      ) : null}
    </PageLayout>
  );
}
