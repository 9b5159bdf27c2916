/**
 * Custody measures, computed from counts and never stored. Two ratios are easily confused, so
 * each value carries its `measure` name and is always shown with its label:
 *
 * - **occupancy ratio** = occupants / capacity (the press's "225%"),
 * - **overcrowding excess** = (occupants - capacity) / capacity (the correctional service's
 *   "overkapasitas 125%"),
 * - **drug share** = held for drug offences / occupants.
 *
 * Rounding: a percentage is rounded **half up to one decimal place on the exact fraction**.
 * For whole counts this is done in integer arithmetic, so no floating-point error can move a
 * value across a rounding boundary: permille = floor((2000 * numerator + denominator) /
 * (2 * denominator)), percent = permille / 10. DOMAIN.md section 2: 13,347 / 5,919 =
 * 2.254942... gives 225.5%; (13,347 - 5,919) / 5,919 = 1.254942... gives 125.5%;
 * 8,585 / 13,347 = 0.643216... gives 64.3%. Half up means toward plus infinity, also for a
 * negative excess (a facility under capacity): -0.05% rounds to -0.0%, shown as 0.0%.
 * A zero denominator gives no value (null), never Infinity.
 */

export const CUSTODY_MEASURES = ["occupancy_ratio", "overcrowding_excess", "drug_share"] as const;
export type CustodyMeasure = (typeof CUSTODY_MEASURES)[number];

export interface MeasureValue {
  measure: CustodyMeasure;
  /** The exact ratio (e.g. 2.2549...). */
  ratio: number;
  /** Percent rounded half up to one decimal (e.g. 225.5). */
  percent: number;
  /** The formula in words, for labels and tooltips. */
  formula: string;
}

export const MEASURE_FORMULAS: Record<CustodyMeasure, string> = {
  occupancy_ratio: "occupants / capacity",
  overcrowding_excess: "(occupants - capacity) / capacity",
  drug_share: "held for drug offences / occupants",
};

/** Percent of numerator/denominator rounded half up to one decimal; null when undefined. */
export function percentOf(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  if (Number.isInteger(numerator) && Number.isInteger(denominator)) {
    const permille = Math.floor((2000 * numerator + denominator) / (2 * denominator));
    return normaliseZero(permille / 10);
  }
  // Non-integer inputs (published figures in decimals): the same rule on the decimal value,
  // nudged by a relative epsilon so that 0.x5 written in binary still rounds up.
  const scaled = (numerator / denominator) * 1000;
  return normaliseZero(Math.floor(scaled + 0.5 + Math.abs(scaled) * 1e-12) / 10);
}

function normaliseZero(n: number): number {
  return Object.is(n, -0) ? 0 : n;
}

function measure(m: CustodyMeasure, numerator: number, denominator: number): MeasureValue | null {
  const percent = percentOf(numerator, denominator);
  if (percent === null) return null;
  return { measure: m, ratio: numerator / denominator, percent, formula: MEASURE_FORMULAS[m] };
}

/** Occupancy ratio: occupants / capacity. */
export function occupancyRatio(occupants: number, capacity: number): MeasureValue | null {
  return measure("occupancy_ratio", occupants, capacity);
}

/** Overcrowding excess: (occupants - capacity) / capacity; negative when under capacity. */
export function overcrowdingExcess(occupants: number, capacity: number): MeasureValue | null {
  return measure("overcrowding_excess", occupants - capacity, capacity);
}

/** Drug share: held for drug offences / occupants; null when not counted. */
export function drugShare(drugOffenders: number | null, occupants: number): MeasureValue | null {
  if (drugOffenders === null) return null;
  return measure("drug_share", drugOffenders, occupants);
}

export interface CustodyCountValues {
  capacity: number;
  occupants: number;
  drugOffenders: number | null;
}

export interface CustodyMeasures {
  occupancyRatio: MeasureValue | null;
  overcrowdingExcess: MeasureValue | null;
  drugShare: MeasureValue | null;
}

/** All three measures of one count (or of a sum of counts). */
export function custodyMeasures(count: CustodyCountValues): CustodyMeasures {
  return {
    occupancyRatio: occupancyRatio(count.occupants, count.capacity),
    overcrowdingExcess: overcrowdingExcess(count.occupants, count.capacity),
    drugShare: drugShare(count.drugOffenders, count.occupants),
  };
}

/**
 * Sum counts of several facilities. The drug total is known only when every facility counted
 * it; otherwise it is null (a partial sum would understate the share).
 */
export function sumCounts(counts: readonly CustodyCountValues[]): CustodyCountValues {
  let capacity = 0;
  let occupants = 0;
  let drug: number | null = 0;
  for (const c of counts) {
    capacity += c.capacity;
    occupants += c.occupants;
    drug = drug === null || c.drugOffenders === null ? null : drug + c.drugOffenders;
  }
  return { capacity, occupants, drugOffenders: counts.length === 0 ? null : drug };
}
