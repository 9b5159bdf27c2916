/**
 * Builds the reference area records (province, cities, kecamatan, kelurahan) from the
 * shipped code list and boundary files. Pure: the caller reads the files.
 */
import {
  type AreaGeometry,
  areaKm2,
  type BBox,
  bboxOf,
  centroidOf,
  labelPoint,
  type Position,
  toMultiPolygon,
} from "../spatial/geometry";
import {
  type AreaLevel,
  codeDepth,
  isAreaCode,
  isAreaLevel,
  levelDepth,
  parentCode,
} from "./codes";

/** One row of `wilayah.csv`: `code,level,name,parent_code`. */
export interface WilayahRow {
  code: string;
  level: string;
  name: string;
  parent_code: string;
}

export interface BoundaryFeature {
  properties: { code: string } & Record<string, unknown>;
  geometry: AreaGeometry;
}

export interface BoundaryCollection {
  features: BoundaryFeature[];
}

/** A reference area ready to store. */
export interface AreaRecord {
  code: string;
  level: AreaLevel;
  name: string;
  parentCode: string | null;
  geometry: AreaGeometry | null;
  bbox: BBox | null;
  centroid: Position | null;
  labelPoint: Position | null;
  areaKm2: number | null;
}

export class ReferenceDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Reference area data is inconsistent:\n- ${problems.join("\n- ")}`);
    this.name = "ReferenceDataError";
  }
}

/**
 * Join the code list with the boundaries. Every kelurahan, kecamatan and city row must have
 * a boundary; the province gets the union of its cities' boundaries. Throws
 * {@link ReferenceDataError} listing every problem found.
 */
export function buildReferenceAreas(
  rows: readonly WilayahRow[],
  boundaries: readonly BoundaryCollection[],
): AreaRecord[] {
  const problems: string[] = [];
  const geometryByCode = new Map<string, AreaGeometry>();
  for (const collection of boundaries) {
    for (const feature of collection.features) {
      geometryByCode.set(feature.properties.code, feature.geometry);
    }
  }
  const codes = new Set(rows.map((row) => row.code));
  for (const code of geometryByCode.keys()) {
    if (!codes.has(code)) problems.push(`boundary ${code} has no row in the code list`);
  }

  const records: AreaRecord[] = [];
  for (const row of rows) {
    const where = `row ${row.code || "(empty code)"}`;
    if (!isAreaCode(row.code)) problems.push(`${where}: malformed code`);
    if (!isAreaLevel(row.level)) {
      problems.push(`${where}: unknown level "${row.level}"`);
      continue;
    }
    if (levelDepth(row.level) !== codeDepth(row.code)) {
      problems.push(`${where}: level ${row.level} does not match the code`);
    }
    const parent = row.parent_code === "" ? null : row.parent_code;
    if (parent !== parentCode(row.code))
      problems.push(`${where}: parent ${parent} is not its prefix`);
    if (parent !== null && !codes.has(parent))
      problems.push(`${where}: parent ${parent} is unknown`);
    if (row.name.trim() === "") problems.push(`${where}: empty name`);
    records.push({
      code: row.code,
      level: row.level,
      name: row.name,
      parentCode: parent,
      geometry: geometryByCode.get(row.code) ?? null,
      bbox: null,
      centroid: null,
      labelPoint: null,
      areaKm2: null,
    });
  }

  const provinceChildren = records.filter((r) => r.level === "kota" || r.level === "kabupaten");
  for (const record of records) {
    if (record.level === "provinsi" && record.geometry === null) {
      const parts = provinceChildren.filter((c) => c.parentCode === record.code);
      const geometries = parts.flatMap((c) => (c.geometry ? [c.geometry] : []));
      if (geometries.length > 0 && geometries.length === parts.length) {
        record.geometry = toMultiPolygon(geometries);
      }
    }
    if (record.geometry === null) {
      if (record.level !== "provinsi") problems.push(`area ${record.code} has no boundary`);
      continue;
    }
    record.bbox = bboxOf(record.geometry);
    record.centroid = centroidOf(record.geometry);
    record.labelPoint = labelPoint(record.geometry);
    record.areaKm2 = areaKm2(record.geometry);
  }

  if (problems.length > 0) throw new ReferenceDataError(problems);
  return records;
}
