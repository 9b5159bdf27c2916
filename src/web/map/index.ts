export { MapView } from "./MapView";
export type {
  Bbox,
  GeoJsonLayer,
  HoverInfo,
  LabelSpec,
  LayerPreset,
  LonLat,
  MapUiText,
} from "./types";
