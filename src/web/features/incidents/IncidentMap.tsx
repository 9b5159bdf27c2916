import type { FeatureCollection, Geometry } from "geojson";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Bbox, type HoverInfo, type MapUiText, MapView } from "../../map";
import type { AreaCollection } from "../areas/areas.types";
import type { CityLayers } from "../areas/layers";
import { unionBbox } from "../risk/geometry";
import { densityCells, HOTSPOT_COLOURS } from "./hotspots";
import type { Clusters, Density, HotspotClass } from "./incidents.api";

const KELURAHAN = "incident-kelurahan";
const KECAMATAN = "incident-kecamatan";
const CONTEXT = "incident-context";
const HEAT = "incident-heat";
const CLUSTERS = "incident-clusters";

export interface LayerToggles {
  clusters: boolean;
  heat: boolean;
  hotspots: boolean;
}

interface IncidentMapProps {
  cityName: string;
  layers: CityLayers | null;
  context: AreaCollection | null;
  /** Gi* class per kelurahan code, or null while loading or when the layer is off. */
  hotspots: ReadonlyMap<string, HotspotClass> | null;
  density: Density | null;
  clusters: Clusters | null;
  toggles: LayerToggles;
  selectedCode: string | null;
  onSelectArea: (code: string) => void;
  onViewChange: (view: { bbox: Bbox; zoom: number }) => void;
}

/**
 * The incident map: kelurahan (filled by Gi* class when the hotspot layer is on), the heat
 * surface, and clusters or single incidents. `data-ready="true"` once what is asked for is drawn
 * and the map is idle; `data-drawn` says which layers that is.
 */
export function IncidentMap(props: IncidentMapProps) {
  const { t } = useTranslation();
  const { layers, context, hotspots, density, clusters, toggles, selectedCode } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const propsRef = useRef(props);
  const [view, setView] = useState<MapView | null>(null);
  const [failed, setFailed] = useState(false);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [drawn, setDrawn] = useState<string | null>(null);
  useEffect(() => {
    propsRef.current = props;
  });

  const uiText: MapUiText = {
    attribution: t("map.attribution"),
    mapLabel: t("incidents.map.ariaLabel", { city: props.cityName }),
    zoomIn: t("map.zoomIn"),
    zoomOut: t("map.zoomOut"),
    toggleAttribution: t("map.toggleAttribution"),
  };
  const uiTextRef = useRef(uiText);
  uiTextRef.current = uiText;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let created: MapView;
    try {
      created = new MapView({
        container,
        uiText: uiTextRef.current,
        labelMinZoom: 30,
        onHover: (info) => setHover(info),
        onSelect: (layerId, id) => {
          if (layerId === KELURAHAN) propsRef.current.onSelectArea(id);
        },
        onViewChange: (next) => propsRef.current.onViewChange(next),
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

  const kelurahan = layers?.kelurahan ?? null;
  useEffect(() => {
    const bbox = kelurahan ? (kelurahan.bbox ?? unionBbox(kelurahan.features)) : undefined;
    if (view && bbox) view.fitBounds(bbox);
  }, [view, kelurahan]);

  const heatCells = useMemo(() => densityCells(density), [density]);
  const areaData = useMemo(() => {
    if (!kelurahan) return null;
    return {
      type: "FeatureCollection" as const,
      features: kelurahan.features.map((feature) => ({
        ...feature,
        properties: { ...feature.properties, category: hotspots?.get(feature.id) ?? null },
      })),
    } as FeatureCollection<Geometry>;
  }, [kelurahan, hotspots]);

  const showHotspots = toggles.hotspots && hotspots !== null;
  const showHeat = toggles.heat && density !== null;
  const showClusters = toggles.clusters && clusters !== null;
  const wanted = JSON.stringify({
    hotspots: showHotspots,
    heat: showHeat,
    clusters: showClusters,
  });

  useEffect(() => {
    if (!view || !areaData) return;
    let current = true;
    setDrawn(null);
    const steps: Promise<void>[] = [
      view.setLayer(
        showHotspots
          ? {
              id: KELURAHAN,
              data: areaData,
              preset: "choropleth",
              order: 20,
              idProperty: "code",
              interactive: true,
              categories: {
                property: "category",
                colours: HOTSPOT_COLOURS,
                fallback: HOTSPOT_COLOURS.none,
              },
            }
          : {
              id: KELURAHAN,
              data: areaData,
              preset: "areas",
              order: 20,
              idProperty: "code",
              interactive: true,
            },
      ),
      layers?.kecamatan
        ? view.setLayer({ id: KECAMATAN, data: layers.kecamatan, preset: "outline", order: 35 })
        : view.removeLayer(KECAMATAN),
      showHeat
        ? view.setLayer({ id: HEAT, data: heatCells, preset: "heat", order: 30 })
        : view.removeLayer(HEAT),
      showClusters && clusters
        ? view.setLayer({
            id: CLUSTERS,
            data: clusters,
            preset: "clusters",
            order: 40,
            idProperty: "key",
            interactive: false,
          })
        : view.removeLayer(CLUSTERS),
    ];
    Promise.all(steps)
      .then(() => view.whenIdle())
      .then(() => {
        if (current) setDrawn(wanted);
      });
    return () => {
      current = false;
    };
  }, [view, areaData, layers, heatCells, clusters, showHotspots, showHeat, showClusters, wanted]);

  useEffect(() => {
    if (view && areaData) view.setSelected(KELURAHAN, selectedCode);
  }, [view, areaData, selectedCode]);

  const ready = !failed && drawn === wanted;
  const hoveredArea =
    hover?.layerId === KELURAHAN
      ? kelurahan?.features.find((f) => f.id === hover.id)?.properties
      : undefined;
  const hoveredClass = hoveredArea ? hotspots?.get(hoveredArea.code) : undefined;
  return (
    <div
      className="map-shell"
      data-testid="incident-map"
      data-ready={ready ? "true" : "false"}
      data-heat={showHeat ? "on" : "off"}
      data-hotspots={showHotspots ? "on" : "off"}
      data-clusters={showClusters ? "on" : "off"}
      data-heat-cells={String(heatCells.features.length)}
      data-cluster-count={String(clusters?.features.length ?? 0)}
      aria-busy={!ready}
    >
      <div ref={containerRef} className="map-canvas" />
      {hover && hoveredArea ? (
        <div
          className="map-tooltip"
          style={{ left: hover.point.x, top: hover.point.y }}
          aria-hidden="true"
        >
          <strong>{hoveredArea.name}</strong>
          {showHotspots && hoveredClass ? (
            <span>{t(`incidents.hotspots.class.${hoveredClass}`)}</span>
          ) : null}
        </div>
      ) : null}
      {failed ? (
        <div className="map-status map-status--error" role="alert">
          {t("incidents.map.webglError")}
        </div>
      ) : null}
    </div>
  );
}
