import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { SelectField, TextField } from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { type AsyncState, useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { FilterBar } from "../admin/Filters";
import { useSession } from "../auth/session";
import { BandBadge } from "./AssistQuestionnaire";
import { FacilitySelect } from "./FacilitySelect";
import {
  AREA_LEVELS,
  type EntriesFilter,
  type EntriesResult,
  entriesPath,
  FIGURE_DIMENSIONS,
  FIGURE_MEASURES,
  type FigureDimension,
  fetchAftercare,
  fetchEntries,
  fetchRecap,
  fetchTdi,
  recapPath,
  type TdiRow,
  tdiPath,
} from "./figures.api";
import { inList, todayJakarta, useRehabError, useRehabLabels } from "./labels";
import { RehabSubNav } from "./RehabSubNav";
import { PERIODS } from "./vocab";
import "../admin/admin.css";
import "../risk/risk-pages.css";
import "./rehab.css";

/** Colours of the chart's series (colour-blind safe, Okabe-Ito), then grey for "others". */
const SERIES_COLOURS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
];
const OTHERS_COLOUR = "#9aa5ab";
const MAX_SERIES = SERIES_COLOURS.length;

/** The label of a breakdown key, translated where it is one of our codes. */
function useKeyLabel(by: string) {
  const { t } = useTranslation();
  const labels = useRehabLabels();
  return (key: string, serverLabel: string): string => {
    if (key === "unknown") return t("rehab.figures.unknown");
    switch (by as FigureDimension) {
      case "none":
        return t("rehab.figures.all");
      case "sex":
        return labels.sex(key);
      case "age_band":
        return labels.ageBand(key);
      case "primary_substance":
        return labels.drug(key);
      case "route":
        return labels.route(key);
      case "service_type":
        return labels.service(key);
      case "entry_route":
        return labels.entryRoute(key);
      default:
        return serverLabel;
    }
  };
}

