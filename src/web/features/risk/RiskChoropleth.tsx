import type { FeatureCollection, Geometry } from "geojson";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CategoryStyle,
  type HoverInfo,
  type LabelBadge,
  type LabelSpec,
  type MapUiText,
  MapView,
} from "../../map";
import { AreaList } from "../areas/AreaList";
import type { AreaCollection, AreaProperties } from "../areas/areas.types";
import type { CityLayers } from "../areas/layers";
import { unionBbox } from "./geometry";
import "../areas/areas.css";

const KELURAHAN = "kelurahan";
const KECAMATAN = "kecamatan";
const CONTEXT = "context";
const PLACES = "places";
/** Feature property holding each area's category (its class, or its change). */
export const CATEGORY = "category";
const LABEL_MIN_ZOOM = 10;

/** How one kelurahan label looks: a coloured tag, its accessible name and test hooks. */
export interface AreaLabel {
  badge?: LabelBadge;
  ariaLabel: string;
  attributes?: Record<string, string>;
}

interface RiskChoroplethProps {
  testId: string;
  /** Test hooks on the map element that do not depend on what is drawn (city, round...). */
  attributes: Record<string, string>;
  city: string;
  cityName: string;
  layers: CityLayers | null;
  context: AreaCollection | null;
  /** Category of each kelurahan code; null while it is loading (the map is then not ready). */
  values: ReadonlyMap<string, string> | null;
  /** Colours of the categories (`property` is filled in here). */
  colours: Omit<CategoryStyle, "property">;
  label: (area: AreaProperties, value: string | null) => AreaLabel;
  tooltip: (area: AreaProperties, value: string | null) => ReactNode;
  /** Hooks computed from the kelurahan codes MapLibre holds once drawn. */
  renderedAttributes: (codes: string[]) => Record<string, string>;
  /** Named locations with geometry (points and polygons), coloured by `category`. */
  places?: FeatureCollection<Geometry, { id: string; name: string; category: string | null }>;
  placeColours?: Omit<CategoryStyle, "property">;
  selectedCode: string | null;
  onSelect: (code: string) => void;
  onSelectPlace?: (id: string) => void;
}

interface Rendered {
  data: FeatureCollection<Geometry | null>;
  attributes: Record<string, string>;
}

/**
 * A kelurahan map filled by category (a risk class, or a change between rounds) through the map
 * wrapper. The element `data-testid={testId}` carries `data-ready="true"` once the current data
 * is drawn and the map is idle, plus the hooks of `renderedAttributes`.
 */
export function RiskChoropleth(props: RiskChoroplethProps) {
  const { t } = useTranslation();
  const { layers, context, values, label, selectedCode } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const propsRef = useRef(props);
  const [view, setView] = useState<MapView | null>(null);
  const [failed, setFailed] = useState(false);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [rendered, setRendered] = useState<Rendered | null>(null);

  const uiText: MapUiText = {
    attribution: t("map.attribution"),
    mapLabel: t("risk.map.ariaLabel", { city: props.cityName }),
    zoomIn: t("map.zoomIn"),
    zoomOut: t("map.zoomOut"),
    toggleAttribution: t("map.toggleAttribution"),
  };
  const uiTextRef = useRef(uiText);
  useEffect(() => {
    propsRef.current = props;
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
          if (layerId === KELURAHAN) propsRef.current.onSelect(id);
          if (layerId === PLACES) propsRef.current.onSelectPlace?.(id);
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

  // Fit the camera once per city, not on every change of data.
  const kelurahan = layers?.kelurahan ?? null;
  useEffect(() => {
    const bbox = kelurahan ? (kelurahan.bbox ?? unionBbox(kelurahan.features)) : undefined;
    if (view && bbox) view.fitBounds(bbox);
  }, [view, kelurahan]);

  const data = useMemo(() => {
    if (!kelurahan || !values) return null;
    return {
      type: "FeatureCollection" as const,
      features: kelurahan.features.map((feature) => ({
        ...feature,
        properties: { ...feature.properties, [CATEGORY]: values.get(feature.id) ?? null },
      })),
    };
  }, [kelurahan, values]);

  const coloursKey = JSON.stringify(props.colours);
  useEffect(() => {
    if (!view) return;
    if (!data) {
      void view.removeLayer(KELURAHAN);
      return;
    }
    let current = true;
    setHover(null);
    const categories = { ...(JSON.parse(coloursKey) as CategoryStyle), property: CATEGORY };
    view
      .setLayer({
        id: KELURAHAN,
        data,
        preset: "choropleth",
        order: 20,
        idProperty: "code",
        interactive: true,
        categories,
      })
      .then(() => view.whenIdle())
      .then(() => {
        if (!current) return;
        const codes = view.distinctValues(KELURAHAN, "code");
        setRendered({ data, attributes: propsRef.current.renderedAttributes(codes) });
      });
    return () => {
      current = false;
    };
  }, [view, data, coloursKey]);

  const places = props.places;
  const placeColoursKey = JSON.stringify(props.placeColours ?? null);
  useEffect(() => {
    if (!view) return;
    if (!places || places.features.length === 0) {
      void view.removeLayer(PLACES);
      return;
    }
    const colours = JSON.parse(placeColoursKey) as Omit<CategoryStyle, "property"> | null;
    void view.setLayer({
      id: PLACES,
      data: places,
      preset: "places",
      order: 40,
      idProperty: "id",
      interactive: true,
      ...(colours ? { categories: { ...colours, property: CATEGORY } } : {}),
    });
  }, [view, places, placeColoursKey]);

  useEffect(() => {
    if (!view) return;
    const labels: LabelSpec[] = (kelurahan?.features ?? []).flatMap(({ properties }) => {
      if (!properties.labelPoint) return [];
      const look = label(properties, values?.get(properties.code) ?? null);
      return [
        {
          id: properties.code,
          lngLat: properties.labelPoint,
          text: properties.name,
          ariaLabel: look.ariaLabel,
          priority: properties.areaKm2 ?? 0,
          attributes: {
            "data-testid": "area-label",
            "data-code": properties.code,
            ...look.attributes,
          },
          ...(look.badge ? { badge: look.badge } : {}),
        },
      ];
    });
    view.setLabels(KELURAHAN, labels);
  }, [view, kelurahan, values, label]);

  useEffect(() => {
    if (view && data) view.setSelected(KELURAHAN, selectedCode);
  }, [view, data, selectedCode]);

  const ready = !failed && rendered !== null && rendered.data === data;
  const hovered = hover?.properties;
  const hoveredArea = kelurahan?.features.find((f) => f.id === hover?.id)?.properties;
  return (
    <div
      className="map-shell"
      data-testid={props.testId}
      data-ready={ready ? "true" : "false"}
      {...props.attributes}
      {...(ready ? rendered.attributes : {})}
      aria-busy={!ready}
    >
      <div ref={containerRef} className="map-canvas" />
      {hover && hovered && hoveredArea ? (
        <div
          className="map-tooltip"
          style={{ left: hover.point.x, top: hover.point.y }}
          aria-hidden="true"
        >
          {props.tooltip(hoveredArea, values?.get(hoveredArea.code) ?? null)}
        </div>
      ) : null}
      {failed ? (
        <div className="map-fallback">
          <p className="map-fallback__message" role="alert">
            {t("map.webglError")}
          </p>
          {kelurahan ? (
            <AreaList
              areas={kelurahan.features}
              selectedCode={selectedCode}
              onSelect={props.onSelect}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
