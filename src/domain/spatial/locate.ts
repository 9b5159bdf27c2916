/**
 * Which kelurahan holds a point: a static R-tree (flatbush) of the polygons' bounding boxes,
 * then an exact point-in-polygon test (even-odd rule over every ring, so holes count).
 * Built once per boundary set; each look-up touches only the few candidate polygons.
 */
import Flatbush from "flatbush";
import { type AreaGeometry, bboxOf, type Position, polygonsOf } from "./geometry";

export interface LocatableArea {
  code: string;
  geometry: AreaGeometry;
}

/** True when the point is inside the ring (even-odd crossing test). */
function insideRing(ring: readonly Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies inside the polygon or multipolygon (holes excluded). */
export function pointInGeometry(geometry: AreaGeometry, point: Position): boolean {
  const [x, y] = point;
  for (const polygon of polygonsOf(geometry)) {
    let inside = false;
    for (const ring of polygon) if (insideRing(ring, x, y)) inside = !inside;
    if (inside) return true;
  }
  return false;
}

export interface AreaLocator {
  /** The code of the area containing the point, or null when none does. */
  locate(point: Position): string | null;
  size: number;
}

/** Build a locator over areas that do not overlap (a coverage such as the kelurahan). */
export function createLocator(areas: readonly LocatableArea[]): AreaLocator {
  const index = new Flatbush(Math.max(1, areas.length));
  for (const area of areas) {
    const [minX, minY, maxX, maxY] = bboxOf(area.geometry);
    index.add(minX, minY, maxX, maxY);
  }
  if (areas.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return {
    size: areas.length,
    locate(point) {
      const [x, y] = point;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
      for (const i of index.search(x, y, x, y)) {
        const area = areas[i];
        if (area && pointInGeometry(area.geometry, point)) return area.code;
      }
      return null;
    },
  };
}
