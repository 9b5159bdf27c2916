import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ExportButtons } from "../../components/ExportButtons";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { localeFor, useFormat } from "../../i18n/format";
import { ListStatus } from "../admin/ListStatus";
import { DEFAULT_CITY, fetchCities } from "../areas/areas.api";
import { CitySelect } from "../areas/CitySelect";
import { useCityParam } from "../areas/useCityParam";
import { ClassBadge } from "./classes";
import { RiskSubNav } from "./RiskSubNav";
import { LATEST, RoundSelect } from "./RoundSelect";
import { exportUrl, fetchRounds } from "./risk.api";
import {
  loadRiskTable,
  type RiskTableRow,
  type SortDirection,
  type SortKey,
  sortRows,
} from "./riskTable";
import { useRoundParam } from "./useRiskParams";
import "../admin/admin.css";
import "./risk.css";
import "./risk-pages.css";

const COLUMNS: readonly {
  key: SortKey;
  label: "risk.table.kelurahan" | "risk.table.kecamatan" | "risk.table.class";
}[] = [
  { key: "name", label: "risk.table.kelurahan" },
  { key: "kecamatan", label: "risk.table.kecamatan" },
  { key: "class", label: "risk.table.class" },
];

/** The round whose export matches the table: the chosen one, or the one most rows come from. */
function exportRound(rows: readonly RiskTableRow[], round: string | null) {
  if (round) return { id: round, name: rows.find((r) => r.roundId === round)?.roundName ?? null };
  const tally = new Map<string, { id: string; name: string | null; end: string; rows: number }>();
  for (const row of rows) {
    if (!row.roundId) continue;
    const entry = tally.get(row.roundId) ?? {
      id: row.roundId,
      name: row.roundName,
      end: row.periodEnd ?? "",
      rows: 0,
    };
    entry.rows += 1;
    tally.set(row.roundId, entry);
  }
  const [best] = [...tally.values()].sort((a, b) => b.rows - a.rows || b.end.localeCompare(a.end));
  return best ? { id: best.id, name: best.name } : null;
}

/** `/rawan/tabel`: the data of the risk map as a sortable table, with exports. */
export function RiskTablePage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [city, chooseCity] = useCityParam();
  const [round, chooseRound] = useRoundParam();
  const cities = useAsyncData("cities", fetchCities);
  const rounds = useAsyncData("rounds", fetchRounds);
  const roundList = rounds.status === "success" ? rounds.data : null;
  const roundKnown = round === null || (roundList?.some((r) => r.id === round) ?? false);
  useEffect(() => {
    if (roundList && round && !roundKnown) chooseRound(null, { replace: true });
  }, [roundList, round, roundKnown, chooseRound]);
  const cityList = cities.status === "success" ? cities.data.features : null;
  useEffect(() => {
    if (cityList && cityList.length > 0 && !cityList.some((f) => f.properties.code === city)) {
      chooseCity(DEFAULT_CITY, { replace: true });
    }
  }, [cityList, city, chooseCity]);
  const table = useAsyncData(roundKnown ? `${city}|${round ?? LATEST}` : null, (signal) =>
    loadRiskTable(city, round, signal),
  );
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: "name",
    direction: "ascending",
  });
  const rows = table.status === "success" ? table.data : null;
  const sorted = rows ? sortRows(rows, sort.key, sort.direction, localeFor(i18n.language)) : [];
  const exported = rows ? exportRound(rows, round) : null;
  const count = (value: number | null): string => (value === null ? "—" : format.number(value));

  const toggle = (key: SortKey): void =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === "ascending" ? "descending" : "ascending" }
        : { key, direction: key === "class" ? "descending" : "ascending" },
    );

  return (
    <PageLayout title={t("risk.table.title")}>
      <RiskSubNav />
      <section className="filters" aria-label={t("risk.table.filters")}>
        <CitySelect city={city} cities={cities} onChange={chooseCity} onRetry={cities.retry} />
        <RoundSelect
          id="round-select"
          testId="round-select"
          label={t("risk.rounds.label")}
          value={round ?? LATEST}
          rounds={rounds}
          withLatest
          onChange={(value) => chooseRound(value === LATEST ? null : value)}
        />
        {exported ? (
          <div className="export-links" data-testid="risk-exports" data-round={exported.id}>
            <span>{t("risk.table.export", { name: exported.name ?? "" })}</span>
            {(["csv", "xlsx", "geojson"] as const).map((fileFormat) => (
              <a
                key={fileFormat}
                className="button button--quiet button--small"
                href={exportUrl(exported.id, fileFormat)}
                download
                data-testid={`export-${fileFormat}`}
              >
                {t(`risk.export.${fileFormat}`)}
              </a>
            ))}
          </div>
        ) : null}
      </section>
      <ExportButtons
        path="/api/risk/table/export"
        params={{ city, round: round ?? undefined }}
        subject={t("risk.table.title")}
        testId="risk-table-export"
      />
      <ListStatus state={table} empty={rows?.length === 0} onRetry={table.retry} />
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table
            className="table"
            data-testid="risk-table"
            data-city={city}
            data-round={round ?? LATEST}
          >
            <caption className="visually-hidden">
              {t("risk.table.caption", { count: rows.length })}
            </caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={sort.key === column.key ? sort.direction : "none"}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      data-testid={`sort-${column.key}`}
                      onClick={() => toggle(column.key)}
                    >
                      {t(column.label)}
                      <span aria-hidden="true">
                        {sort.key === column.key
                          ? sort.direction === "ascending"
                            ? " ▲"
                            : " ▼"
                          : " ↕"}
                      </span>
                    </button>
                  </th>
                ))}
                <th scope="col">{t("risk.table.round")}</th>
                <th scope="col" className="table__number">
                  {t("risk.table.pokok")}
                </th>
                <th scope="col" className="table__number">
                  {t("risk.table.pendukung")}
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr
                  key={row.code}
                  data-testid="risk-row"
                  data-code={row.code}
                  data-class={row.riskClass ?? "none"}
                >
                  <th scope="row" className="table__primary">
                    <Link to={`/rawan/wilayah/${row.code}`}>{row.name}</Link>
                    <span className="table__sub muted mono">{row.code}</span>
                  </th>
                  <td>{row.kecamatan}</td>
                  <td>
                    <ClassBadge riskClass={row.riskClass} />
                  </td>
                  <td>
                    {row.roundName ?? "—"}
                    {row.periodEnd ? (
                      <span className="table__sub muted">{format.date(row.periodEnd)}</span>
                    ) : null}
                  </td>
                  <td className="table__number">{count(row.pokok)}</td>
                  <td className="table__number">{count(row.pendukung)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </PageLayout>
  );
}