function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card figures-section" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="figures-section__head">
        <h2 id={`${id}-title`} className="section-title">
          {title}
        </h2>
        {actions ? <div className="export-links">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

function Loading({ state }: { state: AsyncState<unknown> & { retry: () => void } }) {
  const { t } = useTranslation();
  const errorText = useRehabError();
  if (state.status === "loading")
    return (
      <p className="list-status" role="status">
        <span className="spinner" aria-hidden="true" />
        {t("rehab.loading")}
      </p>
    );
  if (state.status === "error")
    return (
      <div className="notice notice--error" role="alert">
        <p>{errorText(state.error)}</p>
        <button type="button" className="button" onClick={state.retry}>
          {t("status.retry")}
        </button>
      </div>
    );
  return null;
}

function ExportLinks({ csv, xlsx, canExport }: { csv: string; xlsx: string; canExport: boolean }) {
  const { t } = useTranslation();
  if (!canExport) return null;
  return (
    <>
      <a
        className="button button--quiet button--small"
        href={csv}
        download
        data-testid="export-csv"
      >
        {t("rehab.figures.csv")}
      </a>
      <a
        className="button button--quiet button--small"
        href={xlsx}
        download
        data-testid="export-xlsx"
      >
        {t("rehab.figures.xlsx")}
      </a>
    </>
  );
}

/** Entries or clients in care per period, stacked by the chosen breakdown, with its table. */
function EntriesView({ data, filter }: { data: EntriesResult; filter: EntriesFilter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const keyLabel = useKeyLabel(filter.by);
  const shown = data.keys.slice(0, data.keys.length > MAX_SERIES ? MAX_SERIES - 1 : MAX_SERIES);
  const others = data.keys.length > shown.length;
  const chartData = useMemo(
    () =>
      data.buckets.map((bucket) => {
        const point: Record<string, string | number> = { period: bucket.period };
        for (const k of shown) point[k.key] = 0;
        if (others) point.__others = 0;
        for (const row of data.rows.filter((r) => r.period === bucket.period)) {
          const id = shown.some((k) => k.key === row.key) ? row.key : "__others";
          point[id] = Number(point[id] ?? 0) + row.count;
        }
        return point;
      }),
    [data, shown, others],
  );
  const cell = (period: string, key: string) =>
    data.rows.find((r) => r.period === period && r.key === key)?.count ?? 0;
  const total = data.buckets.reduce((s, b) => s + b.total, 0);
  return (
    <>
      <p className="figures-total" data-testid="entries-total" data-total={total}>
        {t(
          filter.measure === "in_care" ? "rehab.figures.totalInCare" : "rehab.figures.totalEntries",
          {
            count: total,
            total: format.number(total),
          },
        )}
      </p>
      {total === 0 ? (
        <p className="muted" data-testid="entries-empty">
          {t("rehab.figures.empty")}
        </p>
      ) : (
        <div
          className="chart-box"
          role="img"
          aria-label={t("rehab.figures.chartLabel", { total: format.number(total) })}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={chartData} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="period" fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} />
              <Tooltip formatter={(value) => format.number(Number(value))} />
              {filter.by !== "none" ? <Legend /> : null}
              {shown.map((k, i) => (
                <Bar
                  key={k.key}
                  dataKey={k.key}
                  name={keyLabel(k.key, k.label)}
                  stackId="a"
                  fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
                  isAnimationActive={false}
                />
              ))}
              {others ? (
                <Bar
                  dataKey="__others"
                  name={t("rehab.figures.others")}
                  stackId="a"
                  fill={OTHERS_COLOUR}
                  isAnimationActive={false}
                />
              ) : null}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {total > 0 ? (
        <div className="table-wrap">
          <table className="table table--compact" data-testid="entries-table">
            <caption className="visually-hidden">{t("rehab.figures.entriesTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rehab.figures.period")}</th>
                {filter.by !== "none"
                  ? data.keys.map((k) => (
                      <th scope="col" key={k.key}>
                        {keyLabel(k.key, k.label)}
                      </th>
                    ))
                  : null}
                <th scope="col">{t("rehab.figures.total")}</th>
              </tr>
            </thead>
            <tbody>
              {data.buckets.map((b) => (
                <tr
                  key={b.period}
                  data-testid="entries-row"
                  data-period={b.period}
                  data-total={b.total}
                >
                  <th scope="row">{b.period}</th>
                  {filter.by !== "none"
                    ? data.keys.map((k) => (
                        <td key={k.key} className="num">
                          {format.number(cell(b.period, k.key))}
                        </td>
                      ))
                    : null}
                  <td className="num">
                    <strong>{format.number(b.total)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function TdiTableView({ rows, total }: { rows: TdiRow[]; total: TdiRow }) {
  const { t } = useTranslation();
  const labels = useRehabLabels();
  const format = useFormat();
  const n = (v: number | null) => (v === null ? "—" : format.number(v));
  const line = (r: TdiRow, head: ReactNode, testId: string) => (
    <tr key={r.primarySubstance} data-testid={testId} data-substance={r.primarySubstance}>
      <th scope="row">{head}</th>
      <td className="num">{n(r.total)}</td>
      <td className="num">{n(r.male)}</td>
      <td className="num">{n(r.female)}</td>
      <td className="num">{n(r.under18)}</td>
      <td className="num">{n(r.meanAge)}</td>
      <td className="num">{n(r.meanAgeFirstUse)}</td>
      <td className="num">{n(r.neverTreated)}</td>
      <td className="num">{n(r.previouslyTreated)}</td>
      <td className="num">{n(r.everInjected)}</td>
      <td className="num">{n(r.routeSmokeInhale)}</td>
      <td className="num">{n(r.routeInject)}</td>
      <td className="num">{n(r.routeEatDrink)}</td>
      <td className="num">{n(r.routeSniff)}</td>
      <td className="num">{n(r.routeOther + r.routeUnknown)}</td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="tdi-table">
        <caption className="visually-hidden">{t("rehab.figures.tdiTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rehab.tdi.primarySubstance")}</th>
            <th scope="col">{t("rehab.figures.total")}</th>
            <th scope="col">{t("rehab.sex.male")}</th>
            <th scope="col">{t("rehab.sex.female")}</th>
            <th scope="col">{t("rehab.figures.under18")}</th>
            <th scope="col">{t("rehab.figures.meanAge")}</th>
            <th scope="col">{t("rehab.figures.meanAgeFirstUse")}</th>
            <th scope="col">{t("rehab.previousTreatment.never")}</th>
            <th scope="col">{t("rehab.previousTreatment.previously_treated")}</th>
            <th scope="col">{t("rehab.figures.everInjected")}</th>
            <th scope="col">{t("rehab.route.smoke_inhale")}</th>
            <th scope="col">{t("rehab.route.inject")}</th>
            <th scope="col">{t("rehab.route.eat_drink")}</th>
            <th scope="col">{t("rehab.route.sniff")}</th>
            <th scope="col">{t("rehab.figures.otherRoute")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) =>
            line(
              r,
              r.primarySubstance === "unknown"
                ? t("rehab.figures.unknown")
                : labels.drug(r.primarySubstance),
              "tdi-row",
            ),
          )}
        </tbody>
        <tfoot>{line(total, t("rehab.figures.total"), "tdi-total")}</tfoot>
      </table>
    </div>
  );
}

/**
 * `/rehab/angka`: the facility dashboard. Entries per period (first episode in the period, one
 * per person) or clients in care, by a breakdown; the aftercare KPI against BNN's 50% target;
 * the weekly/monthly recap in BNN's shape (record number, not name); a TDI-style table.
 * Filters live in the address. Nothing here carries identity.
 */
export function FiguresPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const labels = useRehabLabels();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const today = todayJakarta();
  const get = (name: string, fallback: string) => params.get(name) || fallback;
  const measure = inList(FIGURE_MEASURES, get("measure", "")) ? get("measure", "") : "entries";
  const period = inList(PERIODS, get("period", "")) ? get("period", "") : "year";
  const by = inList(FIGURE_DIMENSIONS, get("by", "")) ? get("by", "") : "none";
  const areaLevel = inList(AREA_LEVELS, get("areaLevel", "")) ? get("areaLevel", "") : "kecamatan";
  const from = get("from", "2023-01-01");
  const to = get("to", today);
  const facilityId = get("facility", "");
  const recapKind = get("recap", "monthly") === "weekly" ? "weekly" : "monthly";
  const recapDate = get("recapDate", today);
  const tdiYear = Number(get("tdiYear", today.slice(0, 4))) || Number(today.slice(0, 4));
  const set = (changes: Record<string, string>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  const filter: EntriesFilter = {
    measure,
    period,
    from,
    to,
    by,
    ...(by === "residence_area" ? { areaLevel } : {}),
    ...(facilityId ? { facilityId } : {}),
  };
  const validRange = Boolean(from && to && from <= to);
  const entriesKey = validRange ? entriesPath(filter) : null;
  const entries = useAsyncData(entriesKey, (signal) => fetchEntries(filter, signal));
  const kpi = useAsyncData(validRange ? `kpi|${from}|${to}` : null, (signal) =>
    fetchAftercare({ from, to }, signal),
  );
  const recap = useAsyncData(`recap|${recapKind}|${recapDate}`, (signal) =>
    fetchRecap({ kind: recapKind, date: recapDate }, signal),
  );
  const tdi = useAsyncData(`tdi|${tdiYear}`, (signal) => fetchTdi({ year: tdiYear }, signal));
  const canExport = can("rehab_statistics", "export");
  const years = Array.from({ length: 8 }, (_, i) => Number(today.slice(0, 4)) - i);

  return (
    <PageLayout title={t("rehab.figures.title")}>
      <RehabSubNav />
      <p className="page__intro muted">{t("rehab.figures.intro")}</p>
      <FilterBar label={t("rehab.figures.filters")}>
        <SelectField
          id="fig-measure"
          label={t("rehab.figures.measure")}
          testId="fig-measure"
          value={measure}
          onValue={(v) => set({ measure: v })}
        >
          {FIGURE_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`rehab.figures.measures.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="fig-period"
          label={t("rehab.figures.per")}
          testId="fig-period"
          value={period}
          onValue={(v) => set({ period: v })}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`rehab.figures.periods.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="fig-from"
          type="date"
          label={t("rehab.figures.from")}
          testId="fig-from"
          value={from}
          max={to}
          error={validRange ? null : t("rehab.figures.badRange")}
          onValue={(v) => set({ from: v })}
        />
        <TextField
          id="fig-to"
          type="date"
          label={t("rehab.figures.to")}
          testId="fig-to"
          value={to}
          min={from}
          onValue={(v) => set({ to: v })}
        />
        <SelectField
          id="fig-by"
          label={t("rehab.figures.by")}
          testId="fig-by"
          value={by}
          onValue={(v) => set({ by: v === "none" ? "" : v })}
        >
          {FIGURE_DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {t(`rehab.figures.dimensions.${d}`)}
            </option>
          ))}
        </SelectField>
        {by === "residence_area" ? (
          <SelectField
            id="fig-area-level"
            label={t("rehab.figures.areaLevel")}
            testId="fig-area-level"
            value={areaLevel}
            onValue={(v) => set({ areaLevel: v })}
          >
            {AREA_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`rehab.figures.areaLevels.${l}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <FacilitySelect
          id="fig-facility"
          label={t("rehab.episode.facility")}
          testId="fig-facility"
          value={facilityId}
          allOption
          onValue={(v) => set({ facility: v })}
        />
      </FilterBar>

      <div className="figures-grid">
        <Section
          id="figures-entries"
          title={t(`rehab.figures.measures.${measure as "entries"}`)}
          actions={
            validRange ? (
              <ExportLinks
                canExport={canExport}
                csv={entriesPath(filter, "csv")}
                xlsx={entriesPath(filter, "xlsx")}
              />
            ) : null
          }
        >
          <p className="muted">
            {t(measure === "in_care" ? "rehab.figures.inCareHint" : "rehab.figures.entriesHint")}
          </p>
          <Loading state={entries} />
          {entries.status === "success" ? (
            <EntriesView data={entries.data} filter={filter} />
          ) : null}
        </Section>
        <Section id="figures-kpi" title={t("rehab.figures.kpiTitle")}>
          <p className="muted">{t("rehab.figures.kpiHint")}</p>
          <Loading state={kpi} />
          {kpi.status === "success" ? (
            <div
              className="kpi"
              data-testid="kpi"
              data-share={kpi.data.share ?? ""}
              data-followed={kpi.data.followedUp}
            >
              {kpi.data.share === null ? (
                <p className="muted">{t("rehab.figures.kpiNone")}</p>
              ) : (
                <>
                  <span className="kpi__value">
                    {format.number(kpi.data.share, { style: "percent", maximumFractionDigits: 1 })}
                  </span>
                  <div className="kpi__bar" aria-hidden="true">
                    <div className="kpi__fill" style={{ width: `${kpi.data.share * 100}%` }} />
                    <div className="kpi__target" style={{ left: `${kpi.data.target * 100}%` }} />
                  </div>
                  <p
                    className={
                      kpi.data.meetsTarget
                        ? "kpi__verdict kpi__verdict--ok"
                        : "kpi__verdict kpi__verdict--bad"
                    }
                  >
                    {kpi.data.meetsTarget ? "✓ " : "✗ "}
                    {t(kpi.data.meetsTarget ? "rehab.figures.kpiMet" : "rehab.figures.kpiMissed", {
                      target: format.number(kpi.data.target, { style: "percent" }),
                    })}
                  </p>
                </>
              )}
              <dl className="facts">
                <div>
                  <dt>{t("rehab.figures.followedUp")}</dt>
                  <dd>{format.number(kpi.data.followedUp)}</dd>
                </div>
                <div>
                  <dt>{t("rehab.relapse.not_relapsed")}</dt>
                  <dd>{format.number(kpi.data.notRelapsed)}</dd>
                </div>
                <div>
                  <dt>{t("rehab.relapse.relapsed")}</dt>
                  <dd>{format.number(kpi.data.relapsed)}</dd>
                </div>
                <div>
                  <dt>{t("rehab.relapse.unknown")}</dt>
                  <dd>{format.number(kpi.data.unknown)}</dd>
                </div>
              </dl>
            </div>
          ) : null}
        </Section>
      </div>

      <Section
        id="figures-recap"
        title={t("rehab.figures.recapTitle")}
        actions={
          <ExportLinks
            canExport={canExport}
            csv={recapPath({ kind: recapKind, date: recapDate }, "csv")}
            xlsx={recapPath({ kind: recapKind, date: recapDate }, "xlsx")}
          />
        }
      >
        <div className="filters filters--inline">
          <SelectField
            id="fig-recap-kind"
            label={t("rehab.figures.recapKind")}
            testId="fig-recap-kind"
            value={recapKind}
            onValue={(v) => set({ recap: v === "monthly" ? "" : v })}
          >
            <option value="monthly">{t("rehab.figures.monthly")}</option>
            <option value="weekly">{t("rehab.figures.weekly")}</option>
          </SelectField>
          <TextField
            id="fig-recap-date"
            type="date"
            label={t("rehab.figures.recapDate")}
            hint={t("rehab.figures.recapDateHint")}
            testId="fig-recap-date"
            value={recapDate}
            onValue={(v) => set({ recapDate: v })}
          />
        </div>
        <Loading state={recap} />
        {recap.status === "success" ? (
          <>
            <p data-testid="recap-summary">
              {t("rehab.figures.recapSummary", {
                start: format.date(recap.data.start),
                end: format.date(recap.data.end),
                entries: format.number(recap.data.entries),
                male: format.number(recap.data.male),
                female: format.number(recap.data.female),
                inCare: format.number(recap.data.inCare),
              })}
            </p>
            {recap.data.rows.length === 0 ? (
              <p className="muted">{t("rehab.figures.empty")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table table--compact" data-testid="recap-table">
                  <caption className="visually-hidden">{t("rehab.figures.recapTitle")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("rehab.figures.no")}</th>
                      <th scope="col">{t("rehab.figures.recordNumber")}</th>
                      <th scope="col">{t("rehab.figures.sexShort")}</th>
                      <th scope="col">{t("rehab.client.age")}</th>
                      <th scope="col">{t("rehab.figures.substances")}</th>
                      <th scope="col">{t("rehab.figures.useYears")}</th>
                      <th scope="col">{t("rehab.tdi.previousTreatment")}</th>
                      <th scope="col">{t("rehab.episode.entryRoute")}</th>
                      <th scope="col">{t("rehab.episode.serviceType")}</th>
                      <th scope="col">{t("rehab.assist.band")}</th>
                      <th scope="col">{t("rehab.episode.facility")}</th>
                      <th scope="col">{t("rehab.episode.startDate")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {recap.data.rows.map((r) => (
                      <tr
                        key={`${r.recordNumber}-${r.intakeDate}`}
                        data-testid="recap-row"
                        data-code={r.recordNumber}
                      >
                        <td className="num">{r.no}</td>
                        <th scope="row" className="mono">
                          {r.recordNumber}
                        </th>
                        <td>{r.sex === "male" ? "L" : r.sex === "female" ? "P" : "—"}</td>
                        <td className="num">{r.age}</td>
                        <td className="recap-substances">
                          {r.substances
                            .map(
                              (s) =>
                                `${labels.drug(s.substance)}${s.route ? ` (${labels.route(s.route)})` : ""}`,
                            )
                            .join("; ") || "—"}
                        </td>
                        <td className="num">{r.useYears ?? "—"}</td>
                        <td>{labels.previousTreatment(r.previousTreatment)}</td>
                        <td>{labels.entryRoute(r.entryRoute)}</td>
                        <td>{labels.service(r.serviceType)}</td>
                        <td>
                          {r.highestBand &&
                          inList(["low", "moderate", "high"] as const, r.highestBand) ? (
                            <BandBadge band={r.highestBand} />
                          ) : (
                            "—"
                          )}
                        </td>
                        <td>{r.facilityName}</td>
                        <td className="table__nowrap">{format.date(r.intakeDate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : null}
      </Section>

      <Section
        id="figures-tdi"
        title={t("rehab.figures.tdiTitle")}
        actions={
          <ExportLinks
            canExport={canExport}
            csv={tdiPath({ year: tdiYear }, "csv")}
            xlsx={tdiPath({ year: tdiYear }, "xlsx")}
          />
        }
      >
        <p className="muted">{t("rehab.figures.tdiHint")}</p>
        <SelectField
          id="fig-tdi-year"
          label={t("rehab.figures.year")}
          testId="fig-tdi-year"
          value={String(tdiYear)}
          onValue={(v) => set({ tdiYear: v })}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <Loading state={tdi} />
        {tdi.status === "success" ? (
          tdi.data.total.total === 0 ? (
            <p className="muted">{t("rehab.figures.empty")}</p>
          ) : (
            <TdiTableView rows={tdi.data.rows} total={tdi.data.total} />
          )
        ) : null}
      </Section>
    </PageLayout>
  );
}
