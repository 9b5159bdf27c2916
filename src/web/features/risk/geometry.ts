import type { FeatureCollection, Geometry } from "geojson";
import type { Bbox } from "../../map";
import type { MapLocation } from "./risk.types";

/** The bounding box around all features that carry one. */
export function unionBbox(features: readonly { bbox?: Bbox | undefined }[]): Bbox | undefined {
  const boxes = features.flatMap((feature) => (feature.bbox ? [feature.bbox] : []));
  if (boxes.length === 0) return undefined;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/** Named locations that have a geometry, as features coloured by their class. */
export function locationFeatures(
  locations: readonly MapLocation[],
): FeatureCollection<Geometry, { id: string; name: string; category: string | null }> {
  return {
    type: "FeatureCollection",
    features: locations.flatMap((location) =>
      location.geometry
        ? [
            {
              type: "Feature" as const,
              id: location.id,
              geometry: location.geometry,
              properties: { id: location.id, name: location.name, category: location.class },
            },
          ]
        : [],
    ),
  };
}
