/**
 * Local and global spatial statistics with analytical z-scores, following R spdep:
 * `localG` (Gi* with binary weights including the area itself; Gi without it),
 * `localmoran` (dividing by n), `moran.test` (randomisation). Values are numbers per area.
 */
import { neighboursOf, type Weights } from "./weights";

function assertSameLength(x: ArrayLike<number>, w: Weights) {
  if (x.length !== w.n) throw new RangeError(`expected ${w.n} values, got ${x.length}`);
  for (let i = 0; i < x.length; i++)
    if (!Number.isFinite(x[i]!)) throw new RangeError(`value ${i} is not a finite number`);
}

/** Getis-Ord Gi* z-scores: binary weights with w_ii = 1. */
export function giStar(x: ArrayLike<number>, w: Weights): Float64Array {
  assertSameLength(x, w);
  const n = w.n;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i]!;
    sumSq += x[i]! * x[i]!;
  }
  const mean = sum / n;
  const s = Math.sqrt(sumSq / n - mean * mean);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const nb = neighboursOf(w, i);
    let lag = x[i]!;
    for (const j of nb) lag += x[j]!;
    const wi = nb.length + 1; // W_i = S1_i for binary weights
    z[i] = (lag - mean * wi) / (s * Math.sqrt((n * wi - wi * wi) / (n - 1)));
  }
  return z;
}

/** Getis-Ord Gi z-scores: binary weights, the area itself excluded from sums and moments. */
export function gi(x: ArrayLike<number>, w: Weights): Float64Array {
  assertSameLength(x, w);
  const n = w.n;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i]!;
    sumSq += x[i]! * x[i]!;
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const mean = (sum - xi) / (n - 1);
    const s = Math.sqrt((sumSq - xi * xi) / (n - 1) - mean * mean);
    const nb = neighboursOf(w, i);
    let lag = 0;
    for (const j of nb) lag += x[j]!;
    const wi = nb.length;
    z[i] = (lag - mean * wi) / (s * Math.sqrt(((n - 1) * wi - wi * wi) / (n - 2)));
  }
  return z;
}

/** Row-standardised weight of each neighbour of i (spdep style "W"): 1 / |N(i)|. */
function rowWeight(w: Weights, i: number): number {
  const c = w.offsets[i + 1]! - w.offsets[i]!;
  return c === 0 ? 0 : 1 / c;
}

export interface LocalMoran {
  i: Float64Array;
  expected: Float64Array;
  variance: Float64Array;
  z: Float64Array;
  /** HH (high value, high neighbours), LL, LH, HL: from the value and its spatial lag. */
  quadrant: Array<"HH" | "LL" | "LH" | "HL">;
}

/**
 * Local Moran's I_i = (x_i - xbar)/m2 * sum_j w_ij (x_j - xbar), m2 = sum (x - xbar)^2 / n,
 * with row-standardised weights. Moments as spdep 1.2 `localmoran`: by default conditional on
 * x_i (Sokal et al. 1998), or under total randomisation with `conditional: false`.
 */
export function localMoran(
  x: ArrayLike<number>,
  w: Weights,
  options: { conditional?: boolean } = {},
): LocalMoran {
  const conditional = options.conditional ?? true;
  assertSameLength(x, w);
  const n = w.n;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  const dev = Float64Array.from({ length: n }, (_, i) => x[i]! - mean);
  let m2 = 0;
  let m4 = 0;
  for (const d of dev) {
    m2 += d * d;
    m4 += d ** 4;
  }
  m2 /= n;
  m4 /= n;
  const b2 = m4 / (m2 * m2);
  const A = (n - b2) / (n - 1);
  const B = (2 * b2 - n) / ((n - 1) * (n - 2));
  const result: LocalMoran = {
    i: new Float64Array(n),
    expected: new Float64Array(n),
    variance: new Float64Array(n),
    z: new Float64Array(n),
    quadrant: [],
  };
  for (let k = 0; k < n; k++) {
    const nb = neighboursOf(w, k);
    const wk = rowWeight(w, k);
    let lag = 0;
    for (const j of nb) lag += wk * dev[j]!;
    const Wi = nb.length === 0 ? 0 : 1;
    const Wi2 = nb.length * wk * wk;
    const d = dev[k]!;
    const Ii = (d / m2) * lag;
    const E = conditional ? -(d * d * Wi) / ((n - 1) * m2) : -Wi / (n - 1);
    const V = conditional
      ? (d / m2) ** 2 * (n / (n - 2)) * (Wi2 - (Wi * Wi) / (n - 1)) * (m2 - (d * d) / (n - 1))
      : A * Wi2 + B * (Wi * Wi - Wi2) - E * E;
    result.i[k] = Ii;
    result.expected[k] = E;
    result.variance[k] = V;
    result.z[k] = (Ii - E) / Math.sqrt(V);
    // As spdep's "pysal" quadrants: High means above 0 for the deviation and its lag.
    result.quadrant.push(d > 0 ? (lag > 0 ? "HH" : "HL") : lag > 0 ? "LH" : "LL");
  }
  return result;
}

export interface GlobalMoran {
  i: number;
  expected: number;
  variance: number;
  z: number;
}

/** Global Moran's I with row-standardised weights, variance under randomisation (spdep `moran.test`). */
export function globalMoran(x: ArrayLike<number>, w: Weights): GlobalMoran {
  assertSameLength(x, w);
  const n = w.n;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  const dev = Float64Array.from({ length: n }, (_, i) => x[i]! - mean);
  let num = 0;
  let s0 = 0;
  let m2 = 0;
  let m4 = 0;
  const colSums = new Float64Array(n);
  // S1 = 1/2 sum_ij (w_ij + w_ji)^2 needs w_ji: collect weights by pair.
  const pair = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const wi = rowWeight(w, i);
    for (const j of neighboursOf(w, i)) {
      num += wi * dev[i]! * dev[j]!;
      s0 += wi;
      colSums[j] = colSums[j]! + wi;
      pair.set(i * n + j, wi);
    }
    m2 += dev[i]! * dev[i]!;
    m4 += dev[i]! ** 4;
  }
  let s1 = 0;
  for (const [key, wij] of pair) {
    const i = Math.floor(key / n);
    const j = key % n;
    const wji = pair.get(j * n + i) ?? 0;
    s1 += (wij + wji) ** 2;
  }
  s1 /= 2;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const rowSum = neighboursOf(w, i).length === 0 ? 0 : 1;
    s2 += (rowSum + colSums[i]!) ** 2;
  }
  const I = (n / s0) * (num / m2);
  const E = -1 / (n - 1);
  const k = (n * m4) / (m2 * m2);
  const V =
    (n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0) -
      k * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0)) /
      ((n - 1) * (n - 2) * (n - 3) * s0 * s0) -
    E * E;
  return { i: I, expected: E, variance: V, z: (I - E) / Math.sqrt(V) };
}
