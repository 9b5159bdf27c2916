/**
 * Validation of incident records from a form or an import file. Pure and total: any input
 * gives a record or a list of problems by column, never an exception. No personal data:
 * columns that look like names or identity numbers are refused, and so are notes that
 * contain a 16-digit NIK.
 */
import { latLngToCell } from "h3-js";
import type { Position } from "../spatial/geometry";
import {
  INCIDENT_H3_RESOLUTIONS,
  INCIDENT_SOURCES,
  type IncidentSource,
  LOCATION_PRECISIONS,
  type LocationPrecision,
  QUANTITY_UNITS,
} from "./catalogue";

export type IncidentProblemCode =
  | "FORBIDDEN_COLUMN"
  | "UNKNOWN_COLUMN"
  | "MISSING_COLUMN"
  | "MISSING_VALUE"
  | "BAD_DATE"
  | "BAD_TIME"
  | "BAD_NUMBER"
  | "BAD_COORDINATES"
  | "OUTSIDE_DKI"
  | "UNKNOWN_AREA"
  | "UNKNOWN_TYPE"
  | "UNKNOWN_SOURCE"
  | "UNKNOWN_PRECISION"
  | "UNKNOWN_UNIT"
  | "PERSONAL_DATA"
  | "DUPLICATE_REFERENCE"
  | "TOO_LONG"
  | "OUT_OF_SCOPE";

export interface IncidentProblem {
  row: number;
  column: string;
  code: IncidentProblemCode;
}

export interface IncidentRecord {
  /** Row of the file it came from (1 for a form). */
  row: number;
  externalRef: string | null;
  occurredOn: string;
  occurredTime: string | null;
  type: string;
  point: Position | null;
  precision: LocationPrecision;
  kelurahanCode: string;
  h3: Record<number, string> | null;
  persons: number;
  arrests: number;
  substance: string;
  quantity: number | null;
  unit: string | null;
  source: IncidentSource;
  sourceRef: string;
  notes: string;
}

export const INCIDENT_COLUMNS = [
  "external_ref",
  "date",
  "time",
  "type",
  "lon",
  "lat",
  "kelurahan_code",
  "precision",
  "persons",
  "arrests",
  "substance",
  "quantity",
  "unit",
  "source",
  "source_ref",
  "notes",
] as const;

/** Column names that suggest personal data (names, identity numbers, people involved). */
const FORBIDDEN =
  /(^|_)(nama|name|nik|ktp|kk|identitas|identity|tersangka|pelaku|suspect|alamat|address|phone|telepon|hp)(_|$)/i;
const NIK = /(^|\D)\d{16}(\D|$)/;
const MAX_TEXT = 2000;

export interface IncidentContext {
  types: ReadonlySet<string>;
  kelurahan: ReadonlySet<string>;
  /** The kelurahan holding a point, or null when it lies outside DKI. */
  locate(point: Position): string | null;
}

/** Problems with a header: forbidden (personal) columns, unknown ones, missing required ones. */
export function headerProblems(header: readonly string[]): IncidentProblem[] {
  const problems: IncidentProblem[] = [];
  for (const column of header) {
    if (FORBIDDEN.test(column)) problems.push({ row: 1, column, code: "FORBIDDEN_COLUMN" });
    else if (column !== "" && !(INCIDENT_COLUMNS as readonly string[]).includes(column))
      problems.push({ row: 1, column, code: "UNKNOWN_COLUMN" });
  }
  for (const required of ["date", "type", "source"]) {
    if (!header.includes(required))
      problems.push({ row: 1, column: required, code: "MISSING_COLUMN" });
  }
  if (!header.includes("kelurahan_code") && !(header.includes("lon") && header.includes("lat"))) {
    problems.push({ row: 1, column: "lon", code: "MISSING_COLUMN" });
  }
  return problems;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && value >= "1990-01-01"
  );
}

