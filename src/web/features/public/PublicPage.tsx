import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { DEFAULT_CITY } from "../areas/areas.api";
import { MapStatus } from "../areas/MapStatus";
import { ClassesMap } from "./ClassesMap";
import {
  fetchPublicActivities,
  fetchPublicClasses,
  fetchPublicFigures,
  fetchPublicIncidents,
  type PublicFigure,
  type PublicTable,
} from "./public.api";
import { CountCell, SuppressedTable, SuppressionNote } from "./SuppressedTable";
import "./public.css";

/** Rows that are all zero say nothing; hiding them keeps the table readable on a phone. */
function withoutEmptyRows(table: PublicTable): PublicTable {
  return { ...table, rows: table.rows.filter((r) => r.total !== 0) };
}

/** `/publik`: what the public may know, without signing in. Aggregates only. */
export function PublicPage() {
  const { t, i18n } = useTranslation();
  const { number, date, decimal } = useFormat();
  const city = DEFAULT_CITY;
  const [year, setYear] = useState<number | null>(null);
  const [onlyWithIncidents, setOnlyWithIncidents] = useState(true);
  const classes = useAsyncData(`classes|${city}`, (s) => fetchPublicClasses(city, s));
  const incidents = useAsyncData(`incidents|${city}|${year ?? ""}`, (s) =>
    fetchPublicIncidents(city, year, s),
  );
  const activities = useAsyncData(`activities|${city}`, (s) =>
    fetchPublicActivities(city, null, s),
  );
  const figures = useAsyncData("figures", fetchPublicFigures);
  const monthName = useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "id-ID", {
      month: "short",
      timeZone: "UTC",
    });
    return (ym: string) => f.format(new Date(`${ym}-01T00:00:00Z`));
  }, [i18n.language]);
  const percent = (v: number | null) => (v === null ? "—" : `${decimal(v, 1)}%`);
  const figureSource = (f: PublicFigure) => (f.citation ? `${f.source}: ${f.citation}` : f.source);

  return (
    <PageLayout title={t("know.public.title")}>
      <p className="know-lead">{t("know.public.lead")}</p>

      <section className="know-section" aria-labelledby="public-classes">
        <h2 id="public-classes">{t("know.public.classesTitle")}</h2>
        <p className="know-note">{t("know.public.classesNote")}</p>
        {classes.status === "error" ? (
          <MapStatus status="error" error={classes.error} onRetry={classes.retry} />
        ) : (
          <ClassesMap
            testId="public-map"
            city={city}
            areas={classes.status === "success" ? classes.data.areas : null}
          />
        )}
        {classes.status === "success" && classes.data.areas.length === 0 ? (
          <p className="know-empty">{t("know.public.noClasses")}</p>
        ) : null}
      </section>

      <section className="know-section" aria-labelledby="public-incidents">
        <h2 id="public-incidents">{t("know.public.incidentsTitle")}</h2>
        {incidents.status === "loading" ? <MapStatus status="loading" /> : null}
        {incidents.status === "error" ? (
          <MapStatus status="error" error={incidents.error} onRetry={incidents.retry} />
        ) : null}
        {incidents.status === "success" ? (
          <>
            <div className="know-controls">
              <label>
                {t("know.public.year")}{" "}
                <select
                  data-testid="public-year"
                  value={incidents.data.year}
                  onChange={(e) => setYear(Number(e.target.value))}
                >
                  {(incidents.data.years.length ? incidents.data.years : [incidents.data.year]).map(
                    (y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ),
                  )}
                </select>
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={onlyWithIncidents}
                  onChange={(e) => setOnlyWithIncidents(e.target.checked)}
                />{" "}
                {t("know.public.onlyWithIncidents")}
              </label>
            </div>
            <SuppressedTable
              testId="public-incidents"
              table={
                onlyWithIncidents ? withoutEmptyRows(incidents.data.table) : incidents.data.table
              }
              caption={t("know.public.incidentsCaption", { year: incidents.data.year })}
              columnLabel={monthName}
            />
            <SuppressionNote threshold={incidents.data.table.threshold} />
          </>
        ) : null}
      </section>

      <section className="know-section" aria-labelledby="public-activities">
        <h2 id="public-activities">{t("know.public.activitiesTitle")}</h2>
        {activities.status === "error" ? (
          <MapStatus status="error" error={activities.error} onRetry={activities.retry} />
        ) : null}
        {activities.status === "success" ? (
          activities.data.available && activities.data.table.grandTotal !== 0 ? (
            <SuppressedTable
              testId="public-activities"
              table={withoutEmptyRows(activities.data.table)}
              caption={t("know.public.activitiesCaption", { year: activities.data.year })}
              columnLabel={(pillar) => t(`know.public.pillar.${pillar}`, { defaultValue: pillar })}
            />
          ) : (
            <p className="know-empty">{t("know.public.noActivities")}</p>
          )
        ) : null}
      </section>

      <section className="know-section" aria-labelledby="public-figures">
        <h2 id="public-figures">{t("know.public.figuresTitle")}</h2>
        {figures.status === "error" ? (
          <MapStatus status="error" error={figures.error} onRetry={figures.retry} />
        ) : null}
        {figures.status === "success" ? (
          <div className="know-columns">
            <div>
              <h3>{t("know.public.rehabTitle")}</h3>
              {figures.data.rehabilitation.official.length === 0 &&
              !figures.data.rehabilitation.recorded ? (
                <p className="know-empty">{t("know.public.noFigures")}</p>
              ) : null}
              <ul className="know-figures" data-testid="public-rehab">
                {figures.data.rehabilitation.official.map((f) => (
                  <li key={`${f.periodStart}|${f.periodEnd}|${f.source}|${f.value}`}>
                    <strong>{number(f.value)}</strong>{" "}
                    {t("know.public.period", { from: date(f.periodStart), to: date(f.periodEnd) })}
                    <small>{t("know.public.source", { source: figureSource(f) })}</small>
                  </li>
                ))}
              </ul>
              {figures.data.rehabilitation.recorded ? (
                <table className="know-table know-table--narrow">
                  <caption>{t("know.public.rehabRecorded")}</caption>
                  <tbody>
                    {figures.data.rehabilitation.recorded.points.map((p) => (
                      <tr key={p.year}>
                        <th scope="row">{p.year}</th>
                        <td>
                          <CountCell
                            value={p.count}
                            table={figures.data.rehabilitation.recorded!}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </div>
            <div>
              <h3>{t("know.public.custodyTitle")}</h3>
              {figures.data.custody.official.length === 0 && !figures.data.custody.latest ? (
                <p className="know-empty">{t("know.public.noFigures")}</p>
              ) : null}
              <ul className="know-figures" data-testid="public-custody">
                {figures.data.custody.official.map((f) => (
                  <li key={`${f.indicator}|${f.periodEnd}|${f.source}`}>
                    <strong>{number(f.value)}</strong>{" "}
                    {t(`know.public.indicator.${f.indicator}`, { defaultValue: f.indicator })}
                    <small>{t("know.public.source", { source: figureSource(f) })}</small>
                  </li>
                ))}
              </ul>
              {figures.data.custody.latest ? (
                <dl className="know-facts">
                  <dt>{t("know.public.occupancy")}</dt>
                  <dd>{percent(figures.data.custody.latest.occupancyRatio)}</dd>
                  <dt>{t("know.public.excess")}</dt>
                  <dd>{percent(figures.data.custody.latest.overcrowdingExcess)}</dd>
                  <dt>{t("know.public.drugShare")}</dt>
                  <dd>{percent(figures.data.custody.latest.drugShare)}</dd>
                </dl>
              ) : null}
            </div>
          </div>
        ) : null}
      </section>
    </PageLayout>
  );
}
