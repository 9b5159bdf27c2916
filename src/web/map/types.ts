import type { FeatureCollection, Geometry } from "geojson";

/** [minLon, minLat, maxLon, maxLat], as in GeoJSON `bbox`. */
export type Bbox = [number, number, number, number];

/** A longitude/latitude pair. */
export type LonLat = [number, number];

/**
 * How a GeoJSON layer is drawn. The map module owns the paint rules, so components choose a
 * preset instead of passing MapLibre style objects.
 * - `context`: quiet grey polygons for surrounding areas.
 * - `areas`: the main interactive polygons (calm fill, outlines, hover and selected states).
 * - `outline`: thick boundary lines drawn above `areas` (e.g. kecamatan).
 * - `choropleth`: interactive polygons filled (opaque) by the colour of a category property
 *   (see {@link CategoryStyle}), values without a colour light grey and hatched; thin outlines
 *   on top, thick outlines for hover and selection (the fill never changes, so colours stay true).
 * - `places`: points as coloured dots and polygons as thick coloured outlines with a dark
 *   casing, coloured by a category property (e.g. named locations by risk class).
 * - `sketch`: a shape being drawn: vertices as dots, edges as lines, a translucent polygon.
 * - `heat`: grid cells filled along a density ramp by property `v` (0 to 1), low values hidden.
 * - `clusters`: points as circles sized by property `count` (incident clusters).
 */
export type LayerPreset =
  | "context"
  | "areas"
  | "outline"
  | "choropleth"
  | "places"
  | "sketch"
  | "heat"
  | "clusters";

/** Colours by the value of one feature property, for the `choropleth` and `places` presets. */
export interface CategoryStyle {
  property: string;
  /** Colour of each value. */
  colours: Readonly<Record<string, string>>;
  /** Colour of a missing value or of a value without a colour. */
  fallback: string;
  /** Draw a hatch over features whose value has no colour (choropleth only). */
  hatchFallback?: boolean;
}

/** A GeoJSON layer registered in the map's layer registry. */
export interface GeoJsonLayer {
  /** Registry id; also the MapLibre source id. */
  id: string;
  data: FeatureCollection<Geometry | null>;
  preset: LayerPreset;
  /** Drawing order: higher numbers are drawn above lower ones. */
  order: number;
  /** Feature property promoted to the feature id (used for hover and selection state). */
  idProperty?: string;
  /** Whether hover and click report features of this layer. */
  interactive?: boolean;
  /** Colours by category (`choropleth` and `places` presets). */
  categories?: CategoryStyle;
}

/** An HTML label shown at a point; rendered as a focusable button. */
export interface LabelSpec {
  /** Feature id the label belongs to (used to highlight and select its polygon). */
  id: string;
  lngLat: LonLat;
  text: string;
  /** Accessible name of the button. */
  ariaLabel: string;
  /** Labels with a higher priority keep their text when labels collide. */
  priority: number;
  /** Extra attributes for the button element (e.g. data-* test hooks). */
  attributes?: Record<string, string>;
  /** A short coloured tag before the text (e.g. the initial of a risk class). */
  badge?: LabelBadge;
}

/** A small coloured tag drawn before a label's text; a collapsed label's dot takes its colour. */
export interface LabelBadge {
  text: string;
  background: string;
  color: string;
}

/** What the pointer is over, reported to the application. */
export interface HoverInfo {
  layerId: string;
  id: string;
  properties: Record<string, unknown>;
  /** Pointer position in pixels relative to the map container. */
  point: { x: number; y: number };
}

/** Texts the map shows in its own controls; supplied already translated. */
export interface MapUiText {
  attribution: string;
  mapLabel: string;
  zoomIn: string;
  zoomOut: string;
  toggleAttribution: string;
}

/** Options of {@link MapView}. */
export interface MapViewOptions {
  container: HTMLElement;
  uiText: MapUiText;
  /** Plain colour under all layers (no tiles are loaded). */
  backgroundColor?: string;
  /** Below this zoom the label overlay is hidden (kept in the DOM); see {@link MapView.fitBounds}. */
  labelMinZoom?: number;
  /** Initial view before any data is fitted. */
  center?: LonLat;
  zoom?: number;
  onHover?: (hover: HoverInfo | null) => void;
  /** A feature was chosen, by clicking its polygon or activating its label. */
  onSelect?: (layerId: string, id: string) => void;
  /** A click on the map that hit no interactive feature (e.g. to place a point). */
  onMapClick?: (lngLat: LonLat) => void;
  /** The camera stopped moving: the visible box and the zoom. */
  onViewChange?: (view: { bbox: Bbox; zoom: number }) => void;
}
