/**
 * One call from features and options to hotspot results: builds the weights, runs the
 * statistic, adds p-values, FDR and classes. Used by the CLI on plain GeoJSON files and,
 * later, by the server on aggregated incidents. Throws {@link HotspotInputError} with a
 * message a person can act on.
 */
import { isValidCell } from "h3-js";
import { type AreaGeometry, labelPoint, type Position } from "../spatial/geometry";
import {
  benjaminiHochberg,
  type HotspotClass,
  hotspotClass,
  permutationPValuesGiStar,
  pValues,
} from "./significance";
import { gi, giStar, localMoran } from "./statistics";
import {
  contiguityWeights,
  distanceBandWeights,
  h3RingWeights,
  isolates,
  knnWeights,
  type Weights,
} from "./weights";

export class HotspotInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HotspotInputError";
  }
}

export type WeightsSpec =
  | { kind: "queen" | "rook" }
  | { kind: "knn"; k: number }
  | { kind: "distance"; metres: number }
  | { kind: "h3"; k: number };
export type Statistic = "gistar" | "gi" | "local-moran";

export interface HotspotOptions {
  weights: WeightsSpec;
  statistic: Statistic;
  permutations?: number | undefined;
  seed?: number | undefined;
  /** Adjust p-values with Benjamini-Hochberg and class by the adjusted ones at this level. */
  fdr?: number | undefined;
}

export interface HotspotFeature {
  geometry: { type: string; coordinates: unknown } | null;
  value: unknown;
  /** Needed for H3 weights: the cell id. */
  id?: unknown;
}

export interface HotspotResult {
  z: number;
  p: number;
  pFdr: number | null;
  class: HotspotClass;
  i?: number;
  quadrant?: string;
}

/** Parse `queen`, `rook`, `knn:K`, `distance:METRES`, `h3:K`. */
export function parseWeightsSpec(text: string): WeightsSpec {
  const [kind, arg] = text.split(":");
  const whole = (s: string | undefined, what: string) => {
    const v = Number(s);
    if (!s || !Number.isInteger(v) || v < 1)
      throw new HotspotInputError(`${what} needs a whole number of at least 1, as in ${kind}:4`);
    return v;
  };
  if ((kind === "queen" || kind === "rook") && arg === undefined) return { kind };
  if (kind === "knn") return { kind, k: whole(arg, "knn") };
  if (kind === "h3") return { kind, k: whole(arg, "h3") };
  if (kind === "distance") {
    const metres = Number(arg);
    if (!arg || !(metres > 0))
      throw new HotspotInputError("distance needs metres above 0, as in distance:1500");
    return { kind, metres };
  }
  throw new HotspotInputError(
    `unknown weights "${text}": use queen, rook, knn:K, distance:METRES or h3:K`,
  );
}

function pointOf(feature: HotspotFeature, index: number): Position {
  const g = feature.geometry;
  if (g?.type === "Point" && Array.isArray(g.coordinates)) return g.coordinates as Position;
  if (g?.type === "Polygon" || g?.type === "MultiPolygon") return labelPoint(g as AreaGeometry);
  throw new HotspotInputError(`feature ${index + 1} has no point or polygon geometry`);
}

function buildWeights(features: readonly HotspotFeature[], spec: WeightsSpec): Weights {
  switch (spec.kind) {
    case "queen":
    case "rook": {
      const polygons = features.map((f, i) => {
        if (f.geometry?.type !== "Polygon" && f.geometry?.type !== "MultiPolygon") {
          throw new HotspotInputError(
            `${spec.kind} contiguity needs polygons; feature ${i + 1} is ${f.geometry?.type ?? "without geometry"}`,
          );
        }
        return f.geometry as AreaGeometry;
      });
      return contiguityWeights(polygons, spec.kind);
    }
    case "knn":
      if (spec.k >= features.length)
        throw new HotspotInputError(`knn:${spec.k} needs more than ${spec.k} features`);
      return knnWeights(features.map(pointOf), spec.k);
    case "distance":
      return distanceBandWeights(features.map(pointOf), spec.metres);
    case "h3":
      return h3RingWeights(
        features.map((f, i) => {
          if (typeof f.id !== "string" || !isValidCell(f.id))
            throw new HotspotInputError(`feature ${i + 1} has no valid H3 cell id (use --id)`);
          return f.id;
        }),
        spec.k,
      );
  }
}

/** Run the analysis; results are in input order. */
export function analyseHotspots(
  features: readonly HotspotFeature[],
  options: HotspotOptions,
): HotspotResult[] {
  if (features.length < 3) throw new HotspotInputError("at least 3 features are needed");
  const values = features.map((f, i) => {
    const v = typeof f.value === "string" && f.value.trim() !== "" ? Number(f.value) : f.value;
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new HotspotInputError(`feature ${i + 1} has no numeric value`);
    return v;
  });
  if (values.every((v) => v === values[0]))
    throw new HotspotInputError("all values are equal: there is nothing to find");
  const weights = buildWeights(features, options.weights);
  const lonely = isolates(weights);
  if (lonely.length > 0) {
    throw new HotspotInputError(
      `feature${lonely.length > 1 ? "s" : ""} ${lonely
        .slice(0, 10)
        .map((i) => i + 1)
        .join(", ")} ha${lonely.length > 1 ? "ve" : "s"} no neighbours with these weights`,
    );
  }
  const moran = options.statistic === "local-moran" ? localMoran(values, weights) : null;
  const z = moran
    ? moran.z
    : options.statistic === "gi"
      ? gi(values, weights)
      : giStar(values, weights);
  let p = pValues(z);
  if (options.permutations) {
    if (options.statistic !== "gistar")
      throw new HotspotInputError("permutations are available for gistar");
    p = permutationPValuesGiStar(values, weights, options.permutations, options.seed ?? 1);
  }
  const pFdr = options.fdr !== undefined ? benjaminiHochberg(p) : null;
  return Array.from(z, (zi, k) => {
    const pAdj = pFdr ? pFdr[k]! : null;
    const beyondFdr = pAdj !== null && options.fdr !== undefined && pAdj > options.fdr;
    const result: HotspotResult = {
      z: zi,
      p: p[k]!,
      pFdr: pAdj,
      class: beyondFdr ? "none" : hotspotClass(zi, pAdj ?? p[k]!),
    };
    if (moran) {
      result.i = moran.i[k]!;
      result.quadrant = moran.quadrant[k]!;
    }
    return result;
  });
}
