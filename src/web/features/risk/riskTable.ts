import type { RiskClass } from "../../../domain/risk/classes";
import { getJson } from "../../lib/http";
import type { AreaCollection } from "../areas/areas.types";
import { classRank } from "./classes";
import { fetchAssessments, fetchRiskMap } from "./risk.api";

/** One kelurahan in the table: the class the map shows and the counts behind it. */
export interface RiskTableRow {
  code: string;
  name: string;
  kecamatan: string;
  riskClass: RiskClass | null;
  roundId: string | null;
  roundName: string | null;
  periodEnd: string | null;
  pokok: number | null;
  pendukung: number | null;
  surveyScore: number | null;
}

export type SortKey = "name" | "kecamatan" | "class";
export type SortDirection = "ascending" | "descending";

/**
 * Every kelurahan of a city with the class shown on the risk map (latest published, or of one
 * round) and the pokok and pendukung counts of the published assessment that gave it.
 */
export async function loadRiskTable(
  city: string,
  round: string | null,
  signal: AbortSignal,
): Promise<RiskTableRow[]> {
  const [areas, map] = await Promise.all([
    getJson<AreaCollection>(
      `/api/areas?level=kelurahan&parent=${encodeURIComponent(city)}&geometry=false`,
      signal,
    ),
    fetchRiskMap(city, round, signal),
  ]);
  const roundIds = [...new Set(map.areas.map((area) => area.roundId))];
  const lists = await Promise.all(roundIds.map((id) => fetchAssessments(id, "published", signal)));
  const counts = new Map(
    lists
      .flat()
      .filter((assessment) => assessment.locationId === null)
      .map((assessment) => [`${assessment.roundId}|${assessment.areaCode}`, assessment]),
  );
  const classes = new Map(map.areas.map((area) => [area.areaCode, area]));
  return areas.features.map(({ properties }) => {
    const entry = classes.get(properties.code);
    const assessed = entry ? counts.get(`${entry.roundId}|${properties.code}`) : undefined;
    return {
      code: properties.code,
      name: properties.name,
      kecamatan: properties.parentName ?? "",
      riskClass: entry?.class ?? null,
      roundId: entry?.roundId ?? null,
      roundName: entry?.roundName ?? null,
      periodEnd: entry?.periodEnd ?? null,
      pokok: assessed?.pokok ?? null,
      pendukung: assessed?.pendukung ?? null,
      surveyScore: assessed?.surveyScore ?? null,
    };
  });
}

/** Rows sorted by a column; the class sorts by severity ("descending": Bahaya first). */
export function sortRows(
  rows: readonly RiskTableRow[],
  key: SortKey,
  direction: SortDirection,
  locale: string,
): RiskTableRow[] {
  const collator = new Intl.Collator(locale);
  const sign = direction === "ascending" ? 1 : -1;
  const compare = (a: RiskTableRow, b: RiskTableRow): number => {
    if (key === "class") {
      // Severity rank 0 is Bahaya; "descending" severity puts it first. Not assessed stays last.
      const byRank = classRank(a.riskClass) - classRank(b.riskClass);
      if (a.riskClass === null || b.riskClass === null) return byRank;
      return direction === "descending" ? byRank : -byRank;
    }
    const byText = collator.compare(a[key], b[key]);
    return sign * byText;
  };
  return [...rows].sort(
    (a, b) => compare(a, b) || collator.compare(a.name, b.name) || a.code.localeCompare(b.code),
  );
}
