import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { ListStatus } from "../admin/ListStatus";
import { ChangesMap } from "./ChangesMap";
import { CHANGES, ChangeBadge, ClassBadge, classRank, useRiskLabels } from "./classes";
import { RiskSubNav } from "./RiskSubNav";
import { publishedCount, RoundSelect } from "./RoundSelect";
import { fetchChanges, fetchRounds } from "./risk.api";
import type { Round } from "./risk.types";
import { cityOf } from "./useCityLayers";
import { useRoundParam } from "./useRiskParams";
import "../admin/admin.css";
import "../areas/areas.css";
import "./risk.css";
import "./risk-pages.css";

/** The two rounds compared by default: the two latest with published results (else the two latest). */
function defaultPair(rounds: readonly Round[]): [string, string] | null {
  const published = rounds.filter((round) => publishedCount(round) > 0);
  const pool = published.length >= 2 ? published : rounds;
  if (pool.length < 2) return null;
  return [pool[1]!.id, pool[0]!.id];
}

/** `/rawan/perubahan`: how each kelurahan's published class moved between two rounds. */
export function ChangesPage() {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const { number } = useFormat();
  const rounds = useAsyncData("rounds", fetchRounds);
  const [from, chooseFrom] = useRoundParam("from");
  const [to, chooseTo] = useRoundParam("to");
  const [, setParams] = useSearchParams();
  const [selected, setSelected] = useState<string | null>(null);
  const list = rounds.status === "success" ? rounds.data : null;

  const known = (id: string | null) => !!id && (list?.some((round) => round.id === id) ?? false);
  const fromKnown = known(from);
  const toKnown = known(to);
  // Missing or stale rounds in the address fall back to the default pair.
  useEffect(() => {
    if (!list || (fromKnown && toKnown)) return;
    const pair = defaultPair(list);
    if (!pair) return;
    // One update for both: two updates in a row would each start from the same address.
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (!fromKnown) next.set("from", pair[0]);
        if (!toKnown) next.set("to", pair[1]);
        return next;
      },
      { replace: true },
    );
  }, [list, fromKnown, toKnown, setParams]);

  const key = fromKnown && toKnown ? `${from}|${to}` : null;
  const changes = useAsyncData(key, (signal) => fetchChanges(from!, to!, signal));
  const data = changes.status === "success" ? changes.data : null;
  const toRound = list?.find((round) => round.id === to) ?? null;
  const rows = [...(data?.areas ?? [])].sort(
    (a, b) =>
      CHANGES.indexOf(a.change) - CHANGES.indexOf(b.change) ||
      classRank(a.after) - classRank(b.after) ||
      a.areaName.localeCompare(b.areaName),
  );

  return (
    <PageLayout title={t("risk.changes.title")}>
      <RiskSubNav />
      <p className="page__intro muted">{t("risk.changes.intro")}</p>
      <section className="filters" aria-label={t("risk.changes.choose")}>
        <RoundSelect
          id="changes-from"
          testId="changes-from"
          label={t("risk.changes.from")}
          value={from ?? ""}
          rounds={rounds}
          onChange={(id) => chooseFrom(id)}
        />
        <RoundSelect
          id="changes-to"
          testId="changes-to"
          label={t("risk.changes.to")}
          value={to ?? ""}
          rounds={rounds}
          onChange={(id) => chooseTo(id)}
        />
      </section>
      {list && list.length < 2 ? <p className="notice">{t("risk.changes.needTwo")}</p> : null}
      <ListStatus state={changes} empty={data?.areas.length === 0} onRetry={changes.retry} />
      {data ? (
        <ul
          className="change-summary"
          data-testid="changes-summary"
          aria-label={t("risk.changes.summary")}
          {...Object.fromEntries(CHANGES.map((change) => [`data-${change}`, data.summary[change]]))}
        >
          {CHANGES.map((change) => (
            <li key={change} data-testid="changes-summary-item" data-change={change}>
              <ChangeBadge change={change} /> <strong>{number(data.summary[change])}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <ChangesMap
        city={cityOf(toRound?.areaCode)}
        changes={data}
        selectedCode={selected}
        onSelect={setSelected}
      />
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="changes-table">
            <caption className="visually-hidden">{t("risk.changes.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("risk.table.kelurahan")}</th>
                <th scope="col">{data?.from.name ?? t("risk.changes.from")}</th>
                <th scope="col">{data?.to.name ?? t("risk.changes.to")}</th>
                <th scope="col">{t("risk.changes.change")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((area) => (
                <tr
                  key={area.areaCode}
                  data-testid="change-row"
                  data-code={area.areaCode}
                  data-change={area.change}
                  className={area.areaCode === selected ? "is-selected" : undefined}
                >
                  <th scope="row" className="table__primary">
                    <Link to={`/rawan/wilayah/${area.areaCode}`}>{area.areaName}</Link>
                    <span className="table__sub muted mono">{area.areaCode}</span>
                  </th>
                  <td>
                    <ClassBadge riskClass={area.before} />
                  </td>
                  <td>
                    <ClassBadge riskClass={area.after} />
                  </td>
                  <td>
                    <ChangeBadge change={area.change} />
                    <span className="visually-hidden">
                      {t("risk.changes.fromTo", {
                        before: labels.cls(area.before),
                        after: labels.cls(area.after),
                      })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </PageLayout>
  );
}
