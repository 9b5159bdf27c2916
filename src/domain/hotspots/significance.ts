/**
 * From z-scores to what a map shows: p-values, Benjamini-Hochberg false discovery rate
 * adjustment (as R `p.adjust(method = "BH")`), confidence classes, and conditional
 * permutation p-values with a seeded generator.
 */
import { twoSidedP } from "./normal";
import { neighboursOf, type Weights } from "./weights";

/** Benjamini-Hochberg adjusted p-values, in input order. NaN stays NaN. */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: p.length }, (_, i) => i).filter((i) => !Number.isNaN(p[i]!));
  const m = idx.length;
  const out = new Float64Array(p.length).fill(Number.NaN);
  idx.sort((a, b) => p[b]! - p[a]! || b - a); // descending
  let running = Number.POSITIVE_INFINITY;
  idx.forEach((i, k) => {
    const rank = m - k;
    running = Math.min(running, (m / rank) * p[i]!);
    out[i] = Math.min(1, running);
  });
  return out;
}

export type HotspotClass = "hot99" | "hot95" | "hot90" | "none" | "cold90" | "cold95" | "cold99";

/** Hot or cold spot at 99, 95 or 90% confidence from a z-score and its (adjusted) p-value. */
export function hotspotClass(z: number, p: number): HotspotClass {
  if (!Number.isFinite(z) || Number.isNaN(p)) return "none";
  const level = p <= 0.01 ? "99" : p <= 0.05 ? "95" : p <= 0.1 ? "90" : null;
  if (level === null || z === 0) return "none";
  return `${z > 0 ? "hot" : "cold"}${level}` as HotspotClass;
}

/** Analytical two-sided p-values of z-scores. */
export function pValues(z: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: z.length }, (_, i) => twoSidedP(z[i]!));
}

/** A small, fast, seedable generator (mulberry32): the same seed gives the same draws. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Conditional permutation p-values for Gi*: for each area, its value stays and its
 * neighbours' values are drawn at random from the other areas, `permutations` times.
 * Two-sided folded pseudo p-value (count of as-or-more extreme + 1) / (permutations + 1).
 */
export function permutationPValuesGiStar(
  x: ArrayLike<number>,
  w: Weights,
  permutations: number,
  seed: number,
): Float64Array {
  if (!Number.isInteger(permutations) || permutations < 1)
    throw new RangeError("permutations must be a whole number of at least 1");
  const n = w.n;
  const random = seededRandom(seed);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  const mean = sum / n;
  const out = new Float64Array(n);
  const pool = new Int32Array(n - 1);
  for (let i = 0; i < n; i++) {
    const nb = neighboursOf(w, i);
    const k = nb.length;
    let observed = x[i]!;
    for (const j of nb) observed += x[j]!;
    const expected = mean * (k + 1);
    const observedDev = Math.abs(observed - expected);
    let p = 0;
    for (let j = 0, c = 0; j < n; j++) if (j !== i) pool[c++] = j;
    let extreme = 0;
    for (let r = 0; r < permutations; r++) {
      // Partial Fisher-Yates: the first k of the pool become a random neighbour set.
      let total = x[i]!;
      for (let s = 0; s < k; s++) {
        const pick = s + Math.floor(random() * (n - 1 - s));
        const tmp = pool[s]!;
        pool[s] = pool[pick]!;
        pool[pick] = tmp;
        total += x[pool[s]!]!;
      }
      if (Math.abs(total - expected) >= observedDev - 1e-12) extreme += 1;
    }
    p = (extreme + 1) / (permutations + 1);
    out[i] = p;
  }
  return out;
}
