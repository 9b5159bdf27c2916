import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Action, Resource } from "../../../domain/access/roles";
import { RISK_CLASSES } from "../../../domain/risk/classes";
import { RISK_COLOURS } from "../../../domain/risk/colours";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { MapStatus } from "../areas/MapStatus";
import { useCityParam } from "../areas/useCityParam";
import { useSession } from "../auth/session";
import { ClassesMap } from "../public/ClassesMap";
import { useRiskLabels } from "../risk/classes";
import { type Dashboard, fetchDashboard, type Provenance } from "./dashboard.api";
import "../public/public.css";
import "./dashboard.css";

/** A link to the detail page when the person may open it, else plain text. */
function Detail({ p, children }: { p: Provenance; children: ReactNode }) {
  const { can } = useSession();
  return can(p.resource as Resource, "read" as Action) ? (
    <Link to={p.link}>{children}</Link>
  ) : (
    children
  );
}

function Source({ text, testId }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <small className="know-source" data-testid={testId}>
      {t("know.dashboard.source", { source: text || t("know.dashboard.noSource") })}
    </small>
  );
}

interface TileProps {
  label: string;
  value: string;
  provenance: Provenance;
  testId: string;
  hint?: string;
}

function Tile({ label, value, provenance, testId, hint }: TileProps) {
  return (
    <div className="dash-tile" data-testid={testId}>
      <span className="dash-tile__label">{label}</span>
      <Detail p={provenance}>
        <strong className="dash-tile__value" data-testid={`${testId}-value`}>
          {value}
        </strong>
      </Detail>
      {hint ? <span className="dash-tile__hint">{hint}</span> : null}
      <Source text={provenance.source} testId={`${testId}-source`} />
    </div>
  );
}

