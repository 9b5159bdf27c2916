import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { codeDepth } from "../../../domain/areas/codes";
import { useAsyncData } from "../../hooks/useAsyncData";
import { getJson } from "../../lib/http";
import { type Bbox, type LonLat, MapView } from "../../map";
import type { AreaFeature } from "../areas/areas.types";
import type { LocationGeometry } from "../risk/risk.types";
import { GeometryTools } from "./GeometryTools";
import { geometryBbox, polygonFrom } from "./geojson";

const OUTLINE = "kelurahan";
const SKETCH = "sketch";
/** Half the side of the box shown around a lone point, in degrees (about 400 m). */
const POINT_PADDING = 0.004;

export type DrawMode = "idle" | "point" | "polygon";

interface GeometryEditorProps {
  kelurahanCode: string;
  value: LocationGeometry | null;
  onChange: (geometry: LocationGeometry | null) => void;
}

function sketchOf(value: LocationGeometry | null, vertices: readonly LonLat[]): FeatureCollection {
  const features: Feature<Geometry>[] = [];
  const add = (geometry: Geometry): void => {
    features.push({ type: "Feature", geometry, properties: {} });
  };
  if (value) add(value);
  if (vertices.length > 1) add({ type: "LineString", coordinates: [...vertices] });
  for (const vertex of vertices) add({ type: "Point", coordinates: vertex });
  return { type: "FeatureCollection", features };
}

function padded(bbox: Bbox): Bbox {
  const [w, s, e, n] = bbox;
  if (e - w > POINT_PADDING && n - s > POINT_PADDING) return bbox;
  return [w - POINT_PADDING, s - POINT_PADDING, e + POINT_PADDING, n + POINT_PADDING];
}

/**
 * Where a named location is: place a point or draw a polygon on a small map of its kelurahan
 * (click to add corners, then finish), type coordinates, or upload a GeoJSON file.
 * Hooks on `data-testid="geometry-editor"`: data-ready, data-mode, data-geometry, data-vertices.
 */
export function GeometryEditor({ kelurahanCode, value, onChange }: GeometryEditorProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<MapView | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const [mode, setMode] = useState<DrawMode>("idle");
  const [vertices, setVertices] = useState<LonLat[]>([]);
  const clickRef = useRef<(lngLat: LonLat) => void>(() => {});
  const uiTextRef = useRef({
    attribution: t("map.attribution"),
    mapLabel: t("locations.map.ariaLabel"),
    zoomIn: t("map.zoomIn"),
    zoomOut: t("map.zoomOut"),
    toggleAttribution: t("map.toggleAttribution"),
  });
  const kelurahan = useAsyncData(
    codeDepth(kelurahanCode) === 4 ? `outline:${kelurahanCode}` : null,
    (signal) => getJson<AreaFeature>(`/api/areas/${encodeURIComponent(kelurahanCode)}`, signal),
  );

  useEffect(() => {
    clickRef.current = (lngLat) => {
      if (mode === "point") {
        onChange({ type: "Point", coordinates: lngLat });
        setMode("idle");
      } else if (mode === "polygon") {
        setVertices((list) => [...list, lngLat]);
      }
    };
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let created: MapView;
    try {
      created = new MapView({
        container,
        // The dialog lives briefly: its map keeps the texts of the language it opened in.
        uiText: uiTextRef.current,
        zoom: 11,
        onMapClick: (lngLat) => clickRef.current(lngLat),
      });
    } catch (error) {
      console.error(error);
      setFailed(true);
      return;
    }
    setView(created);
    void created.whenIdle().then(() => setReady(true));
    return () => {
      created.destroy();
      setView(null);
    };
  }, []);

  const outline = kelurahan.status === "success" ? kelurahan.data : null;
  useEffect(() => {
    if (!view) return;
    if (!outline?.geometry) {
      void view.removeLayer(OUTLINE);
      return;
    }
    void view.setLayer({
      id: OUTLINE,
      data: { type: "FeatureCollection", features: [outline] },
      preset: "outline",
      order: 10,
    });
    if (outline.bbox) view.fitBounds(outline.bbox);
  }, [view, outline]);

  // With no kelurahan outline to fit, show the location itself.
  const hasOutline = !!outline?.bbox;
  const valueBbox = value ? geometryBbox(value).join(",") : null;
  useEffect(() => {
    if (view && valueBbox && !hasOutline) {
      view.fitBounds(padded(valueBbox.split(",").map(Number) as Bbox));
    }
  }, [view, valueBbox, hasOutline]);

  useEffect(() => {
    if (view) {
      void view.setLayer({
        id: SKETCH,
        data: sketchOf(value, vertices),
        preset: "sketch",
        order: 20,
      });
    }
  }, [view, value, vertices]);

  const finish = (): void => {
    const polygon = polygonFrom(vertices);
    if (!polygon) return;
    onChange(polygon);
    setVertices([]);
    setMode("idle");
  };

  return (
    <fieldset
      className="geometry-editor"
      data-testid="geometry-editor"
      data-ready={ready ? "true" : "false"}
      data-mode={mode}
      data-geometry={value?.type ?? "none"}
      data-vertices={vertices.length}
      aria-labelledby={titleId}
    >
      <legend id={titleId}>{t("locations.geometry.title")}</legend>
      <GeometryTools
        mode={mode}
        vertices={vertices.length}
        value={value}
        onMode={(next) => {
          setMode(next);
          setVertices([]);
        }}
        onFinish={finish}
        onUndo={() => setVertices((list) => list.slice(0, -1))}
        onClear={() => {
          setVertices([]);
          setMode("idle");
          onChange(null);
        }}
        onGeometry={(geometry) => {
          setVertices([]);
          setMode("idle");
          onChange(geometry);
        }}
      />
      <div className={mode === "idle" ? "geometry-map" : "geometry-map is-drawing"}>
        <div ref={containerRef} className="map-canvas" />
        {failed ? (
          <p className="map-fallback__message" role="alert">
            {t("locations.geometry.noMap")}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
