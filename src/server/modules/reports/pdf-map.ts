/**
 * A vector choropleth in a PDF: kelurahan polygons filled with the class colours of
 * domain/risk, class words in the legend (never colour alone), named locations as markers.
 * Equirectangular projection scaled by cos(latitude): exact enough at Jakarta's size.
 */

import type { RiskClass } from "../../../domain/risk/classes";
import { RISK_COLOURS, RISK_TEXT_COLOURS } from "../../../domain/risk/colours";
import { type Doc, INK, MUTED, safe } from "./pdf";

type Ring = number[][];
type Polygon = Ring[];

export const UNASSESSED_COLOUR = "#ffffff";
export const MARKER_COLOUR = "#d95f02";

export const CLASS_WORDS: Record<RiskClass, string> = {
  bahaya: "Bahaya",
  waspada: "Waspada",
  siaga: "Siaga",
  aman: "Aman",
};

/** Polygons of a GeoJSON Polygon or MultiPolygon (anything else: none). */
export function polygonsOf(geometry: unknown): Polygon[] {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return [];
  if (g.type === "Polygon") return [g.coordinates as Polygon];
  if (g.type === "MultiPolygon") return g.coordinates as Polygon[];
  return [];
}

/** A point to mark a geometry by: the point itself, or the middle of its extent. */
export function markerPoint(geometry: unknown): [number, number] | null {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g?.coordinates) return null;
  if (g.type === "Point") return g.coordinates as [number, number];
  const flat: number[][] = [];
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === "number") flat.push(c as number[]);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g.coordinates);
  if (flat.length === 0) return null;
  const lons = flat.map((p) => p[0]!);
  const lats = flat.map((p) => p[1]!);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

export interface MapShape {
  code: string;
  name: string;
  geometry: unknown;
  riskClass: RiskClass | null;
  labelLon: number | null;
  labelLat: number | null;
  /** Drawn with a heavy outline (the report's own kelurahan). */
  highlight?: boolean;
}

export interface MapMarker {
  name: string;
  geometry: unknown;
}

/** Draw the map in the box; returns the box actually used. */
export function drawMap(
  doc: Doc,
  box: { x: number; y: number; width: number; height: number },
  shapes: MapShape[],
  markers: MapMarker[],
  options: { labels?: boolean } = {},
) {
  const polygons = shapes.map((s) => polygonsOf(s.geometry));
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const shape of polygons)
    for (const polygon of shape)
      for (const ring of polygon)
        for (const [lon, lat] of ring) {
          if (lon! < minLon) minLon = lon!;
          if (lon! > maxLon) maxLon = lon!;
          if (lat! < minLat) minLat = lat!;
          if (lat! > maxLat) maxLat = lat!;
        }
  if (!Number.isFinite(minLon)) {
    doc
      .font("Helvetica")
      .fontSize(9)
      .fillColor(MUTED)
      .text("Batas wilayah tidak tersedia.", box.x, box.y + box.height / 2, {
        width: box.width,
        align: "center",
      });
    return box;
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min(box.width / spanX, box.height / spanY);
  const offsetX = box.x + (box.width - spanX * scale) / 2;
  const offsetY = box.y + (box.height - spanY * scale) / 2;
  const project = (lon: number, lat: number): [number, number] => [
    offsetX + (lon - minLon) * kx * scale,
    offsetY + (maxLat - lat) * scale,
  ];

  const tracePolygons = (shape: Polygon[]) => {
    for (const polygon of shape)
      for (const ring of polygon) {
        ring.forEach(([lon, lat], i) => {
          const [x, y] = project(lon!, lat!);
          if (i === 0) doc.moveTo(x, y);
          else doc.lineTo(x, y);
        });
        doc.closePath();
      }
  };

  shapes.forEach((shape, i) => {
    const fill = shape.riskClass ? RISK_COLOURS[shape.riskClass] : UNASSESSED_COLOUR;
    tracePolygons(polygons[i]!);
    doc.lineWidth(0.5).fillAndStroke(fill, "#6b6b78", "even-odd");
  });
  shapes.forEach((shape, i) => {
    if (!shape.highlight) return;
    tracePolygons(polygons[i]!);
    doc.lineWidth(2.2).strokeColor(INK).stroke();
  });

  if (options.labels !== false) {
    const size = shapes.length > 80 ? 0 : shapes.length > 30 ? 4.6 : 6.5;
    if (size > 0)
      for (const shape of shapes) {
        if (shape.labelLon === null || shape.labelLat === null) continue;
        const [x, y] = project(shape.labelLon, shape.labelLat);
        doc
          .font("Helvetica")
          .fontSize(size)
          .fillColor(shape.riskClass ? RISK_TEXT_COLOURS[shape.riskClass] : INK)
          .text(safe(shape.name), x - 40, y - size / 2, {
            width: 80,
            align: "center",
            lineBreak: false,
          });
      }
  }

  for (const marker of markers) {
    const point = markerPoint(marker.geometry);
    if (!point) continue;
    const [x, y] = project(point[0], point[1]);
    if (x < box.x || x > box.x + box.width || y < box.y || y > box.y + box.height) continue;
    doc.circle(x, y, 3.6).lineWidth(1).fillAndStroke(MARKER_COLOUR, "#ffffff");
    doc
      .font("Helvetica-Bold")
      .fontSize(6.5)
      .fillColor(INK)
      .text(safe(marker.name), x + 5, y - 3.5, { lineBreak: false });
  }
  return box;
}

/** Legend: one swatch per class with its word and count, then "not assessed" and markers. */
export function drawLegend(
  doc: Doc,
  x: number,
  y: number,
  counts: Record<RiskClass | "none", number>,
  withMarkers: boolean,
) {
  const entries: { fill: string; label: string }[] = [
    ...(Object.keys(CLASS_WORDS) as RiskClass[]).map((c) => ({
      fill: RISK_COLOURS[c],
      label: `${CLASS_WORDS[c]} (${counts[c]})`,
    })),
    { fill: UNASSESSED_COLOUR, label: `Belum dinilai (${counts.none})` },
  ];
  let cx = x;
  doc.font("Helvetica").fontSize(8.5);
  for (const entry of entries) {
    doc.rect(cx, y, 14, 10).lineWidth(0.5).fillAndStroke(entry.fill, "#6b6b78");
    doc.fillColor(INK).text(entry.label, cx + 18, y + 1, { lineBreak: false });
    cx += 18 + doc.widthOfString(entry.label) + 14;
  }
  if (withMarkers) {
    doc
      .circle(cx + 5, y + 5, 3.6)
      .lineWidth(1)
      .fillAndStroke(MARKER_COLOUR, "#ffffff");
    doc.fillColor(INK).text("Lokasi bernama", cx + 13, y + 1, { lineBreak: false });
  }
}
