import * as maplibregl from "maplibre-gl";
import type { LabelSpec } from "./types";
import "./labels.css";

/** Gap kept between label boxes, in pixels. */
const MARGIN = 2;
/** Half the size of the dot a crowded label collapses to, in pixels. */
const DOT_RADIUS = 6;
/** Gap between the dot and the text box of a side-placed label, in pixels (see CSS). */
const SIDE_GAP = 4;

/** How a label is drawn: text centred on its point, text beside a dot, or a dot only. */
type Placement = "center" | "right" | "left" | "dot";
const PLACEMENT_CLASSES: Record<Placement, string | null> = {
  center: null,
  right: "map-label--right",
  left: "map-label--left",
  dot: "map-label--dot",
};

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Label {
  spec: LabelSpec;
  element: HTMLButtonElement;
  marker: maplibregl.Marker;
  /** Size with centred text. */
  width: number;
  height: number;
  /** Width of the dot, the gap and the text box together, when the text sits beside the dot. */
  sideWidth: number;
  placement: Placement;
}

/** Callbacks of a {@link LabelOverlay}. */
export interface LabelOverlayOptions {
  minZoom: number;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
}

function dotBox(anchor: { x: number; y: number }): Box {
  return {
    x1: anchor.x - DOT_RADIUS,
    y1: anchor.y - DOT_RADIUS,
    x2: anchor.x + DOT_RADIUS,
    y2: anchor.y + DOT_RADIUS,
  };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * HTML labels as MapLibre markers (no glyph server needed). Each label is a focusable button.
 * When labels would overlap, the less important ones collapse to a small dot that keeps its
 * accessible name, so every area stays reachable by pointer and keyboard and no text covers
 * another label.
 */
export class LabelOverlay {
  private readonly labels = new Map<string, Label>();
  private selectedId: string | null = null;
  private minZoom: number;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly options: LabelOverlayOptions,
  ) {
    this.minZoom = options.minZoom;
    map.on("zoom", this.updateZoomClass);
    map.on("moveend", this.layout);
    map.on("resize", this.layout);
    this.updateZoomClass();
  }

  /** Replaces all labels. */
  set(specs: readonly LabelSpec[]): void {
    this.clear();
    for (const spec of specs) {
      const element = this.createElement(spec);
      const marker = new maplibregl.Marker({ element, anchor: "center" })
        .setLngLat(spec.lngLat)
        .addTo(this.map);
      this.labels.set(spec.id, {
        spec,
        element,
        marker,
        width: 0,
        height: 0,
        sideWidth: 0,
        placement: "center",
      });
    }
    // Measure after all labels are in the DOM, in one layout pass. A side-placed label shows
    // the same text box beside a dot, so its width follows from the centred one.
    for (const label of this.labels.values()) {
      label.width = label.element.offsetWidth;
      label.height = label.element.offsetHeight;
      label.sideWidth = 2 * DOT_RADIUS + SIDE_GAP + label.width;
    }
    this.applySelected();
    this.layout();
  }

  /** Changes the zoom below which labels are hidden. */
  setMinZoom(zoom: number): void {
    this.minZoom = zoom;
    this.updateZoomClass();
  }

  /** Marks one label as the selected one (or none). */
  setSelected(id: string | null): void {
    this.selectedId = id;
    this.applySelected();
    this.layout();
  }

  /** Removes all labels. */
  clear(): void {
    for (const label of this.labels.values()) label.marker.remove();
    this.labels.clear();
  }

  /** Removes the labels and stops listening to the map. */
  destroy(): void {
    this.clear();
    this.map.off("zoom", this.updateZoomClass);
    this.map.off("moveend", this.layout);
    this.map.off("resize", this.layout);
  }

  private createElement(spec: LabelSpec): HTMLButtonElement {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "map-label";
    element.setAttribute("aria-label", spec.ariaLabel);
    for (const [name, value] of Object.entries(spec.attributes ?? {})) {
      element.setAttribute(name, value);
    }
    // The body (tag and text) is the whole button when centred; beside a dot it is drawn
    // outside the button, which stays a dot centred on the point (see labels.css).
    const body = document.createElement("span");
    body.className = "map-label__body";
    if (spec.badge) {
      const badge = document.createElement("span");
      badge.className = "map-label__badge";
      badge.textContent = spec.badge.text;
      badge.setAttribute("aria-hidden", "true");
      // A label collapsed to a dot keeps the badge colour (the name stays in its aria-label).
      element.style.setProperty("--badge-bg", spec.badge.background);
      element.style.setProperty("--badge-fg", spec.badge.color);
      body.append(badge);
    }
    const text = document.createElement("span");
    text.className = "map-label__text";
    text.textContent = spec.text;
    body.append(text);
    element.append(body);
    element.addEventListener("click", (event) => {
      // Keep the click from also reaching the map (which would select the polygon below).
      event.stopPropagation();
      this.options.onSelect(spec.id);
    });
    element.addEventListener("mouseenter", () => this.options.onHover(spec.id));
    element.addEventListener("mouseleave", () => this.options.onHover(null));
    element.addEventListener("focus", () => this.options.onHover(spec.id));
    element.addEventListener("blur", () => this.options.onHover(null));
    return element;
  }

  private applySelected(): void {
    for (const label of this.labels.values()) {
      const isSelected = label.spec.id === this.selectedId;
      label.element.classList.toggle("is-selected", isSelected);
      if (isSelected) label.element.setAttribute("aria-current", "true");
      else label.element.removeAttribute("aria-current");
    }
  }

  private readonly updateZoomClass = (): void => {
    const hidden = this.map.getZoom() < this.minZoom;
    this.map.getContainer().classList.toggle("map-labels-hidden", hidden);
  };

  /** Where a label would sit for a placement, in container pixels. */
  private boxFor(label: Label, anchor: maplibregl.Point, placement: Placement): Box {
    const { width, height, sideWidth } = label;
    const top = anchor.y - height / 2 - MARGIN;
    const bottom = anchor.y + height / 2 + MARGIN;
    switch (placement) {
      case "center":
        return {
          x1: anchor.x - width / 2 - MARGIN,
          y1: top,
          x2: anchor.x + width / 2 + MARGIN,
          y2: bottom,
        };
      case "right":
        return {
          x1: anchor.x - DOT_RADIUS - MARGIN,
          y1: top,
          x2: anchor.x - DOT_RADIUS + sideWidth + MARGIN,
          y2: bottom,
        };
      case "left":
        return {
          x1: anchor.x + DOT_RADIUS - sideWidth - MARGIN,
          y1: top,
          x2: anchor.x + DOT_RADIUS + MARGIN,
          y2: bottom,
        };
      case "dot":
        return dotBox(anchor);
    }
  }

  private applyPlacement(label: Label, placement: Placement): void {
    if (label.placement === placement) return;
    const previous = PLACEMENT_CLASSES[label.placement];
    const next = PLACEMENT_CLASSES[placement];
    if (previous) label.element.classList.remove(previous);
    if (next) label.element.classList.add(next);
    label.placement = placement;
  }

  /**
   * Greedy placement in priority order: each label takes the first of centred text, text to
   * the right, text to the left that stays inside the map, overlaps no label placed before it
   * and covers no other label's point; otherwise it becomes a dot. No text ever hides another label's dot.
   */
  private readonly layout = (): void => {
    const ordered = [...this.labels.values()].sort(
      (a, b) =>
        Number(b.spec.id === this.selectedId) - Number(a.spec.id === this.selectedId) ||
        b.spec.priority - a.spec.priority ||
        a.spec.id.localeCompare(b.spec.id),
    );
    const anchors = ordered.map((label) => this.map.project(label.spec.lngLat));
    const dots = anchors.map(dotBox);
    const { clientWidth, clientHeight } = this.map.getContainer();
    const inView = (box: Box): boolean =>
      box.x1 >= 0 && box.y1 >= 0 && box.x2 <= clientWidth && box.y2 <= clientHeight;
    const placed: Box[] = [];
    ordered.forEach((label, index) => {
      const anchor = anchors[index]!;
      const candidates: Placement[] = ["center", "right", "left"];
      const placement =
        candidates.find((candidate) => {
          const box = this.boxFor(label, anchor, candidate);
          return (
            inView(box) &&
            !placed.some((other) => overlaps(box, other)) &&
            !dots.some((dot, j) => j !== index && overlaps(box, dot))
          );
        }) ?? "dot";
      this.applyPlacement(label, placement);
      placed.push(this.boxFor(label, anchor, placement));
    });
  };
}
