export { MapView } from "./MapView";
export type {
  Bbox,
  CategoryStyle,
  GeoJsonLayer,
  HoverInfo,
  LabelBadge,
  LabelSpec,
  LayerPreset,
  LonLat,
  MapUiText,
} from "./types";
