import * as maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { LabelOverlay } from "./labels";
import { HATCH_IMAGE, hatchImage, hitLayerIds, palette, presetLayers } from "./presets";
import type { Bbox, GeoJsonLayer, HoverInfo, LabelSpec, MapUiText, MapViewOptions } from "./types";

// The worker is served as a same-origin file: the CSP allows no blob: scripts from elsewhere.
maplibregl.setWorkerUrl(workerUrl);

/** MapLibre skips features without geometry, so collections may contain them. */
type GeoJsonData = Parameters<maplibregl.GeoJSONSource["setData"]>[0];

type StyleDefinition = Exclude<maplibregl.MapOptions["style"], string | undefined>;

interface FeatureRef {
  source: string;
  id: string;
}

/** A style with a plain background only: no tiles, glyphs or sprites are fetched. */
function baseStyle(backgroundColor: string): StyleDefinition {
  return {
    version: 8,
    sources: {},
    layers: [
      { id: "background", type: "background", paint: { "background-color": backgroundColor } },
    ],
  };
}

/** What decides a layer's MapLibre layers: the same key means only the data needs replacing. */
function styleKey(layer: GeoJsonLayer): string {
  return JSON.stringify([layer.preset, layer.idProperty ?? null, layer.categories ?? null]);
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

/**
 * The application's only door to MapLibre: a map with a small registry of GeoJSON layers
 * (added or replaced by id and drawn in `order`), HTML label overlays, hover and selection
 * state, and helpers the page and tests use to know when the map has finished drawing.
 */
export class MapView {
  private readonly map: maplibregl.Map;
  private readonly registry = new Map<string, GeoJsonLayer>();
  private readonly labels: LabelOverlay;
  private readonly pending: Array<() => void> = [];
  private styleLoaded = false;
  private destroyed = false;
  private labelLayerId: string | null = null;
  private hovered: FeatureRef | null = null;
  private selected: FeatureRef | null = null;
  private navigation: maplibregl.NavigationControl | null = null;
  private attribution: maplibregl.AttributionControl | null = null;

  /** Creates the map; throws when the browser cannot run MapLibre (no WebGL2). */
  constructor(private readonly options: MapViewOptions) {
    this.map = new maplibregl.Map({
      container: options.container,
      style: baseStyle(options.backgroundColor ?? palette.background),
      center: options.center ?? [106.83, -6.2],
      zoom: options.zoom ?? 10,
      minZoom: 7,
      maxZoom: 18,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      renderWorldCopies: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.labels = new LabelOverlay(this.map, {
      minZoom: options.labelMinZoom ?? 10,
      onSelect: (id) => this.selectFromLabel(id),
      onHover: (id) =>
        this.setHover(id && this.labelLayerId ? { source: this.labelLayerId, id } : null),
    });
    this.setUiText(options.uiText);
    this.map.on("load", () => {
      this.map.addImage(HATCH_IMAGE, hatchImage());
      this.styleLoaded = true;
      for (const run of this.pending.splice(0)) run();
    });
    this.map.on("mousemove", this.handleMouseMove);
    this.map.on("mouseout", this.handleMouseOut);
    this.map.on("click", this.handleClick);
    this.map.on("moveend", this.handleMoveEnd);
  }

  /** The visible box and zoom (what {@link MapViewOptions.onViewChange} reports). */
  currentView(): { bbox: Bbox; zoom: number } {
    const b = this.map.getBounds();
    return {
      bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      zoom: this.map.getZoom(),
    };
  }

  /** Adds a GeoJSON layer, or replaces the data of the layer with the same id. */
  async setLayer(layer: GeoJsonLayer): Promise<void> {
    await this.whenStyleLoaded();
    if (this.destroyed) return;
    const previous = this.registry.get(layer.id);
    const source = this.map.getSource<maplibregl.GeoJSONSource>(layer.id);
    if (previous && source && styleKey(previous) === styleKey(layer)) {
      this.registry.set(layer.id, layer);
      this.map.removeFeatureState({ source: layer.id });
      await source.setData(layer.data as GeoJsonData);
      return;
    }
    if (previous) this.removeNow(layer.id);
    this.map.addSource(layer.id, {
      type: "geojson",
      data: layer.data as GeoJsonData,
      ...(layer.idProperty ? { promoteId: layer.idProperty } : {}),
    });
    const beforeId = this.firstStyleLayerAbove(layer.order);
    for (const definition of presetLayers(layer)) {
      this.map.addLayer(definition, beforeId);
    }
    this.registry.set(layer.id, layer);
  }

  /** Removes a layer from the map and the registry (no-op when absent). */
  async removeLayer(id: string): Promise<void> {
    await this.whenStyleLoaded();
    if (!this.destroyed) this.removeNow(id);
  }

  /** Replaces the label overlay; labels belong to the features of layer `layerId`. */
  setLabels(layerId: string, labels: readonly LabelSpec[]): void {
    this.labelLayerId = layerId;
    this.labels.set(labels);
  }

  /**
   * Moves the camera so the bounding box fills the map. Labels stay visible down to one zoom
   * level below this view (or `labelMinZoom`, whichever is lower), so a spread-out area such as
   * the Thousand Islands keeps its labels.
   */
  fitBounds(bbox: Bbox): void {
    const { clientWidth, clientHeight } = this.map.getContainer();
    const padding = Math.max(8, Math.min(40, Math.floor(Math.min(clientWidth, clientHeight) / 10)));
    const bounds: [[number, number], [number, number]] = [
      [bbox[0], bbox[1]],
      [bbox[2], bbox[3]],
    ];
    const target = this.map.cameraForBounds(bounds, { padding, maxZoom: 16 })?.zoom;
    const configured = this.options.labelMinZoom ?? 10;
    this.labels.setMinZoom(target === undefined ? configured : Math.min(configured, target - 1));
    this.map.fitBounds(bounds, {
      padding,
      maxZoom: 16,
      duration: prefersReducedMotion() ? 0 : 500,
    });
  }

  /** Highlights one feature as selected (or clears the selection). */
  setSelected(layerId: string, id: string | null): void {
    this.setFeatureFlag(this.selected, "selected", false);
    this.selected = id ? { source: layerId, id } : null;
    this.setFeatureFlag(this.selected, "selected", true);
    if (layerId === this.labelLayerId) this.labels.setSelected(id);
  }

  /** Resolves when the style and all sources are loaded and the camera is still. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.destroyed) return;
        if (this.styleLoaded && this.map.loaded() && !this.map.isMoving()) resolve();
        else this.map.once("idle", check);
      };
      this.map.once("idle", check);
      this.map.triggerRepaint();
    });
  }

  /** Number of distinct values of `property` among the features MapLibre holds for a layer. */
  countDistinct(layerId: string, property: string): number {
    return this.distinctValues(layerId, property).length;
  }

  /** The distinct values of `property` among the features MapLibre holds for a layer. */
  distinctValues(layerId: string, property: string): string[] {
    if (!this.map.getSource(layerId)) return [];
    const values = new Set<string>();
    for (const feature of this.map.querySourceFeatures(layerId)) {
      const value = feature.properties?.[property] ?? feature.id;
      if (value !== undefined && value !== null) values.add(String(value));
    }
    return [...values];
  }

  /** Updates the texts of the map's own controls (zoom buttons, attribution, canvas label). */
  setUiText(text: MapUiText): void {
    // MapLibre reads control strings when a control is added and has no setter for them, so
    // patch its string table and add the controls again.
    this.map._locale = {
      ...this.map._locale,
      "NavigationControl.ZoomIn": text.zoomIn,
      "NavigationControl.ZoomOut": text.zoomOut,
      "AttributionControl.ToggleAttribution": text.toggleAttribution,
      "Map.Title": text.mapLabel,
    };
    if (this.navigation) this.map.removeControl(this.navigation);
    if (this.attribution) this.map.removeControl(this.attribution);
    this.navigation = new maplibregl.NavigationControl({ showCompass: false });
    this.attribution = new maplibregl.AttributionControl({ customAttribution: text.attribution });
    this.map.addControl(this.navigation, "top-left");
    this.map.addControl(this.attribution, "bottom-right");
    this.map.getCanvas().setAttribute("aria-label", text.mapLabel);
  }

  /** Releases the map, its WebGL context and the labels. */
  destroy(): void {
    this.destroyed = true;
    this.labels.destroy();
    this.map.remove();
  }

  private whenStyleLoaded(): Promise<void> {
    if (this.styleLoaded) return Promise.resolve();
    return new Promise((resolve) => this.pending.push(resolve));
  }

  private removeNow(id: string): void {
    const layer = this.registry.get(id);
    if (!layer) return;
    for (const definition of presetLayers(layer)) {
      if (this.map.getLayer(definition.id)) this.map.removeLayer(definition.id);
    }
    if (this.map.getSource(id)) this.map.removeSource(id);
    this.registry.delete(id);
    if (this.hovered?.source === id) this.hovered = null;
    if (this.selected?.source === id) this.selected = null;
  }

  /** The first style layer of the lowest registry entry drawn above `order`. */
  private firstStyleLayerAbove(order: number): string | undefined {
    const above = [...this.registry.values()]
      .filter((entry) => entry.order > order)
      .sort((a, b) => a.order - b.order);
    for (const entry of above) {
      const first = presetLayers(entry)[0];
      if (first && this.map.getLayer(first.id)) return first.id;
    }
    return undefined;
  }

  private setFeatureFlag(ref: FeatureRef | null, key: string, value: boolean): void {
    if (!ref || !this.map.getSource(ref.source)) return;
    this.map.setFeatureState({ source: ref.source, id: ref.id }, { [key]: value });
  }

  private setHover(ref: FeatureRef | null): void {
    if (ref?.source === this.hovered?.source && ref?.id === this.hovered?.id) return;
    this.setFeatureFlag(this.hovered, "hover", false);
    this.hovered = ref;
    this.setFeatureFlag(this.hovered, "hover", true);
  }

  /** The topmost interactive feature under a pixel. */
  private featureAt(point: maplibregl.PointLike): Omit<HoverInfo, "point"> | null {
    const layers = [...this.registry.values()]
      .filter((entry) => entry.interactive)
      .flatMap(hitLayerIds)
      .filter((id) => this.map.getLayer(id));
    if (layers.length === 0) return null;
    const [feature] = this.map.queryRenderedFeatures(point, { layers });
    if (!feature || feature.id === undefined) return null;
    return {
      layerId: feature.source,
      id: String(feature.id),
      properties: feature.properties ?? {},
    };
  }

  private readonly handleMouseMove = (event: maplibregl.MapMouseEvent): void => {
    // Pointer over a label: the label itself handles hover.
    if (event.originalEvent.target !== this.map.getCanvas()) return;
    const hit = this.featureAt(event.point);
    this.setHover(hit ? { source: hit.layerId, id: hit.id } : null);
    this.map.getCanvas().style.cursor = hit ? "pointer" : "";
    this.options.onHover?.(hit ? { ...hit, point: { x: event.point.x, y: event.point.y } } : null);
  };

  private readonly handleMouseOut = (): void => {
    this.setHover(null);
    this.map.getCanvas().style.cursor = "";
    this.options.onHover?.(null);
  };

  private readonly handleClick = (event: maplibregl.MapMouseEvent): void => {
    const hit = this.featureAt(event.point);
    if (hit) this.options.onSelect?.(hit.layerId, hit.id);
    else this.options.onMapClick?.([event.lngLat.lng, event.lngLat.lat]);
  };

  private readonly handleMoveEnd = (): void => {
    this.options.onViewChange?.(this.currentView());
  };

  private selectFromLabel(id: string): void {
    if (this.labelLayerId) this.options.onSelect?.(this.labelLayerId, id);
  }
}
