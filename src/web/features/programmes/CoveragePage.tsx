import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { COVERAGE_COLOURS } from "../../map/programmes";
import { ListStatus } from "../admin/ListStatus";
import { CategoryLegend, ProgrammeMap } from "./ProgrammeMap";
import { ProgrammesSubNav } from "./ProgrammesSubNav";
import { fetchCoverage } from "./programmes.api";
import { PeriodPicker, useMoney, usePercent, usePeriodParams } from "./shared";
import "../admin/admin.css";
import "../areas/areas.css";
import "./programmes.css";

/** `/cakupan`: risky areas with and without activity in a period, and the targeting shares. */
export function CoveragePage() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const money = useMoney();
  const percent = usePercent();
  const { from, to, pillar, city, update } = usePeriodParams();
  const data = useAsyncData(`cov-${city}-${from}-${to}-${pillar}`, (s) =>
    fetchCoverage({ city, from, to, ...(pillar ? { pillar } : {}) }, s),
  );
  const [selected, setSelected] = useState<string | null>(null);
  const result = data.status === "success" ? data.data : null;
  const values = useMemo(() => {
    if (!result) return null;
    const m = new Map<string, string>();
    for (const a of result.riskyAreas) m.set(a.areaCode, a.covered ? "covered" : "uncovered");
    return m;
  }, [result]);
  const word = useCallback(
    (value: string | null) => t(`programmes.coverage.${(value ?? "other") as "covered"}`),
    [t],
  );
  const cls = (c: string | null, hotspot: boolean) =>
    [
      c ? t(`programmes.class.${c as "bahaya"}`) : null,
      hotspot ? t("programmes.coverage.hotspot") : null,
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <PageLayout title={t("programmes.coverage.title")}>
      <ProgrammesSubNav />
      <p className="page__intro muted">{t("programmes.coverage.intro")}</p>
      <PeriodPicker from={from} to={to} pillar={pillar} onChange={update} />
      <ListStatus state={data} empty={false} onRetry={data.retry} />
      {result ? (
        <>
          <div className="prog-tiles" data-testid="coverage-targeting">
            <div className="prog-tile">
              <span className="prog-tile__value" data-testid="coverage-risky">
                {number(result.riskyAreas.length)}
              </span>
              <span className="prog-tile__label">{t("programmes.coverage.riskyCount")}</span>
            </div>
            <div className="prog-tile">
              <span className="prog-tile__value" data-testid="coverage-uncovered-count">
                {number(result.uncovered.length)}
              </span>
              <span className="prog-tile__label">{t("programmes.coverage.uncoveredCount")}</span>
            </div>
            <div className="prog-tile">
              <span className="prog-tile__value" data-testid="coverage-activity-share">
                {percent(result.targeting.activityShare)}
              </span>
              <span className="prog-tile__label">
                {t("programmes.coverage.activityShare", {
                  risky: number(result.targeting.activitiesInRisky),
                  total: number(result.targeting.activitiesTotal),
                })}
              </span>
            </div>
            <div className="prog-tile">
              <span className="prog-tile__value" data-testid="coverage-budget-share">
                {percent(result.targeting.budgetShare)}
              </span>
              <span className="prog-tile__label">
                {t("programmes.coverage.budgetShare", {
                  risky: money(result.targeting.budgetInRisky),
                  total: money(result.targeting.budgetTotal),
                })}
              </span>
            </div>
          </div>
          <p className="muted">{t("programmes.coverage.rule")}</p>
          <CategoryLegend
            title={t("programmes.coverage.legend")}
            entries={(["uncovered", "covered", "other"] as const).map((v) => ({
              value: v,
              colour: COVERAGE_COLOURS.colours[v]!,
              label: word(v),
            }))}
          />
          <div className="prog-map">
            <ProgrammeMap
              testId="coverage-map"
              city={city}
              values={values}
              colours={COVERAGE_COLOURS}
              word={word}
              badge={(v) =>
                v === "uncovered"
                  ? { text: "!", background: COVERAGE_COLOURS.colours.uncovered!, color: "#ffffff" }
                  : undefined
              }
              detail={(code) => {
                const a = result.riskyAreas.find((x) => x.areaCode === code);
                return a ? <span>{cls(a.class, a.hotspot)}</span> : null;
              }}
              selectedCode={selected}
              onSelect={(code) => setSelected((c) => (c === code ? null : code))}
            />
          </div>
          <section className="prog-section" aria-labelledby="uncovered-title">
            <h2 id="uncovered-title" className="h3">
              {t("programmes.coverage.uncoveredTitle")}
            </h2>
            {result.uncovered.length === 0 ? (
              <p data-testid="coverage-all-covered">{t("programmes.coverage.allCovered")}</p>
            ) : (
              <ul data-testid="coverage-uncovered">
                {result.uncovered.map((a) => (
                  <li key={a.areaCode} data-testid="uncovered-area" data-code={a.areaCode}>
                    <strong>{a.areaName ?? a.areaCode}</strong> ({cls(a.class, a.hotspot)}){" "}
                    <span className="muted mono">{a.areaCode}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="prog-section" aria-labelledby="risky-title">
            <h2 id="risky-title" className="h3">
              {t("programmes.coverage.riskyTitle")}
            </h2>
            {result.riskyAreas.length === 0 ? (
              <p className="list-status">{t("programmes.coverage.noRisky")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="coverage-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("programmes.fields.kelurahan")}</th>
                      <th scope="col">{t("programmes.coverage.class")}</th>
                      <th scope="col">{t("programmes.www.activities")}</th>
                      <th scope="col">{t("programmes.title")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.riskyAreas.map((a) => (
                      <tr
                        key={a.areaCode}
                        data-testid="coverage-row"
                        data-code={a.areaCode}
                        data-covered={a.covered ? "true" : "false"}
                        data-activities={a.activities}
                        aria-selected={selected === a.areaCode}
                      >
                        <th scope="row">
                          {a.areaName ?? a.areaCode}
                          <span className="table__sub muted mono">{a.areaCode}</span>
                        </th>
                        <td>{cls(a.class, a.hotspot)}</td>
                        <td>
                          {number(a.activities)}
                          {a.covered ? null : (
                            <span className="table__sub">{t("programmes.coverage.uncovered")}</span>
                          )}
                        </td>
                        <td>
                          {a.programmes.length === 0
                            ? "—"
                            : a.programmes.map((p) => (
                                <span key={p.id} className="table__sub">
                                  <Link to={`/program/${p.id}`}>{p.name}</Link>
                                </span>
                              ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </PageLayout>
  );
}
