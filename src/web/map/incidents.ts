/**
 * Incident layers: a heat surface (grid cells coloured by relative density, low values left
 * transparent) and incident clusters or single incidents as circles sized by their count.
 */
import { circleLayerId, fillLayerId } from "./palette";
import type { LayerDefinition } from "./thematic";

/** Feature property of a heat cell: density relative to the maximum, 0 to 1. */
export const HEAT_PROPERTY = "v";
/** Feature property of a cluster: how many incidents it stands for. */
export const COUNT_PROPERTY = "count";

/** The heat ramp, light to dark (RdPu); values below the first stop are not drawn. */
export const HEAT_RAMP: ReadonlyArray<[number, string]> = [
  [0.05, "#fcc5c0"],
  [0.3, "#f768a1"],
  [0.6, "#ae017e"],
  [1, "#49006a"],
];
export const HEAT_OPACITY = 0.85;
export const CLUSTER_COLOUR = "#0b4f6c";
export const CLUSTER_STROKE = "#ffffff";

export function heatLayers(sourceId: string): LayerDefinition[] {
  return [
    {
      id: fillLayerId(sourceId),
      type: "fill",
      source: sourceId,
      filter: [">=", ["get", HEAT_PROPERTY], HEAT_RAMP[0]![0]],
      paint: {
        "fill-color": [
          "interpolate",
          ["linear"],
          ["get", HEAT_PROPERTY],
          ...HEAT_RAMP.flat(),
        ] as unknown as string,
        "fill-opacity": HEAT_OPACITY,
        "fill-antialias": false,
      },
    },
  ];
}

export function clusterLayers(sourceId: string): LayerDefinition[] {
  return [
    {
      id: circleLayerId(sourceId),
      type: "circle",
      source: sourceId,
      paint: {
        "circle-color": CLUSTER_COLOUR,
        "circle-opacity": 0.8,
        "circle-stroke-color": [
          "case",
          ["boolean", ["feature-state", "hover"], false],
          "#f2c14e",
          CLUSTER_STROKE,
        ],
        "circle-stroke-width": 1.5,
        // Area grows with the count: radius by the square root, 4 px for a single incident.
        "circle-radius": [
          "min",
          28,
          ["+", 3, ["*", 1.6, ["sqrt", ["coalesce", ["get", COUNT_PROPERTY], 1]]]],
        ],
      },
    },
  ];
}
