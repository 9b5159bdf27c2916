import type * as maplibregl from "maplibre-gl";
import { circleLayerId, fillLayerId, lineLayerId, palette } from "./palette";
import type { CategoryStyle } from "./types";

/** A layer definition as accepted by `map.addLayer` (without pulling in the style-spec package). */
export type LayerDefinition = Parameters<maplibregl.Map["addLayer"]>[0];

/** Name of the hatch image registered with the map (see {@link hatchImage}). */
export const HATCH_IMAGE = "tanggap-hatch";

/** An 8x8 tile with a diagonal line, for areas without a value (drawn over a grey fill). */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  const hex = Number.parseInt(palette.hatch.slice(1), 16);
  const [r, g, b] = [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Two pixels wide, wrapping at the tile edge so neighbouring tiles join up.
      if ((x + y) % size === 0 || (x + y + 1) % size === 0) {
        const i = (y * size + x) * 4;
        data.set([r, g, b, 255], i);
      }
    }
  }
  return { width: size, height: size, data };
}

type Expression = maplibregl.ExpressionSpecification;

/** `fill-color`-style expression: the colour of the category value, or the fallback. */
function categoryColour(style: CategoryStyle | undefined, fallback: string): Expression | string {
  const entries = Object.entries(style?.colours ?? {});
  if (!style || entries.length === 0) return style?.fallback ?? fallback;
  return [
    "match",
    ["coalesce", ["get", style.property], ""],
    ...entries.flat(),
    style.fallback,
  ] as unknown as Expression;
}

/** Filter matching features whose category value has no colour. */
function withoutColour(style: CategoryStyle): Expression {
  const keys = Object.keys(style.colours);
  if (keys.length === 0) return ["literal", true] as unknown as Expression;
  return ["match", ["coalesce", ["get", style.property], ""], keys, false, true] as Expression;
}

export const isPolygon: Expression = [
  "match",
  ["geometry-type"],
  ["Polygon", "MultiPolygon"],
  true,
  false,
];
const isPoint: Expression = ["match", ["geometry-type"], ["Point", "MultiPoint"], true, false];
const isLine: Expression = [
  "match",
  ["geometry-type"],
  ["LineString", "MultiLineString"],
  true,
  false,
];

const selected: Expression = ["boolean", ["feature-state", "selected"], false];
const hovered: Expression = ["boolean", ["feature-state", "hover"], false];

/** Opaque category fill (so sampled colours are the category colours), hatch, outlines. */
export function choroplethLayers(
  sourceId: string,
  style: CategoryStyle | undefined,
): LayerDefinition[] {
  const layers: LayerDefinition[] = [
    {
      id: fillLayerId(sourceId),
      type: "fill",
      source: sourceId,
      paint: { "fill-color": categoryColour(style, palette.unclassified), "fill-opacity": 1 },
    },
  ];
  if (style?.hatchFallback) {
    layers.push({
      id: `${sourceId}-hatch`,
      type: "fill",
      source: sourceId,
      filter: withoutColour(style),
      paint: { "fill-pattern": HATCH_IMAGE, "fill-opacity": 1 },
    });
  }
  layers.push(
    {
      id: lineLayerId(sourceId),
      type: "line",
      source: sourceId,
      layout: { "line-join": "round" },
      paint: { "line-color": palette.classLine, "line-width": 0.8 },
    },
    // Hover and selection: a dark outline with a yellow core, wide enough to see on any fill.
    {
      id: `${sourceId}-highlight`,
      type: "line",
      source: sourceId,
      layout: { "line-join": "round" },
      paint: {
        "line-color": palette.highlight,
        "line-width": ["case", selected, 6, hovered, 3, 0],
      },
    },
    {
      id: `${sourceId}-highlight-inner`,
      type: "line",
      source: sourceId,
      layout: { "line-join": "round" },
      paint: { "line-color": palette.highlightInner, "line-width": ["case", selected, 2.5, 0] },
    },
  );
  return layers;
}

/** Points as class-coloured dots, polygons as coloured outlines on a dark casing. */
export function placeLayers(sourceId: string, style: CategoryStyle | undefined): LayerDefinition[] {
  const colour = categoryColour(style, "#ffffff");
  return [
    {
      // Invisible, but hit by hover and click.
      id: fillLayerId(sourceId),
      type: "fill",
      source: sourceId,
      filter: isPolygon,
      paint: { "fill-color": palette.casing, "fill-opacity": 0 },
    },
    // A white halo under a dark casing: the outline stays visible on dark and light fills.
    {
      id: `${sourceId}-halo`,
      type: "line",
      source: sourceId,
      filter: isPolygon,
      layout: { "line-join": "round" },
      paint: {
        "line-color": "#ffffff",
        "line-width": ["case", selected, 11, hovered, 10, 8.5],
      },
    },
    {
      id: `${sourceId}-casing`,
      type: "line",
      source: sourceId,
      filter: isPolygon,
      layout: { "line-join": "round" },
      paint: {
        "line-color": palette.casing,
        "line-width": ["case", selected, 8, hovered, 7, 5.5],
      },
    },
    {
      id: lineLayerId(sourceId),
      type: "line",
      source: sourceId,
      filter: isPolygon,
      layout: { "line-join": "round" },
      paint: { "line-color": colour, "line-width": 2.5 },
    },
    {
      id: `${sourceId}-point-halo`,
      type: "circle",
      source: sourceId,
      filter: isPoint,
      paint: {
        "circle-color": "#ffffff",
        "circle-radius": ["case", selected, 14.5, hovered, 13.5, 12],
      },
    },
    {
      id: circleLayerId(sourceId),
      type: "circle",
      source: sourceId,
      filter: isPoint,
      paint: {
        "circle-color": colour,
        "circle-radius": ["case", selected, 10, hovered, 9, 8],
        "circle-stroke-color": palette.casing,
        "circle-stroke-width": ["case", selected, 3.5, 2.5],
      },
    },
  ];
}

/** A shape being drawn: translucent polygon, edges, and dots on the vertices. */
export function sketchLayers(sourceId: string): LayerDefinition[] {
  return [
    {
      id: fillLayerId(sourceId),
      type: "fill",
      source: sourceId,
      filter: isPolygon,
      paint: { "fill-color": palette.sketchFill, "fill-opacity": 0.35 },
    },
    {
      id: lineLayerId(sourceId),
      type: "line",
      source: sourceId,
      filter: ["any", isPolygon, isLine],
      layout: { "line-join": "round", "line-cap": "round" },
      paint: { "line-color": palette.sketch, "line-width": 2.5 },
    },
    {
      id: circleLayerId(sourceId),
      type: "circle",
      source: sourceId,
      filter: isPoint,
      paint: {
        "circle-color": "#ffffff",
        "circle-radius": 6,
        "circle-stroke-color": palette.sketch,
        "circle-stroke-width": 3,
      },
    },
  ];
}
