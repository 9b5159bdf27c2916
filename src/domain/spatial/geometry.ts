/**
 * Geometry helpers for area boundaries stored as GeoJSON (EPSG:4326, lon/lat).
 * Computed once when reference data loads, never per request.
 */
import turfBbox from "@turf/bbox";
import polylabel from "polylabel";

export type Position = [number, number];
export type PolygonCoordinates = Position[][];
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: PolygonCoordinates;
}
export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: PolygonCoordinates[];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Polygons of a geometry as a list, whatever its type. */
export function polygonsOf(geometry: AreaGeometry): PolygonCoordinates[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

// WGS84 ellipsoid.
const WGS84_A = 6_378_137;
const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const E = Math.sqrt(E2);

/** Snyder's q(φ), used for the authalic (equal-area) latitude. */
function authalicQ(sinPhi: number): number {
  return (
    (1 - E2) *
    (sinPhi / (1 - E2 * sinPhi * sinPhi) -
      (1 / (2 * E)) * Math.log((1 - E * sinPhi) / (1 + E * sinPhi)))
  );
}
const Q_POLE = authalicQ(1);
/** Radius of the sphere with the ellipsoid's surface area. */
const AUTHALIC_RADIUS = WGS84_A * Math.sqrt(Q_POLE / 2);

/** Signed area of one ring on the authalic sphere, in m² (Chamberlain and Duquette). */
function ringAreaM2(ring: Position[]): number {
  const n = ring.length;
  if (n < 4) return 0;
  const rad = Math.PI / 180;
  let total = 0;
  for (let i = 0; i < n - 1; i++) {
    const prev = ring[i === 0 ? n - 2 : i - 1]!;
    const next = ring[i + 1]!;
    const sinBeta = authalicQ(Math.sin(ring[i]![1] * rad)) / Q_POLE;
    total += (next[0] - prev[0]) * rad * sinBeta;
  }
  return (total * AUTHALIC_RADIUS * AUTHALIC_RADIUS) / 2;
}

/**
 * Area on the WGS84 ellipsoid in square kilometres, holes subtracted. Latitudes are mapped
 * to authalic latitudes so that the sphere formula gives ellipsoidal areas: a plain sphere
 * of the equatorial radius (as in turf) overstates Jakarta's areas by about 0.4%.
 */
export function areaKm2(geometry: AreaGeometry): number {
  let m2 = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, index) => {
      const a = Math.abs(ringAreaM2(ring));
      m2 += index === 0 ? a : -a;
    });
  }
  return m2 / 1_000_000;
}

/** Bounding box of a geometry. */
export function bboxOf(geometry: AreaGeometry): BBox {
  const [minLon, minLat, maxLon, maxLat] = turfBbox(geometry);
  return [minLon, minLat, maxLon, maxLat];
}

/** Union of bounding boxes, or null for an empty list. */
export function mergeBboxes(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  let [minLon, minLat, maxLon, maxLat] = boxes[0]!;
  for (const [a, b, c, d] of boxes) {
    minLon = Math.min(minLon, a);
    minLat = Math.min(minLat, b);
    maxLon = Math.max(maxLon, c);
    maxLat = Math.max(maxLat, d);
  }
  return [minLon, minLat, maxLon, maxLat];
}

/**
 * Area-weighted centroid of the exterior rings (planar shoelace formula, adequate at city
 * scale). It can fall outside a concave polygon: use {@link labelPoint} for labels.
 */
export function centroidOf(geometry: AreaGeometry): Position {
  let sumX = 0;
  let sumY = 0;
  let sumA = 0;
  for (const polygon of polygonsOf(geometry)) {
    const ring = polygon[0] ?? [];
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[i + 1]!;
      const cross = x0 * y1 - x1 * y0;
      sumA += cross;
      sumX += (x0 + x1) * cross;
      sumY += (y0 + y1) * cross;
    }
  }
  if (sumA === 0) {
    const [minLon, minLat, maxLon, maxLat] = bboxOf(geometry);
    return [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
  }
  return [sumX / (3 * sumA), sumY / (3 * sumA)];
}

/**
 * A point well inside the largest polygon (pole of inaccessibility), where a label sits.
 * Precision is in degrees: 1e-5 is about one metre.
 */
export function labelPoint(geometry: AreaGeometry, precision = 1e-5): Position {
  let largest: PolygonCoordinates | undefined;
  let largestArea = -1;
  for (const polygon of polygonsOf(geometry)) {
    const area = areaKm2({ type: "Polygon", coordinates: polygon });
    if (area > largestArea) {
      largest = polygon;
      largestArea = area;
    }
  }
  if (!largest) throw new Error("labelPoint needs a non-empty geometry");
  const [lon, lat] = polylabel(largest, precision);
  return [lon!, lat!];
}

/** Merge polygon geometries into one MultiPolygon (valid when they do not overlap). */
export function toMultiPolygon(geometries: readonly AreaGeometry[]): MultiPolygonGeometry {
  return { type: "MultiPolygon", coordinates: geometries.flatMap(polygonsOf) };
}