/** Validate one record (row number as in the file: 2 is the first data row). */
export function parseIncident(
  raw: Readonly<Record<string, unknown>>,
  row: number,
  context: IncidentContext,
  today: string,
): { record: IncidentRecord | null; problems: IncidentProblem[] } {
  const problems: IncidentProblem[] = [];
  const cell = (c: string) =>
    raw[c] === undefined || raw[c] === null ? "" : String(raw[c]).trim();
  const bad = (column: string, code: IncidentProblemCode) => problems.push({ row, column, code });
  const count = (c: string) => {
    const v = cell(c);
    if (v === "") return 0;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 100_000) bad(c, "BAD_NUMBER");
    return n;
  };

  const date = cell("date");
  if (date === "") bad("date", "MISSING_VALUE");
  else if (!isIsoDate(date) || date > today) bad("date", "BAD_DATE");
  const time = cell("time");
  if (time !== "" && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) bad("time", "BAD_TIME");
  const type = cell("type");
  if (type === "") bad("type", "MISSING_VALUE");
  else if (!context.types.has(type)) bad("type", "UNKNOWN_TYPE");
  const source = cell("source");
  if (source === "") bad("source", "MISSING_VALUE");
  else if (!(INCIDENT_SOURCES as readonly string[]).includes(source))
    bad("source", "UNKNOWN_SOURCE");

  let point: Position | null = null;
  let kelurahan = cell("kelurahan_code");
  const lon = cell("lon");
  const lat = cell("lat");
  if (lon !== "" || lat !== "") {
    const x = Number(lon);
    const y = Number(lat);
    if (
      lon === "" ||
      lat === "" ||
      !Number.isFinite(x) ||
      !Number.isFinite(y) ||
      Math.abs(x) > 180 ||
      Math.abs(y) > 90
    ) {
      bad(
        lon === "" || !Number.isFinite(x) || Math.abs(x) > 180 ? "lon" : "lat",
        "BAD_COORDINATES",
      );
    } else {
      point = [x, y];
      const found = context.locate(point);
      if (!found) bad("lon", "OUTSIDE_DKI");
      else if (kelurahan !== "" && kelurahan !== found) bad("kelurahan_code", "UNKNOWN_AREA");
      else kelurahan = found;
    }
  } else if (kelurahan === "") bad("kelurahan_code", "MISSING_VALUE");
  else if (!context.kelurahan.has(kelurahan)) bad("kelurahan_code", "UNKNOWN_AREA");

  const precisionText = cell("precision") || (point ? "exact" : "kelurahan");
  if (!(LOCATION_PRECISIONS as readonly string[]).includes(precisionText))
    bad("precision", "UNKNOWN_PRECISION");
  const persons = count("persons");
  const arrests = count("arrests");
  const quantityText = cell("quantity");
  const quantity = quantityText === "" ? null : Number(quantityText.replace(",", "."));
  if (quantity !== null && !(Number.isFinite(quantity) && quantity >= 0))
    bad("quantity", "BAD_NUMBER");
  const unit = cell("unit");
  if (unit !== "" && !(QUANTITY_UNITS as readonly string[]).includes(unit))
    bad("unit", "UNKNOWN_UNIT");
  for (const c of ["notes", "substance", "source_ref", "external_ref"]) {
    const v = cell(c);
    if (v.length > MAX_TEXT) bad(c, "TOO_LONG");
    else if (NIK.test(v)) bad(c, "PERSONAL_DATA");
  }
  if (problems.length > 0) return { record: null, problems };
  return {
    record: {
      row,
      externalRef: cell("external_ref") || null,
      occurredOn: date,
      occurredTime: time || null,
      type,
      point,
      precision: precisionText as LocationPrecision,
      kelurahanCode: kelurahan,
      h3: point
        ? Object.fromEntries(
            INCIDENT_H3_RESOLUTIONS.map((r) => [r, latLngToCell(point![1], point![0], r)]),
          )
        : null,
      persons,
      arrests,
      substance: cell("substance"),
      quantity,
      unit: unit || null,
      source: source as IncidentSource,
      sourceRef: cell("source_ref"),
      notes: cell("notes"),
    },
    problems,
  };
}

/** Validate a whole file: header first, then every row; duplicate references are problems. */
export function parseIncidentRows(
  header: readonly string[],
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  context: IncidentContext,
  today: string,
): { records: IncidentRecord[]; problems: IncidentProblem[] } {
  const problems = headerProblems(header);
  if (problems.length > 0) return { records: [], problems };
  const records: IncidentRecord[] = [];
  const refs = new Set<string>();
  rows.forEach((raw, index) => {
    const row = index + 2;
    if (Object.values(raw).every((v) => v === null || v === undefined || String(v).trim() === ""))
      return;
    const parsed = parseIncident(raw, row, context, today);
    problems.push(...parsed.problems);
    const ref = parsed.record?.externalRef;
    if (ref) {
      if (refs.has(ref)) {
        problems.push({ row, column: "external_ref", code: "DUPLICATE_REFERENCE" });
        return;
      }
      refs.add(ref);
    }
    if (parsed.record) records.push(parsed.record);
  });
  return { records: problems.length === 0 ? records : [], problems };
}
