import { clusterLayers, heatLayers } from "./incidents";
import { circleLayerId, fillLayerId, lineLayerId, palette } from "./palette";
import { choroplethLayers, type LayerDefinition, placeLayers, sketchLayers } from "./thematic";
import type { GeoJsonLayer } from "./types";

export { fillLayerId, lineLayerId, palette } from "./palette";
export { HATCH_IMAGE, hatchImage, type LayerDefinition } from "./thematic";

/** The layers hover and click listen to for a registry entry. */
export function hitLayerIds(layer: GeoJsonLayer): string[] {
  if (layer.preset === "places") return [fillLayerId(layer.id), circleLayerId(layer.id)];
  if (layer.preset === "clusters") return [circleLayerId(layer.id)];
  if (layer.preset === "outline" || layer.preset === "sketch" || layer.preset === "heat") return [];
  return [fillLayerId(layer.id)];
}

/** The MapLibre layers drawn for one registry entry, bottom to top. */
export function presetLayers(layer: GeoJsonLayer): LayerDefinition[] {
  const sourceId = layer.id;
  switch (layer.preset) {
    case "choropleth":
      return choroplethLayers(sourceId, layer.categories);
    case "places":
      return placeLayers(sourceId, layer.categories);
    case "sketch":
      return sketchLayers(sourceId);
    case "heat":
      return heatLayers(sourceId);
    case "clusters":
      return clusterLayers(sourceId);
    case "context":
      return [
        {
          id: fillLayerId(sourceId),
          type: "fill",
          source: sourceId,
          paint: { "fill-color": palette.contextFill, "fill-opacity": 1 },
        },
        {
          id: lineLayerId(sourceId),
          type: "line",
          source: sourceId,
          layout: { "line-join": "round" },
          paint: { "line-color": palette.contextLine, "line-width": 1 },
        },
      ];
    case "areas":
      return [
        {
          id: fillLayerId(sourceId),
          type: "fill",
          source: sourceId,
          paint: {
            "fill-color": [
              "case",
              ["boolean", ["feature-state", "selected"], false],
              palette.areaFillSelected,
              ["boolean", ["feature-state", "hover"], false],
              palette.areaFillHover,
              palette.areaFill,
            ],
            "fill-opacity": 0.92,
          },
        },
        {
          id: lineLayerId(sourceId),
          type: "line",
          source: sourceId,
          layout: { "line-join": "round" },
          paint: {
            "line-color": [
              "case",
              ["boolean", ["feature-state", "selected"], false],
              palette.areaLineSelected,
              ["boolean", ["feature-state", "hover"], false],
              palette.areaLineHover,
              palette.areaLine,
            ],
            // Selection and hover also change the line width, so colour is not the only cue.
            "line-width": [
              "case",
              ["boolean", ["feature-state", "selected"], false],
              3.5,
              ["boolean", ["feature-state", "hover"], false],
              2.2,
              0.9,
            ],
          },
        },
      ];
    case "outline":
      return [
        {
          id: lineLayerId(sourceId),
          type: "line",
          source: sourceId,
          layout: { "line-join": "round", "line-cap": "round" },
          paint: {
            "line-color": palette.outline,
            "line-width": ["interpolate", ["linear"], ["zoom"], 9, 1.4, 14, 3.2],
          },
        },
      ];
  }
}
