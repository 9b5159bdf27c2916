/**
 * Custody trends: per period (month or year), each facility's latest count within that
 * period; a total is the sum over the facilities that reported in the period, with how many
 * did, so a missing report shows as fewer facilities, not as a silent drop.
 */
import {
  type CustodyCountValues,
  type CustodyMeasures,
  custodyMeasures,
  sumCounts,
} from "./measures";

export type TrendPeriod = "month" | "year";

export interface DatedCount extends CustodyCountValues {
  facilityId: string;
  countedOn: string;
}

export interface TrendPoint extends CustodyCountValues, CustodyMeasures {
  /** YYYY-MM or YYYY. */
  period: string;
  /** The latest count date used in the period. */
  asOf: string;
  facilities: number;
}

export function periodOf(date: string, by: TrendPeriod): string {
  return by === "year" ? date.slice(0, 4) : date.slice(0, 7);
}

/** Each facility's latest count (on or before `asOf` when given). */
export function latestPerFacility<T extends DatedCount>(counts: readonly T[], asOf?: string): T[] {
  const latest = new Map<string, T>();
  for (const c of counts) {
    if (asOf !== undefined && c.countedOn > asOf) continue;
    const seen = latest.get(c.facilityId);
    if (!seen || c.countedOn > seen.countedOn) latest.set(c.facilityId, c);
  }
  return [...latest.values()];
}

/** The series, oldest period first. */
export function custodyTrend(counts: readonly DatedCount[], by: TrendPeriod): TrendPoint[] {
  const byPeriod = new Map<string, DatedCount[]>();
  for (const c of counts) {
    const p = periodOf(c.countedOn, by);
    const list = byPeriod.get(p) ?? [];
    list.push(c);
    byPeriod.set(p, list);
  }
  return [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, list]) => {
      const latest = latestPerFacility(list);
      const total = sumCounts(latest);
      return {
        period,
        asOf:
          latest
            .map((c) => c.countedOn)
            .sort()
            .at(-1) ?? "",
        facilities: latest.length,
        ...total,
        ...custodyMeasures(total),
      };
    });
}
