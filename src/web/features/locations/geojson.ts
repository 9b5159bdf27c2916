import type { LocationGeometry } from "../risk/risk.types";

/** Why an uploaded file cannot be used (a catalogue key under `locations.geojsonErrors`). */
export type GeoJsonProblem =
  | "notJson"
  | "noGeometry"
  | "manyFeatures"
  | "wrongType"
  | "badCoordinates";

export type ParsedGeometry =
  | { ok: true; geometry: LocationGeometry }
  | { ok: false; problem: GeoJsonProblem; type?: string };

function isPosition(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === "number" &&
    typeof value[1] === "number" &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

/** A ring closed (first = last position) with at least four positions, or null. */
function closedRing(value: unknown): [number, number][] | null {
  if (!Array.isArray(value) || !value.every(isPosition)) return null;
  const ring = value.map(([lon, lat]) => [lon, lat] as [number, number]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
  return ring.length >= 4 ? ring : null;
}

/** The geometry object inside a GeoJSON geometry, Feature or single-feature collection. */
function geometryOf(data: unknown): { geometry: unknown } | { problem: GeoJsonProblem } {
  if (!data || typeof data !== "object") return { problem: "noGeometry" };
  const object = data as { type?: unknown; geometry?: unknown; features?: unknown };
  if (object.type === "FeatureCollection") {
    const features = Array.isArray(object.features) ? object.features : [];
    if (features.length !== 1)
      return { problem: features.length === 0 ? "noGeometry" : "manyFeatures" };
    return geometryOf(features[0]);
  }
  if (object.type === "Feature") {
    return object.geometry ? { geometry: object.geometry } : { problem: "noGeometry" };
  }
  return { geometry: data };
}

/**
 * Reads a GeoJSON text (a geometry, a Feature, or a collection of exactly one feature) whose
 * geometry is a Point or a Polygon with longitude/latitude coordinates. Anything else is a
 * problem the form explains; rings are closed when the file left them open.
 */
export function parseLocationGeoJson(text: string): ParsedGeometry {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: "notJson" };
  }
  const found = geometryOf(data);
  if ("problem" in found) return { ok: false, problem: found.problem };
  const geometry = found.geometry as { type?: unknown; coordinates?: unknown };
  if (geometry.type === "Point") {
    return isPosition(geometry.coordinates)
      ? {
          ok: true,
          geometry: {
            type: "Point",
            coordinates: [geometry.coordinates[0], geometry.coordinates[1]],
          },
        }
      : { ok: false, problem: "badCoordinates" };
  }
  if (geometry.type === "Polygon") {
    const rings = Array.isArray(geometry.coordinates) ? geometry.coordinates.map(closedRing) : [];
    if (rings.length === 0 || rings.length > 50 || rings.some((ring) => ring === null)) {
      return { ok: false, problem: "badCoordinates" };
    }
    return { ok: true, geometry: { type: "Polygon", coordinates: rings as [number, number][][] } };
  }
  return {
    ok: false,
    problem: "wrongType",
    type: typeof geometry.type === "string" ? geometry.type : "?",
  };
}

/** A polygon from drawn vertices (closed), or null with fewer than three. */
export function polygonFrom(vertices: readonly [number, number][]): LocationGeometry | null {
  if (vertices.length < 3) return null;
  const ring = [...vertices, vertices[0]!];
  return { type: "Polygon", coordinates: [ring] };
}

/** The bounding box of a location geometry. */
export function geometryBbox(geometry: LocationGeometry): [number, number, number, number] {
  const positions =
    geometry.type === "Point" ? [geometry.coordinates] : geometry.coordinates.flat();
  const lons = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
