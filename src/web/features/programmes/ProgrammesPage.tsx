import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Modal } from "../../components/Modal";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { FilterBar, SearchField } from "../admin/Filters";
import { ListStatus } from "../admin/ListStatus";
import { PAGE_SIZE, useListParams, usePagedList } from "../admin/list";
import { Pagination } from "../admin/Pagination";
import { useSession } from "../auth/session";
import { ProgrammeForm } from "./ProgrammeForm";
import { ProgrammesSubNav } from "./ProgrammesSubNav";
import {
  fetchDashboard,
  PILLARS,
  PROGRAMME_STATUSES,
  type ProgrammeSummary,
  programmesPath,
} from "./programmes.api";
import { LightBadge, useMoney } from "./shared";
import "../admin/admin.css";
import "../risk/risk-pages.css";
import "./programmes.css";

const FILTERS = ["q", "pillar", "status"] as const;

/** `/program`: the programmes dashboard (status, traffic lights, budget) and the list. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const money = useMoney();
  const navigate = useNavigate();
  const { can } = useSession();
  const { values, page, update } = useListParams(FILTERS);
  const list = usePagedList<ProgrammeSummary>(
    programmesPath({ ...values, page, pageSize: PAGE_SIZE }),
  );
  const dashboard = useAsyncData("programmes-dashboard", fetchDashboard);
  const [creating, setCreating] = useState(false);
  const dash = dashboard.status === "success" ? dashboard.data : null;
  const pillarData = PILLARS.map((p) => ({
    pillar: t(`programmes.pillarShort.${p}`),
    count: dash?.byPillar[p] ?? 0,
  }));

  return (
    <PageLayout
      title={t("programmes.title")}
      actions={
        can("programme", "create") ? (
          <button
            type="button"
            className="button"
            data-testid="programme-create"
            onClick={() => setCreating(true)}
          >
            {t("programmes.create")}
          </button>
        ) : null
      }
    >
      <ProgrammesSubNav />
      <p className="page__intro muted">{t("programmes.intro")}</p>
      {dash ? (
        <section aria-label={t("programmes.dashboard")} className="prog-section">
          <div className="prog-tiles" data-testid="programme-tiles">
            {(["green", "amber", "red", "none"] as const).map((light) => (
              <div key={light} className="prog-tile">
                <span className="prog-tile__value">{number(dash.byLight[light] ?? 0)}</span>
                <span className="prog-tile__label">
                  <LightBadge light={light} />
                </span>
              </div>
            ))}
            {PROGRAMME_STATUSES.map((s) => (
              <div key={s} className="prog-tile">
                <span className="prog-tile__value">{number(dash.byStatus[s] ?? 0)}</span>
                <span className="prog-tile__label">{t(`programmes.status.${s}`)}</span>
              </div>
            ))}
          </div>
          <div className="prog-grid">
            <figure className="prog-chart" aria-label={t("programmes.byPillar")}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={pillarData} margin={{ left: 0, right: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="pillar" fontSize={11} interval={0} />
                  <YAxis allowDecimals={false} fontSize={11} />
                  <Tooltip />
                  <Bar dataKey="count" name={t("programmes.count")} fill="#0b4f6c" />
                </BarChart>
              </ResponsiveContainer>
            </figure>
            <div>
              <h2 className="h3">{t("programmes.budgetBySource")}</h2>
              <dl className="prog-facts">
                {(["apbd", "bnn", "csr", "other"] as const).map((s) => (
                  <div key={s} style={{ display: "contents" }}>
                    <dt>{t(`programmes.source.${s}`)}</dt>
                    <dd>{money(dash.budgetBySource[s] ?? 0)}</dd>
                  </div>
                ))}
              </dl>
              <p className="muted">{t("programmes.lightRule")}</p>
            </div>
          </div>
        </section>
      ) : null}
      <FilterBar label={t("programmes.filters")}>
        <SearchField id="programme-search" value={values.q} onSearch={(q) => update({ q })} />
        <div className="field">
          <label className="field__label" htmlFor="programme-pillar-filter">
            {t("programmes.fields.pillar")}
          </label>
          <select
            id="programme-pillar-filter"
            className="field__select"
            value={values.pillar}
            onChange={(e) => update({ pillar: e.target.value })}
          >
            <option value="">{t("programmes.all")}</option>
            {PILLARS.map((p) => (
              <option key={p} value={p}>
                {t(`programmes.pillar.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="programme-status-filter">
            {t("programmes.fields.status")}
          </label>
          <select
            id="programme-status-filter"
            className="field__select"
            value={values.status}
            onChange={(e) => update({ status: e.target.value })}
          >
            <option value="">{t("programmes.all")}</option>
            {PROGRAMME_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`programmes.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </FilterBar>
      <ListStatus state={list.state} empty={list.data?.items.length === 0} onRetry={list.retry} />
      {list.data && list.data.items.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="programme-table">
              <caption className="visually-hidden">{t("programmes.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("programmes.fields.name")}</th>
                  <th scope="col">{t("programmes.fields.pillar")}</th>
                  <th scope="col">{t("programmes.fields.area")}</th>
                  <th scope="col">{t("programmes.fields.period")}</th>
                  <th scope="col">{t("programmes.fields.budget")}</th>
                  <th scope="col">{t("programmes.fields.status")}</th>
                  <th scope="col">{t("programmes.progress")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id} data-testid="programme-row" data-id={p.id} data-name={p.name}>
                    <th scope="row" className="table__primary">
                      <Link to={`/program/${p.id}`}>{p.name}</Link>
                      <span className="table__sub muted">{p.leadOrganisation.name}</span>
                    </th>
                    <td>{t(`programmes.pillar.${p.pillar}`)}</td>
                    <td>
                      {p.areaName ?? p.areaCode}
                      <span className="table__sub muted mono">{p.areaCode}</span>
                    </td>
                    <td className="table__nowrap">
                      {p.periodStart} – {p.periodEnd}
                    </td>
                    <td className="table__nowrap">
                      {money(p.budgetAmount)}
                      <span className="table__sub muted">
                        {t(`programmes.source.${p.budgetSource}`)}
                      </span>
                    </td>
                    <td>{t(`programmes.status.${p.status}`)}</td>
                    <td>
                      <LightBadge light={p.light} />
                      <span className="table__sub muted">
                        {t("programmes.activityCount", { count: p.activityCount })}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      ) : null}
      {creating ? (
        <Modal
          title={t("programmes.createTitle")}
          onClose={() => setCreating(false)}
          testId="programme-dialog"
          wide
        >
          <ProgrammeForm
            programme={null}
            onSaved={(saved) => {
              setCreating(false);
              navigate(`/program/${saved.id}`);
            }}
            onCancel={() => setCreating(false)}
          />
        </Modal>
      ) : null}
    </PageLayout>
  );
}
