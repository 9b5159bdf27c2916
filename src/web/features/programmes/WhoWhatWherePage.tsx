import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { ACTIVITY_BANDS, ACTIVITY_COLOURS, activityBand } from "../../map/programmes";
import { ListStatus } from "../admin/ListStatus";
import { CategoryLegend, ProgrammeMap } from "./ProgrammeMap";
import { ProgrammesSubNav } from "./ProgrammesSubNav";
import { fetchWhoWhatWhere, type WhoWhatWhere } from "./programmes.api";
import { PeriodPicker, usePeriodParams } from "./shared";
import "../admin/admin.css";
import "../areas/areas.css";
import "./programmes.css";

function csvOf(data: WhoWhatWhere, headers: string[], pillarName: (p: string) => string): string {
  const cell = (v: string | number) => {
    const s = String(v);
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = [headers.map(cell).join(",")];
  for (const r of data.rows)
    lines.push(
      [r.organisationName, r.areaCode, r.areaName ?? "", pillarName(r.pillar), r.activities]
        .map(cell)
        .join(","),
    );
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** `/siapa-di-mana`: organisations x areas x pillars with activity counts in a period, map and table. */
export function WhoWhatWherePage() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { from, to, pillar, city, update } = usePeriodParams();
  const key = `www-${city}-${from}-${to}-${pillar}`;
  const data = useAsyncData(key, (s) =>
    fetchWhoWhatWhere({ city, from, to, ...(pillar ? { pillar } : {}) }, s),
  );
  const [selected, setSelected] = useState<string | null>(null);
  const result = data.status === "success" ? data.data : null;
  const values = useMemo(() => {
    if (!result) return null;
    const m = new Map<string, string>();
    for (const a of result.areas) m.set(a.areaCode, activityBand(a.activities));
    return m;
  }, [result]);
  const word = useCallback(
    (value: string | null) => t("programmes.www.band", { band: value ?? "0" }),
    [t],
  );
  const rows = result
    ? selected
      ? result.rows.filter((r) => r.areaCode === selected)
      : result.rows
    : [];
  const download = () => {
    if (!result) return;
    const text = csvOf(
      result,
      [
        t("programmes.www.organisation"),
        t("programmes.www.areaCode"),
        t("programmes.fields.kelurahan"),
        t("programmes.fields.pillar"),
        t("programmes.www.activities"),
      ],
      (p) => t(`programmes.pillar.${p as "pencegahan"}`),
    );
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `siapa-di-mana-${from}-${to}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <PageLayout title={t("programmes.www.title")}>
      <ProgrammesSubNav />
      <p className="page__intro muted">{t("programmes.www.intro")}</p>
      <PeriodPicker from={from} to={to} pillar={pillar} onChange={update} />
      <ListStatus state={data} empty={false} onRetry={data.retry} />
      {result ? (
        <>
          <div className="prog-tiles" data-testid="www-totals">
            <div className="prog-tile">
              <span className="prog-tile__value" data-testid="www-total-activities">
                {number(result.totals.activities)}
              </span>
              <span className="prog-tile__label">{t("programmes.www.activities")}</span>
            </div>
            <div className="prog-tile">
              <span className="prog-tile__value" data-testid="www-total-organisations">
                {number(result.totals.organisations)}
              </span>
              <span className="prog-tile__label">{t("programmes.www.organisations")}</span>
            </div>
            <div className="prog-tile">
              <span className="prog-tile__value" data-testid="www-total-areas">
                {number(result.totals.areas)}
              </span>
              <span className="prog-tile__label">{t("programmes.www.areas")}</span>
            </div>
          </div>
          <CategoryLegend
            title={t("programmes.www.legend")}
            entries={ACTIVITY_BANDS.map((b) => ({
              value: b,
              colour: ACTIVITY_COLOURS.colours[b]!,
              label: word(b),
            }))}
          />
          <div className="prog-map">
            <ProgrammeMap
              testId="www-map"
              city={city}
              values={values}
              colours={ACTIVITY_COLOURS}
              word={word}
              detail={(code) => {
                const a = result.areas.find((x) => x.areaCode === code);
                return a ? (
                  <span>{t("programmes.www.orgCount", { count: a.organisations })}</span>
                ) : null;
              }}
              selectedCode={selected}
              onSelect={(code) => setSelected((c) => (c === code ? null : code))}
            />
          </div>
          <div className="filters">
            {selected ? (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setSelected(null)}
              >
                {t("programmes.www.showAll")}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--quiet"
              data-testid="www-export"
              onClick={download}
              disabled={result.rows.length === 0}
            >
              {t("programmes.exportCsv")}
            </button>
          </div>
          {rows.length === 0 ? (
            <p className="list-status" data-testid="www-empty">
              {t("programmes.www.empty")}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="www-table">
                <caption className="visually-hidden">{t("programmes.www.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("programmes.www.organisation")}</th>
                    <th scope="col">{t("programmes.fields.kelurahan")}</th>
                    <th scope="col">{t("programmes.fields.pillar")}</th>
                    <th scope="col">{t("programmes.www.activities")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr
                      key={`${r.organisationId}-${r.areaCode}-${r.pillar}`}
                      data-testid="www-row"
                      data-organisation={r.organisationName}
                      data-area={r.areaCode}
                      data-pillar={r.pillar}
                      data-count={r.activities}
                    >
                      <th scope="row">{r.organisationName}</th>
                      <td>
                        {r.areaName ?? r.areaCode}
                        <span className="table__sub muted mono">{r.areaCode}</span>
                      </td>
                      <td>{t(`programmes.pillar.${r.pillar}`)}</td>
                      <td>{number(r.activities)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </PageLayout>
  );
}
