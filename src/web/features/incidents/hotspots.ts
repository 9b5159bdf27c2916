import type { Feature, FeatureCollection, Polygon } from "geojson";
import type { Density, EmergingLabel, HotspotClass } from "./incidents.api";

/** Colours of the Gi* confidence classes (ColorBrewer RdBu, 7 classes): red hot, blue cold. */
export const HOTSPOT_COLOURS: Record<HotspotClass, string> = {
  hot99: "#b2182b",
  hot95: "#ef8a62",
  hot90: "#fddbc7",
  none: "#f7f7f7",
  cold90: "#d1e5f0",
  cold95: "#67a9cf",
  cold99: "#2166ac",
};

/** Order of emerging labels, most urgent first (for choosing the area a trend view opens on). */
export const LABEL_PRIORITY: Record<EmergingLabel, number> = {
  new: 0,
  intensifying: 1,
  persistent: 2,
  sporadic: 3,
  diminishing: 4,
  none: 5,
};

/** The density grid as square polygons with `v`, the density relative to the maximum. */
export function densityCells(density: Density | null): FeatureCollection<Polygon, { v: number }> {
  const grid = density?.grid;
  if (!grid) return { type: "FeatureCollection", features: [] };
  const max = grid.values.reduce((m, v) => Math.max(m, v), 0);
  if (!(max > 0)) return { type: "FeatureCollection", features: [] };
  const [west, , east, north] = grid.bbox;
  const dx = (east - west) / grid.cols;
  // Cells are square in metres: a degree of latitude is longer than one of longitude.
  const dy = dx * Math.cos((north * Math.PI) / 180);
  const features: Feature<Polygon, { v: number }>[] = [];
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const v = grid.values[r * grid.cols + c]! / max;
      if (v < 0.05) continue;
      const x0 = west + c * dx;
      const y0 = north - r * dy;
      features.push({
        type: "Feature",
        properties: { v: Math.round(v * 1000) / 1000 },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [x0, y0],
              [x0 + dx, y0],
              [x0 + dx, y0 - dy],
              [x0, y0 - dy],
              [x0, y0],
            ],
          ],
        },
      });
    }
  }
  return { type: "FeatureCollection", features };
}
