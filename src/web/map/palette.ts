/** Colours and layer ids shared by the map presets. */

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
  classLine: "#3b3f4d",
  highlight: "#14252d",
  highlightInner: "#f2c14e",
  hatch: "#7d8590",
  unclassified: "#e4e6e8",
  casing: "#1b1f29",
  sketch: "#0b4f6c",
  sketchFill: "#f2c14e",
} as const;

/** The id of the fill layer of a registry entry (what hover and click listen to). */
export function fillLayerId(sourceId: string): string {
  return `${sourceId}-fill`;
}

/** The id of the line layer of a registry entry. */
export function lineLayerId(sourceId: string): string {
  return `${sourceId}-line`;
}

/** The id of the circle layer (points) of a registry entry. */
export function circleLayerId(sourceId: string): string {
  return `${sourceId}-circle`;
}
