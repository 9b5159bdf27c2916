import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { AsyncState } from "../../hooks/useAsyncData";
import { errorKey } from "../../lib/http";
import { LABEL_PRIORITY } from "./hotspots";
import type { TrendArea, Trends } from "./incidents.api";

interface TrendPanelProps {
  trends: AsyncState<Trends> & { retry: () => void };
  selectedCode: string | null;
  onSelect: (code: string) => void;
}

/** The area a trend view opens on: the most urgent label, then the most incidents. */
export function defaultTrendArea(trends: Trends): TrendArea | undefined {
  return [...trends.areas].sort(
    (a, b) => LABEL_PRIORITY[a.label] - LABEL_PRIORITY[b.label] || b.total - a.total,
  )[0];
}

/** Monthly counts of one kelurahan (bars), its Gi* z-score (line) and its emerging label. */
export function TrendPanel({ trends, selectedCode, onSelect }: TrendPanelProps) {
  const { t } = useTranslation();
  const data = trends.status === "success" ? trends.data : null;
  const area = useMemo(() => {
    if (!data) return undefined;
    return data.areas.find((a) => a.code === selectedCode) ?? defaultTrendArea(data);
  }, [data, selectedCode]);
  const rows = useMemo(
    () =>
      data && area
        ? data.periods.map((period, i) => ({
            period,
            count: area.counts[i] ?? 0,
            z: Math.round((area.z[i] ?? 0) * 100) / 100,
          }))
        : [],
    [data, area],
  );
  const sorted = useMemo(
    () =>
      data
        ? [...data.areas].sort(
            (a, b) =>
              LABEL_PRIORITY[a.label] - LABEL_PRIORITY[b.label] || a.name.localeCompare(b.name),
          )
        : [],
    [data],
  );
  return (
    <section className="incident-trend" data-testid="trend-panel" aria-labelledby="trend-title">
      <h2 id="trend-title" className="incident-panel__title">
        {t("incidents.trend.title")}
      </h2>
      {trends.status === "loading" ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> {t("status.loading")}
        </p>
      ) : null}
      {trends.status === "error" ? (
        <div role="alert" className="incident-error">
          <p>{t(errorKey(trends.error))}</p>
          <button type="button" className="button" onClick={trends.retry}>
            {t("status.retry")}
          </button>
        </div>
      ) : null}
      {data && area ? (
        <>
          <label className="incident-trend__select">
            <span>{t("incidents.trend.area")}</span>
            <select
              value={area.code}
              data-testid="trend-area"
              onChange={(e) => onSelect(e.target.value)}
            >
              {sorted.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label === "none"
                    ? a.name
                    : `${a.name} · ${t(`incidents.trend.label.${a.label}`)}`}
                </option>
              ))}
            </select>
          </label>
          <p className="incident-trend__summary">
            <span
              className={`incident-label incident-label--${area.label}`}
              data-testid="trend-label"
              data-label={area.label}
            >
              {t(`incidents.trend.label.${area.label}`)}
            </span>
            <span className="muted">
              {t("incidents.trend.total", {
                count: area.total,
                from: data.periods[0],
                to: data.periods.at(-1),
              })}
            </span>
          </p>
          <p className="muted incident-trend__explain">
            {t(`incidents.trend.explain.${area.label}`)}
          </p>
          {area.total === 0 ? (
            <p className="muted" data-testid="trend-empty">
              {t("incidents.trend.empty")}
            </p>
          ) : (
            <div
              className="incident-trend__chart"
              role="img"
              aria-label={t("incidents.trend.chartAria", { name: area.name })}
            >
              <ResponsiveContainer width="100%" height={220}>
                <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#d5dadd" />
                  <XAxis dataKey="period" tick={{ fontSize: 11 }} minTickGap={16} />
                  <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 11 }} />
                  <YAxis yAxisId="z" orientation="right" tick={{ fontSize: 11 }} width={32} />
                  <Tooltip />
                  <ReferenceLine yAxisId="z" y={1.96} stroke="#b2182b" strokeDasharray="4 3" />
                  <Bar
                    yAxisId="count"
                    dataKey="count"
                    name={t("incidents.trend.count")}
                    fill="#5d7d8a"
                    isAnimationActive={false}
                  />
                  <Line
                    yAxisId="z"
                    dataKey="z"
                    name={t("incidents.trend.z")}
                    stroke="#b2182b"
                    dot={false}
                    strokeWidth={2}
                    isAnimationActive={false}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </div>
          )}
          <table className="visually-hidden">
            <caption>{t("incidents.trend.chartAria", { name: area.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("incidents.trend.month")}</th>
                <th scope="col">{t("incidents.trend.count")}</th>
                <th scope="col">{t("incidents.trend.z")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.period}>
                  <td>{r.period}</td>
                  <td>{r.count}</td>
                  <td>{r.z}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
