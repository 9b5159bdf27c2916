/**
 * The standard normal distribution's upper tail, accurate to about 1e-15 relative, from
 * W. J. Cody's rational Chebyshev approximations of erfc (Math. Comp. 23, 1969), the same
 * method R's `pnorm` uses.
 */

const A = [
  3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315,
];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393548037495, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275,
  0.0006587491615298378, 0.016315387137302097,
];
const Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132,
  0.0023352049762686918,
];
const SQRPI = 0.5641895835477563; // 1/sqrt(pi)

/** Complementary error function. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  let result: number;
  if (y <= 0.46875) {
    const ysq = y > 1.11e-16 ? y * y : 0;
    let num = A[4]! * ysq;
    let den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * ysq;
      den = (den + B[i]!) * ysq;
    }
    const erf = (x * (num + A[3]!)) / (den + B[3]!);
    return 1 - erf;
  }
  if (y <= 4) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    result = (num + C[7]!) / (den + D[7]!);
  } else {
    const ysq = 1 / (y * y);
    let num = P[5]! * ysq;
    let den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * ysq;
      den = (den + Q[i]!) * ysq;
    }
    result = (ysq * (num + P[4]!)) / (den + Q[4]!);
    result = (SQRPI - result) / y;
  }
  // exp(-y^2) computed in two parts to keep precision, as Cody does.
  const ysqTrunc = Math.trunc(y * 16) / 16;
  const del = (y - ysqTrunc) * (y + ysqTrunc);
  result = Math.exp(-ysqTrunc * ysqTrunc) * Math.exp(-del) * result;
  return x < 0 ? 2 - result : result;
}

/** P(Z > z) for a standard normal Z. */
export function upperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Two-sided p-value of a z-score: P(|Z| >= |z|). */
export function twoSidedP(z: number): number {
  return Number.isFinite(z) ? 2 * upperTail(Math.abs(z)) : Number.NaN;
}
