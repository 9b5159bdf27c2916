/**
 * Trends over periods: the Mann-Kendall test (with the tie correction of Kendall 1975) and
 * an emerging-hotspot label per area from its Gi* z-scores over time, after the categories
 * of ArcGIS's emerging hot spot analysis, simplified to the five a meeting needs.
 */
import { twoSidedP } from "./normal";

export interface MannKendall {
  s: number;
  variance: number;
  z: number;
  p: number;
  /** Kendall's tau-a: S divided by the number of pairs. */
  tau: number;
}

/** Mann-Kendall trend test of a series in time order. */
export function mannKendall(series: readonly number[]): MannKendall {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++)
    for (let j = i + 1; j < n; j++) s += Math.sign(series[j]! - series[i]!);
  const ties = new Map<number, number>();
  for (const v of series) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z =
    variance === 0
      ? 0
      : s > 0
        ? (s - 1) / Math.sqrt(variance)
        : s < 0
          ? (s + 1) / Math.sqrt(variance)
          : 0;
  const pairs = (n * (n - 1)) / 2;
  return { s, variance, z, p: variance === 0 ? 1 : twoSidedP(z), tau: pairs === 0 ? 0 : s / pairs };
}

export type EmergingLabel =
  | "new"
  | "intensifying"
  | "persistent"
  | "diminishing"
  | "sporadic"
  | "none";

/**
 * Label an area from its Gi* z-scores per period (oldest first): hot means z at or above
 * `threshold` (1.96 for 95%). Intensifying, persistent and diminishing need the area hot in
 * at least 90% of periods including the last, and differ by the trend of z.
 */
export function emergingLabel(
  z: readonly number[],
  options: { threshold?: number; alpha?: number } = {},
): EmergingLabel {
  const threshold = options.threshold ?? 1.96;
  const alpha = options.alpha ?? 0.05;
  if (z.length < 2) return "none";
  const hot = z.map((v) => v >= threshold);
  const last = hot[hot.length - 1]!;
  if (!last) return "none";
  const hotCount = hot.filter(Boolean).length;
  if (hotCount === 1) return "new";
  if (hotCount >= 0.9 * z.length) {
    const trend = mannKendall(z);
    if (trend.p < alpha && trend.s > 0) return "intensifying";
    if (trend.p < alpha && trend.s < 0) return "diminishing";
    return "persistent";
  }
  return "sporadic";
}