/** `/dasbor`: one screen for the Wali Kota and the head of BNNP. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [city] = useCityParam();
  const data = useAsyncData(`dashboard|${city}`, (signal) => fetchDashboard(city, signal));
  return (
    <PageLayout title={t("know.dashboard.title")}>
      {data.status === "loading" ? <MapStatus status="loading" /> : null}
      {data.status === "error" ? (
        <MapStatus status="error" error={data.error} onRetry={data.retry} />
      ) : null}
      {data.status === "success" ? <DashboardBody d={data.data} /> : null}
    </PageLayout>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const { number, decimal, date } = useFormat();
  const labels = useRiskLabels();
  const navigate = useNavigate();
  const { can } = useSession();
  const n = (v: number | null) => (v === null ? "—" : number(v));
  const pct = (v: number | null) => (v === null ? "—" : `${decimal(v, 1)}%`);
  const c = d.custody;
  const rehabChart = d.rehabilitation.years.map((y) => ({
    period: y.period,
    ...Object.fromEntries(y.official.map((f) => [f.source, f.value])),
    ...(y.records !== null ? { [t("know.dashboard.records")]: y.records } : {}),
  }));
  const rehabSeries = [
    ...new Set(d.rehabilitation.years.flatMap((y) => y.official.map((f) => f.source))),
  ];
  const SERIES_COLOURS = ["#5b3f8c", "#c27c0e", "#2f7d6d", "#9a3b55"];
  return (
    <div className="dash" data-testid="dashboard">
      <p className="know-lead">{t("know.dashboard.lead", { city: d.cityName })}</p>

      <section className="dash-tiles" aria-label={t("know.dashboard.kpis")}>
        <Tile
          testId="kpi-occupancy"
          label={t("know.dashboard.occupancy")}
          value={pct(c.occupancyRatio.value)}
          hint={t("know.dashboard.occupancyHint", {
            occupants: n(c.occupants.value),
            capacity: n(c.capacity.value),
          })}
          provenance={c.occupancyRatio}
        />
        <Tile
          testId="kpi-excess"
          label={t("know.dashboard.excess")}
          value={pct(c.overcrowdingExcess.value)}
          provenance={c.overcrowdingExcess}
        />
        <Tile
          testId="kpi-drug-share"
          label={t("know.dashboard.drugShare")}
          value={pct(c.drugShare.value)}
          hint={t("know.dashboard.drugShareHint", { drug: n(c.drugOffenders.value) })}
          provenance={c.drugShare}
        />
        <Tile
          testId="kpi-uncovered"
          label={t("know.dashboard.uncovered")}
          value={`${number(d.programmes.uncoveredAreas.length)} / ${number(d.programmes.riskyAreas)}`}
          hint={t("know.dashboard.uncoveredHint", { year: d.programmes.from.slice(0, 4) })}
          provenance={{ ...d.programmes, link: "/cakupan" }}
        />
      </section>

      <section className="dash-grid">
        <div className="dash-card dash-card--map">
          <h2>{t("know.dashboard.mapTitle")}</h2>
          <ClassesMap
            testId="dashboard-map"
            city={d.city}
            areas={d.risk.areas}
            onSelect={(code) => {
              if (can("assessment", "read")) navigate(`/rawan/wilayah/${code}`);
            }}
          />
          <ul className="dash-classes" data-testid="dashboard-classes">
            {RISK_CLASSES.map((cls) => (
              <li key={cls} data-class={cls}>
                <span
                  className="know-swatch"
                  style={{ background: RISK_COLOURS[cls] }}
                  aria-hidden="true"
                />
                <Detail p={d.risk}>
                  {labels.cls(cls)}: <strong>{number(d.risk.counts[cls])}</strong>
                </Detail>
              </li>
            ))}
            <li>
              {labels.cls(null)}: <strong>{number(d.risk.counts.unassessed)}</strong>
            </li>
          </ul>
          <Source text={d.risk.source} />
        </div>

        <div className="dash-card">
          <h2>{t("know.dashboard.custodyTitle")}</h2>
          {c.available ? (
            <>
              <dl className="know-facts" data-testid="dashboard-custody">
                <dt>{t("know.dashboard.capacity")}</dt>
                <dd data-testid="custody-capacity">
                  <Detail p={c.capacity}>{n(c.capacity.value)}</Detail>
                </dd>
                <dt>{t("know.dashboard.occupants")}</dt>
                <dd data-testid="custody-occupants">
                  <Detail p={c.occupants}>{n(c.occupants.value)}</Detail>
                </dd>
                <dt>{t("know.dashboard.drugOffenders")}</dt>
                <dd data-testid="custody-drug">
                  <Detail p={c.drugOffenders}>{n(c.drugOffenders.value)}</Detail>
                </dd>
              </dl>
              <Source text={c.capacity.source} testId="custody-source" />
              {c.periodEnd ? (
                <small className="know-source">
                  {t("know.dashboard.asOf", { date: date(c.periodEnd) })}
                </small>
              ) : null}
              {c.trend.length > 1 ? (
                <div
                  className="dash-chart"
                  role="img"
                  aria-label={t("know.dashboard.custodyChart")}
                >
                  <ResponsiveContainer width="100%" height={180}>
                    <LineChart data={c.trend}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="period" />
                      <YAxis unit="%" />
                      <Tooltip />
                      <Line
                        type="monotone"
                        dataKey="occupancyRatio"
                        name={t("know.dashboard.occupancy")}
                        stroke="#5b3f8c"
                      />
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              ) : null}
            </>
          ) : (
            <p className="know-empty">{t("know.dashboard.noCustody")}</p>
          )}
        </div>

        <div className="dash-card">
          <h2>{t("know.dashboard.incidentsTitle")}</h2>
          <p>
            <Detail p={d.incidents}>
              {t("know.dashboard.incidentsTotal", { total: number(d.incidents.total) })}
            </Detail>
          </p>
          <div className="dash-chart" role="img" aria-label={t("know.dashboard.incidentsChart")}>
            <ResponsiveContainer width="100%" height={200}>
              <BarChart data={d.incidents.months}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="month" tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name={t("know.dashboard.incidents")} fill="#7a5aa6" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Source text={d.incidents.source} />
        </div>

        <div className="dash-card">
          <h2>{t("know.dashboard.rehabTitle")}</h2>
          {d.rehabilitation.years.length === 0 ? (
            <p className="know-empty">{t("know.dashboard.noRehab")}</p>
          ) : (
            <>
              <table className="know-table" data-testid="dashboard-rehab">
                <thead>
                  <tr>
                    <th scope="col">{t("know.dashboard.period")}</th>
                    <th scope="col">{t("know.dashboard.official")}</th>
                    {d.rehabilitation.recordsAvailable ? (
                      <th scope="col">{t("know.dashboard.records")}</th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {d.rehabilitation.years.map((y) => (
                    <tr key={y.period}>
                      <th scope="row">{y.period}</th>
                      <td>
                        {y.official.map((f) => (
                          <span className="dash-figure" key={`${f.source}|${f.value}`}>
                            <Detail p={d.rehabilitation}>{number(f.value)}</Detail>
                            <small className="know-source">
                              {f.citation ? `${f.source}: ${f.citation}` : f.source}
                            </small>
                          </span>
                        ))}
                      </td>
                      {d.rehabilitation.recordsAvailable ? <td>{n(y.records)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="dash-chart" role="img" aria-label={t("know.dashboard.rehabChart")}>
                <ResponsiveContainer width="100%" height={200}>
                  <BarChart data={rehabChart}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="period" tick={{ fontSize: 11 }} />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Legend />
                    {rehabSeries.map((s, k) => (
                      <Bar key={s} dataKey={s} fill={SERIES_COLOURS[k % SERIES_COLOURS.length]} />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </>
          )}
          <Source text={d.rehabilitation.source} />
        </div>

        <div className="dash-card">
          <h2>{t("know.dashboard.programmesTitle")}</h2>
          <ul className="dash-status" data-testid="dashboard-programmes">
            {(["planned", "active", "completed", "cancelled"] as const).map((s) => (
              <li key={s}>
                <Detail p={d.programmes}>
                  {t(`know.dashboard.status.${s}`)}:{" "}
                  <strong>{number(d.programmes.byStatus[s])}</strong>
                </Detail>
              </li>
            ))}
          </ul>
          <h3>{t("know.dashboard.uncoveredTitle")}</h3>
          {d.programmes.uncoveredAreas.length === 0 ? (
            <p className="know-empty">{t("know.dashboard.allCovered")}</p>
          ) : (
            <ul className="dash-uncovered">
              {d.programmes.uncoveredAreas.map((a) => (
                <li key={a.areaCode}>
                  {a.areaName ?? a.areaCode}
                  {a.class ? ` (${labels.cls(a.class as (typeof RISK_CLASSES)[number])})` : ""}
                </li>
              ))}
            </ul>
          )}
          {d.programmes.activityShare !== null ? (
            <p>
              {t("know.dashboard.activityShare", { share: pct(d.programmes.activityShare * 100) })}
            </p>
          ) : null}
          <Source text={d.programmes.source} />
        </div>
      </section>
    </div>
  );
}
