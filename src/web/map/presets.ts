import type * as maplibregl from "maplibre-gl";
import type { LayerPreset } from "./types";

/** A layer definition as accepted by `map.addLayer` (without pulling in the style-spec package). */
export type LayerDefinition = Parameters<maplibregl.Map["addLayer"]>[0];

/** Colours of the base map and presets; calm, high-contrast outlines for legibility. */
export const palette = {
  background: "#e2e6e5",
  contextFill: "#f4f4f1",
  contextLine: "#a9b4bb",
  areaFill: "#cde3eb",
  areaFillHover: "#8fc3d7",
  areaFillSelected: "#f2c14e",
  areaLine: "#5d7d8a",
  areaLineHover: "#0b4f6c",
  areaLineSelected: "#14252d",
  outline: "#21404d",
} as const;

/** The id of the fill layer of a registry entry (what hover and click listen to). */
export function fillLayerId(sourceId: string): string {
  return `${sourceId}-fill`;
}

/** The id of the line layer of a registry entry. */
export function lineLayerId(sourceId: string): string {
  return `${sourceId}-line`;
}

/** The MapLibre layers drawn for one registry entry, bottom to top. */
export function presetLayers(preset: LayerPreset, sourceId: string): LayerDefinition[] {
  switch (preset) {
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
