import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Bbox, type HoverInfo, type LabelSpec, type MapUiText, MapView } from "../../map";
import { AreaList } from "./AreaList";
import type { AreaCollection } from "./areas.types";
import type { CityLayers } from "./layers";

const KELURAHAN = "kelurahan";
const KECAMATAN = "kecamatan";
const CONTEXT = "context";
/** Labels hide below this zoom, or one level below the fitted city view if that is lower. */
const LABEL_MIN_ZOOM = 10;

interface AreaMapProps {
  city: string;
  cityName: string;
  layers: CityLayers | null;
  context: AreaCollection | null;
  selectedCode: string | null;
  onSelect: (code: string) => void;
}

/** The bounding box around all features that carry one. */
function unionBbox(features: AreaCollection["features"]): Bbox | undefined {
  const boxes = features.flatMap((feature) => (feature.bbox ? [feature.bbox] : []));
  if (boxes.length === 0) return undefined;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

interface Rendered {
  kelurahan: AreaCollection;
  count: number;
}

/**
 * The kelurahan map of one city. Exposes test hooks on the `data-testid="map"` element:
 * `data-city`, and once the city's kelurahan are drawn and the map is idle, `data-ready="true"`
 * and `data-rendered-kelurahan` (distinct codes MapLibre holds for the kelurahan source).
 */
export function AreaMap({ city, cityName, layers, context, selectedCode, onSelect }: AreaMapProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const onSelectRef = useRef(onSelect);
  const [view, setView] = useState<MapView | null>(null);
  const [failed, setFailed] = useState(false);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [rendered, setRendered] = useState<Rendered | null>(null);

  const uiText: MapUiText = {
    attribution: t("map.attribution"),
    mapLabel: t("map.ariaLabel", { city: cityName }),
    zoomIn: t("map.zoomIn"),
    zoomOut: t("map.zoomOut"),
    toggleAttribution: t("map.toggleAttribution"),
  };
  const uiTextRef = useRef(uiText);

  useEffect(() => {
    onSelectRef.current = onSelect;
    uiTextRef.current = uiText;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let created: MapView;
    try {
      created = new MapView({
        container,
        uiText: uiTextRef.current,
        labelMinZoom: LABEL_MIN_ZOOM,
        onHover: (info) => setHover(info?.layerId === KELURAHAN ? info : null),
        onSelect: (layerId, id) => {
          if (layerId === KELURAHAN) onSelectRef.current(id);
        },
      });
    } catch (error) {
      console.error(error);
      setFailed(true);
      return;
    }
    setView(created);
    return () => {
      created.destroy();
      setView(null);
    };
  }, []);

  const { attribution, mapLabel, zoomIn, zoomOut, toggleAttribution } = uiText;
  useEffect(() => {
    view?.setUiText({ attribution, mapLabel, zoomIn, zoomOut, toggleAttribution });
  }, [view, attribution, mapLabel, zoomIn, zoomOut, toggleAttribution]);

  useEffect(() => {
    if (view && context) {
      void view.setLayer({ id: CONTEXT, data: context, preset: "context", order: 10 });
    }
  }, [view, context]);

  useEffect(() => {
    if (!view) return;
    const kecamatan = layers?.kecamatan;
    if (kecamatan) {
      void view.setLayer({ id: KECAMATAN, data: kecamatan, preset: "outline", order: 30 });
    } else {
      void view.removeLayer(KECAMATAN);
    }
  }, [view, layers]);

  useEffect(() => {
    if (!view) return;
    const kelurahan = layers?.kelurahan;
    if (!kelurahan) {
      void view.removeLayer(KELURAHAN);
      return;
    }
    let current = true;
    setHover(null);
    const bbox = kelurahan.bbox ?? unionBbox(kelurahan.features);
    if (bbox) view.fitBounds(bbox);
    view
      .setLayer({
        id: KELURAHAN,
        data: kelurahan,
        preset: "areas",
        order: 20,
        idProperty: "code",
        interactive: true,
      })
      .then(() => view.whenIdle())
      .then(() => {
        if (current) setRendered({ kelurahan, count: view.countDistinct(KELURAHAN, "code") });
      });
    return () => {
      current = false;
    };
  }, [view, layers]);

  useEffect(() => {
    if (!view) return;
    const labels: LabelSpec[] = (layers?.kelurahan.features ?? []).flatMap(({ properties }) =>
      properties.labelPoint
        ? [
            {
              id: properties.code,
              lngLat: properties.labelPoint,
              text: properties.name,
              ariaLabel: t("map.labelAria", {
                name: properties.name,
                parent: properties.parentName ?? "",
              }),
              priority: properties.areaKm2 ?? 0,
              attributes: { "data-testid": "area-label", "data-code": properties.code },
            },
          ]
        : [],
    );
    view.setLabels(KELURAHAN, labels);
  }, [view, layers, t]);

  useEffect(() => {
    if (view && layers) view.setSelected(KELURAHAN, selectedCode);
  }, [view, layers, selectedCode]);

  // Derived, so a stale "ready" from the previous city can never be rendered with a new city.
  const ready = !failed && rendered !== null && rendered.kelurahan === layers?.kelurahan;
  const hovered = hover?.properties;
  return (
    <div
      className="map-shell"
      data-testid="map"
      data-city={city}
      data-ready={ready ? "true" : "false"}
      data-rendered-kelurahan={ready ? String(rendered.count) : undefined}
      aria-busy={!ready}
    >
      <div ref={containerRef} className="map-canvas" />
      {hover && hovered ? (
        <div
          className="map-tooltip"
          style={{ left: hover.point.x, top: hover.point.y }}
          aria-hidden="true"
        >
          <strong>{String(hovered.name ?? "")}</strong>
          {hovered.parentName ? (
            <span>{t("map.tooltipParent", { name: String(hovered.parentName) })}</span>
          ) : null}
        </div>
      ) : null}
      {failed ? (
        <div className="map-fallback">
          <p className="map-fallback__message" role="alert">
            {t("map.webglError")}
          </p>
          {layers ? (
            <AreaList
              areas={layers.kelurahan.features}
              selectedCode={selectedCode}
              onSelect={onSelect}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
