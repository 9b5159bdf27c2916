/**
 * Spatial weights as a compressed sparse row structure of binary neighbour lists, the
 * areas' own index excluded. Builders: queen and rook contiguity (polygons), k nearest
 * neighbours and distance band (points, great-circle metres), H3 k-ring (cells).
 */
import Flatbush from "flatbush";
import { gridDisk } from "h3-js";
import type { AreaGeometry, Position } from "../spatial/geometry";
import { polygonsOf } from "../spatial/geometry";

export interface Weights {
  n: number;
  /** Neighbours of i are `neighbours[offsets[i]] .. neighbours[offsets[i+1]-1]`, ascending. */
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** Build CSR weights from neighbour lists (sorted, de-duplicated, self removed). */
export function fromLists(lists: ReadonlyArray<Iterable<number>>): Weights {
  const n = lists.length;
  const offsets = new Int32Array(n + 1);
  const flat: number[] = [];
  lists.forEach((list, i) => {
    const sorted = [...new Set(list)].filter((j) => j !== i).sort((a, b) => a - b);
    flat.push(...sorted);
    offsets[i + 1] = flat.length;
  });
  return { n, offsets, neighbours: Int32Array.from(flat) };
}

/** Neighbour indices of i. */
export function neighboursOf(w: Weights, i: number): Int32Array {
  return w.neighbours.subarray(w.offsets[i]!, w.offsets[i + 1]!);
}

/** Number of neighbours of each area. */
export function cardinalities(w: Weights): number[] {
  return Array.from({ length: w.n }, (_, i) => w.offsets[i + 1]! - w.offsets[i]!);
}

/** Indices of areas with no neighbour (statistics are undefined for them). */
export function isolates(w: Weights): number[] {
  return cardinalities(w).flatMap((c, i) => (c === 0 ? [i] : []));
}

const vertexKey = (p: Position, precision: number) =>
  `${Math.round(p[0] / precision)},${Math.round(p[1] / precision)}`;

/**
 * Contiguity: queen when two polygons share at least one boundary point, rook when they
 * share at least two (spdep `poly2nb` conventions). Boundaries must be snapped to a common
 * grid (`precision`, degrees); the shipped data are snapped to 1e-7.
 */
export function contiguityWeights(
  geometries: readonly AreaGeometry[],
  kind: "queen" | "rook",
  precision = 1e-7,
): Weights {
  const owners = new Map<string, number[]>();
  geometries.forEach((geometry, i) => {
    const seen = new Set<string>();
    for (const polygon of polygonsOf(geometry)) {
      for (const ring of polygon) {
        for (const point of ring) {
          const key = vertexKey(point, precision);
          if (seen.has(key)) continue;
          seen.add(key);
          const list = owners.get(key);
          if (list) list.push(i);
          else owners.set(key, [i]);
        }
      }
    }
  });
  const shared = geometries.map(() => new Map<number, number>());
  for (const list of owners.values()) {
    for (const a of list)
      for (const b of list) if (a !== b) shared[a]!.set(b, (shared[a]!.get(b) ?? 0) + 1);
  }
  const need = kind === "queen" ? 1 : 2;
  return fromLists(shared.map((m) => [...m].filter(([, count]) => count >= need).map(([j]) => j)));
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function pointIndex(points: readonly Position[]): Flatbush {
  const index = new Flatbush(Math.max(1, points.length));
  for (const [x, y] of points) index.add(x, y, x, y);
  if (points.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}

/** The k nearest other points of each point (ties by index), as spdep `knearneigh`. */
export function knnWeights(points: readonly Position[], k: number): Weights {
  if (!Number.isInteger(k) || k < 1) throw new RangeError("k must be a whole number of at least 1");
  if (k >= points.length) throw new RangeError("k must be smaller than the number of points");
  const index = pointIndex(points);
  return fromLists(
    points.map((p, i) => {
      // Candidates by planar degrees, then ranked by great-circle distance.
      const candidates = index
        .neighbors(p[0], p[1], Math.min(points.length, k * 4 + 8))
        .filter((j) => j !== i);
      const ranked = candidates
        .map((j) => ({ j, d: distanceMetres(p, points[j]!) }))
        .sort((a, b) => a.d - b.d || a.j - b.j);
      return ranked.slice(0, k).map((r) => r.j);
    }),
  );
}

/** Every other point within `metres` (inclusive), as spdep `dnearneigh(0, d)`. */
export function distanceBandWeights(points: readonly Position[], metres: number): Weights {
  if (!(metres > 0)) throw new RangeError("the distance must be above 0 metres");
  const index = pointIndex(points);
  return fromLists(
    points.map((p, i) => {
      // A box in degrees that surely holds the band (longitude degrees shrink with latitude).
      const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI) * 1.01;
      const dLon = dLat / Math.max(0.01, Math.cos((p[1] * Math.PI) / 180));
      return index
        .search(p[0] - dLon, p[1] - dLat, p[0] + dLon, p[1] + dLat)
        .filter((j) => j !== i && distanceMetres(p, points[j]!) <= metres);
    }),
  );
}

/** H3 cells are neighbours when within `k` grid steps (k-ring), among the cells given. */
export function h3RingWeights(cells: readonly string[], k: number): Weights {
  if (!Number.isInteger(k) || k < 1) throw new RangeError("k must be a whole number of at least 1");
  const position = new Map(cells.map((c, i) => [c, i]));
  return fromLists(
    cells.map((cell) =>
      gridDisk(cell, k).flatMap((c) => (position.has(c) ? [position.get(c)!] : [])),
    ),
  );
}
