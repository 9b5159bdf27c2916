import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ExportButtons } from "../../components/ExportButtons";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { CountForm } from "./CountForm";
import { fetchFacilities, fetchSummary, fetchTrend } from "./custody.api";
import { ImportPanel } from "./ImportPanel";
import { MeasureValue } from "./MeasureValue";
import "./custody.css";

const PAGE_SIZE = 20;

/** `/lapas`: DKI custody totals, facilities with their latest counts, trends, entry and import. */
export function CustodyPage() {
  const { t } = useTranslation();
  const { number, date, decimal } = useFormat();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [saved, setSaved] = useState(0);
  const [entering, setEntering] = useState<string | null>(null);
  const [trendFacility, setTrendFacility] = useState("");
  const [by, setBy] = useState<"month" | "year">("year");
  const summary = useAsyncData(`summary|${saved}`, fetchSummary);
  const facilities = useAsyncData(`facilities|${page}|${saved}`, (s) =>
    fetchFacilities(page, PAGE_SIZE, s),
  );
  const trend = useAsyncData(`trend|${trendFacility}|${by}|${saved}`, (s) =>
    fetchTrend(trendFacility || null, by, s),
  );
  const canEnter = can("custody", "create");
  const pages =
    facilities.status === "success" ? Math.max(1, Math.ceil(facilities.data.total / PAGE_SIZE)) : 1;
  const facilityList = facilities.status === "success" ? facilities.data.items : [];

  return (
    <PageLayout
      title={t("know.custody.title")}
      actions={
        canEnter ? (
          <button
            type="button"
            className="button"
            data-testid="custody-add-count"
            onClick={() => setEntering("")}
          >
            {t("know.custody.addCount")}
          </button>
        ) : null
      }
    >
      <p className="muted">{t("know.custody.lead")}</p>

      <section
        className="custody-card"
        aria-labelledby="custody-summary-title"
        data-testid="custody-summary"
      >
        <h2 id="custody-summary-title">{t("know.custody.summaryTitle")}</h2>
        {summary.status === "loading" ? (
          <p role="status" className="muted">
            <span className="spinner" aria-hidden="true" /> {t("status.loading")}
          </p>
        ) : summary.status === "error" ? (
          <p role="alert">{t(errorKey(summary.error))}</p>
        ) : summary.data.reporting === 0 ? (
          <p className="muted">{t("know.custody.noCounts")}</p>
        ) : (
          <>
            <dl className="custody-kpis">
              <div>
                <dt>{t("know.custody.field.capacity")}</dt>
                <dd data-testid="summary-capacity">{number(summary.data.capacity)}</dd>
              </div>
              <div>
                <dt>{t("know.custody.field.occupants")}</dt>
                <dd data-testid="summary-occupants">{number(summary.data.occupants)}</dd>
              </div>
              <div>
                <dt>{t("know.custody.field.drugOffenders")}</dt>
                <dd>
                  {summary.data.drugOffenders === null
                    ? t("know.custody.none")
                    : number(summary.data.drugOffenders)}
                </dd>
              </div>
            </dl>
            <ul className="custody-measures">
              <li>
                <MeasureValue
                  kind="occupancy_ratio"
                  value={summary.data.occupancyRatio}
                  testId="summary-occupancy"
                />
                <span className="muted"> ({t("know.custody.formula.occupancy_ratio")})</span>
              </li>
              <li>
                <MeasureValue
                  kind="overcrowding_excess"
                  value={summary.data.overcrowdingExcess}
                  testId="summary-excess"
                />
                <span className="muted"> ({t("know.custody.formula.overcrowding_excess")})</span>
              </li>
              <li>
                <MeasureValue
                  kind="drug_share"
                  value={summary.data.drugShare}
                  testId="summary-drug-share"
                />
                <span className="muted"> ({t("know.custody.formula.drug_share")})</span>
              </li>
            </ul>
            <p className="muted">
              {t("know.custody.reporting", {
                reporting: summary.data.reporting,
                facilities: summary.data.facilities,
                from: summary.data.earliestCount ? date(summary.data.earliestCount) : "",
                to: summary.data.latestCount ? date(summary.data.latestCount) : "",
              })}
            </p>
            <p className="muted">
              {t("know.custody.sources")}: {summary.data.sources.join("; ")}
            </p>
          </>
        )}
      </section>

      <section className="custody-card" aria-labelledby="custody-facilities-title">
        <div className="custody-card__head">
          <h2 id="custody-facilities-title">{t("know.custody.facilitiesTitle")}</h2>
          <ExportButtons
            path="/api/custody/facilities"
            subject={t("know.custody.facilitiesTitle")}
            testId="custody-export"
          />
        </div>
        {facilities.status === "loading" ? (
          <p role="status" className="muted">
            <span className="spinner" aria-hidden="true" /> {t("status.loading")}
          </p>
        ) : facilities.status === "error" ? (
          <div role="alert">
            <p>{t(errorKey(facilities.error))}</p>
            <button type="button" className="button" onClick={facilities.retry}>
              {t("status.retry")}
            </button>
          </div>
        ) : facilityList.length === 0 ? (
          <p className="muted">{t("know.custody.noFacilities")}</p>
        ) : (
          <>
            <div className="custody-table-wrap">
              <table className="custody-table" data-testid="custody-facilities">
                <thead>
                  <tr>
                    <th scope="col">{t("know.custody.field.facility")}</th>
                    <th scope="col">{t("know.custody.field.date")}</th>
                    <th scope="col">{t("know.custody.field.capacity")}</th>
                    <th scope="col">{t("know.custody.field.occupants")}</th>
                    <th scope="col">{t("know.custody.measure.occupancy_ratio")}</th>
                    <th scope="col">{t("know.custody.measure.overcrowding_excess")}</th>
                    <th scope="col">{t("know.custody.measure.drug_share")}</th>
                    <th scope="col">{t("know.custody.field.source")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("know.custody.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {facilityList.map((f) => (
                    <tr key={f.id} data-testid="custody-facility-row">
                      <th scope="row">
                        {f.name} <span className="muted">({t(`know.custody.type.${f.type}`)})</span>
                      </th>
                      <td>{f.latest ? date(f.latest.countedOn) : "—"}</td>
                      <td>{f.latest ? number(f.latest.capacity) : "—"}</td>
                      <td>{f.latest ? number(f.latest.occupants) : "—"}</td>
                      <td>
                        {f.latest?.occupancyRatio
                          ? `${decimal(f.latest.occupancyRatio.percent, 1)}%`
                          : "—"}
                      </td>
                      <td>
                        {f.latest?.overcrowdingExcess
                          ? `${decimal(f.latest.overcrowdingExcess.percent, 1)}%`
                          : "—"}
                      </td>
                      <td>
                        {f.latest?.drugShare ? `${decimal(f.latest.drugShare.percent, 1)}%` : "—"}
                      </td>
                      <td className="custody-source">{f.latest?.source ?? ""}</td>
                      <td>
                        {canEnter && f.actions.includes("create") ? (
                          <button
                            type="button"
                            className="button button--quiet"
                            onClick={() => setEntering(f.id)}
                            aria-label={t("know.custody.addCountFor", { facility: f.name })}
                          >
                            {t("know.custody.addCountShort")}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pages > 1 ? (
              <nav className="custody-pager" aria-label={t("know.custody.pages")}>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={page <= 1}
                  onClick={() => setPage((p) => p - 1)}
                >
                  {t("know.custody.previous")}
                </button>
                <span>{t("know.custody.page", { page, pages })}</span>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={page >= pages}
                  onClick={() => setPage((p) => p + 1)}
                >
                  {t("know.custody.next")}
                </button>
              </nav>
            ) : null}
          </>
        )}
      </section>

      <section className="custody-card" aria-labelledby="custody-trend-title">
        <h2 id="custody-trend-title">{t("know.custody.trendTitle")}</h2>
        <div className="custody-filters">
          <label className="field__label" htmlFor="trend-facility">
            {t("know.custody.trendFor")}
          </label>
          <select
            id="trend-facility"
            className="field__select"
            value={trendFacility}
            onChange={(e) => setTrendFacility(e.target.value)}
            data-testid="custody-trend-facility"
          >
            <option value="">{t("know.custody.dki")}</option>
            {facilityList.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
          <label className="field__label" htmlFor="trend-by">
            {t("know.custody.trendBy")}
          </label>
          <select
            id="trend-by"
            className="field__select"
            value={by}
            onChange={(e) => setBy(e.target.value as "month" | "year")}
          >
            <option value="year">{t("know.custody.byYear")}</option>
            <option value="month">{t("know.custody.byMonth")}</option>
          </select>
        </div>
        {trend.status === "loading" ? (
          <p role="status" className="muted">
            <span className="spinner" aria-hidden="true" /> {t("status.loading")}
          </p>
        ) : trend.status === "error" ? (
          <p role="alert">{t(errorKey(trend.error))}</p>
        ) : trend.data.points.length === 0 ? (
          <p className="muted">{t("know.custody.noCounts")}</p>
        ) : (
          <>
            <div className="custody-chart" aria-hidden="true">
              <ResponsiveContainer width="100%" height={260}>
                <LineChart
                  data={trend.data.points.map((p) => ({
                    period: p.period,
                    occupancy: p.occupancyRatio?.percent ?? null,
                    excess: p.overcrowdingExcess?.percent ?? null,
                    drug: p.drugShare?.percent ?? null,
                  }))}
                  margin={{ top: 8, right: 12, bottom: 0, left: -8 }}
                >
                  <CartesianGrid strokeDasharray="3 3" stroke="#d5dadd" />
                  <XAxis dataKey="period" tick={{ fontSize: 11 }} />
                  <YAxis unit="%" tick={{ fontSize: 11 }} />
                  <Tooltip
                    formatter={(v) => (typeof v === "number" ? `${decimal(v, 1)}%` : String(v))}
                  />
                  <Legend />
                  <ReferenceLine y={100} stroke="#b2182b" strokeDasharray="4 3" />
                  <Line
                    type="monotone"
                    dataKey="occupancy"
                    name={t("know.custody.measure.occupancy_ratio")}
                    stroke="#1f5f8b"
                    connectNulls
                  />
                  <Line
                    type="monotone"
                    dataKey="excess"
                    name={t("know.custody.measure.overcrowding_excess")}
                    stroke="#c46b1a"
                    connectNulls
                  />
                  <Line
                    type="monotone"
                    dataKey="drug"
                    name={t("know.custody.measure.drug_share")}
                    stroke="#5a7d2a"
                    connectNulls
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <table
              className="custody-table custody-table--compact"
              data-testid="custody-trend-table"
            >
              <caption>{t("know.custody.trendTable")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("know.custody.period")}</th>
                  <th scope="col">{t("know.custody.reportingShort")}</th>
                  <th scope="col">{t("know.custody.field.capacity")}</th>
                  <th scope="col">{t("know.custody.field.occupants")}</th>
                  <th scope="col">{t("know.custody.measure.occupancy_ratio")}</th>
                  <th scope="col">{t("know.custody.measure.drug_share")}</th>
                </tr>
              </thead>
              <tbody>
                {trend.data.points.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.period}</th>
                    <td>{p.facilities}</td>
                    <td>{number(p.capacity)}</td>
                    <td>{number(p.occupants)}</td>
                    <td>{p.occupancyRatio ? `${decimal(p.occupancyRatio.percent, 1)}%` : "—"}</td>
                    <td>{p.drugShare ? `${decimal(p.drugShare.percent, 1)}%` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {canEnter ? <ImportPanel onImported={() => setSaved((n) => n + 1)} /> : null}

      {entering !== null ? (
        <CountForm
          facilities={facilityList.filter((f) => f.actions.includes("create"))}
          initialFacility={entering}
          onClose={() => setEntering(null)}
          onSaved={() => setSaved((n) => n + 1)}
        />
      ) : null}
    </PageLayout>
  );
}
