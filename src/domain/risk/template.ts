/**
 * The assessment import template: one row per kelurahan (or named location in it), one
 * column per active indicator with ya/tidak, optional evidence columns. Parsing is pure and
 * total: any input yields rows and a list of problems, never an exception.
 */
import { isAreaCode } from "../areas/codes";
import type { Indicator } from "./indicators";

export const AREA_COLUMN = "kode_wilayah";
export const LOCATION_COLUMN = "lokasi";
export const NOTES_COLUMN = "catatan";
export const SOURCE_COLUMN = "sumber";
export const EVIDENCE_PREFIX = "bukti_";

export type ImportProblemCode =
  | "MISSING_COLUMN"
  | "UNKNOWN_COLUMN"
  | "UNKNOWN_AREA"
  | "UNKNOWN_LOCATION"
  | "BAD_VALUE"
  | "MISSING_VALUE"
  | "DUPLICATE_ROW"
  | "EMPTY_FILE"
  | "TOO_LONG"
  | "NOT_EDITABLE";

export interface ImportProblem {
  /** Spreadsheet row number: 1 is the header, data starts at 2. */
  row: number;
  column: string;
  code: ImportProblemCode;
}

export interface AssessmentImportRow {
  row: number;
  areaCode: string;
  /** Name of a named location inside the kelurahan, or null for the kelurahan itself. */
  location: string | null;
  present: Record<string, boolean>;
  evidence: Record<string, string>;
  notes: string;
  source: string;
}

export interface TemplateContext {
  indicators: readonly Indicator[];
  /** Kelurahan codes this round may assess. */
  areas: ReadonlySet<string>;
  /** Lower-cased names (and aliases) of named locations per kelurahan code. */
  locations: ReadonlyMap<string, ReadonlySet<string>>;
}

const YES = new Set(["ya", "y", "yes", "1", "true", "ada", "benar"]);
const NO = new Set(["tidak", "t", "no", "n", "0", "false", "tidak ada", "salah"]);
const MAX_TEXT = 2000;
export const MAX_IMPORT_ROWS = 5000;

/** Header of the template for a catalogue: area, location, each active indicator, evidence. */
export function templateHeader(indicators: readonly Indicator[]): string[] {
  const active = indicators.filter((i) => !i.retired).map((i) => i.code);
  return [
    AREA_COLUMN,
    LOCATION_COLUMN,
    ...active,
    NOTES_COLUMN,
    SOURCE_COLUMN,
    ...active.map((c) => `${EVIDENCE_PREFIX}${c}`),
  ];
}

/** Parse a yes/no cell; undefined when it is neither. */
export function parseYesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

/** Validate and convert the rows of an import file (header given separately). */
export function parseAssessmentRows(
  header: readonly string[],
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  context: TemplateContext,
): { rows: AssessmentImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const columns = header.map((h) => String(h ?? "").trim());
  const active = context.indicators.filter((i) => !i.retired).map((i) => i.code);
  const allowed = new Set([
    AREA_COLUMN,
    LOCATION_COLUMN,
    NOTES_COLUMN,
    SOURCE_COLUMN,
    ...active,
    ...active.map((c) => `${EVIDENCE_PREFIX}${c}`),
  ]);
  for (const column of columns) {
    if (column !== "" && !allowed.has(column))
      problems.push({ row: 1, column, code: "UNKNOWN_COLUMN" });
  }
  for (const required of [AREA_COLUMN, ...active]) {
    if (!columns.includes(required))
      problems.push({ row: 1, column: required, code: "MISSING_COLUMN" });
  }
  if (rows.length === 0) problems.push({ row: 2, column: AREA_COLUMN, code: "EMPTY_FILE" });
  if (rows.length > MAX_IMPORT_ROWS)
    problems.push({ row: MAX_IMPORT_ROWS + 2, column: AREA_COLUMN, code: "TOO_LONG" });
  if (problems.length > 0) return { rows: [], problems };

  const parsed: AssessmentImportRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 2;
    const cell = (column: string) => {
      const value = raw[column];
      return value === undefined || value === null ? "" : String(value).trim();
    };
    if (columns.every((c) => cell(c) === "")) return; // blank line
    const rowProblems: ImportProblem[] = [];
    const areaCode = cell(AREA_COLUMN);
    if (areaCode === "") rowProblems.push({ row, column: AREA_COLUMN, code: "MISSING_VALUE" });
    else if (!isAreaCode(areaCode) || !context.areas.has(areaCode))
      rowProblems.push({ row, column: AREA_COLUMN, code: "UNKNOWN_AREA" });
    const locationName = cell(LOCATION_COLUMN);
    const location = locationName === "" ? null : locationName;
    if (
      location !== null &&
      context.areas.has(areaCode) &&
      !context.locations.get(areaCode)?.has(location.toLowerCase())
    ) {
      rowProblems.push({ row, column: LOCATION_COLUMN, code: "UNKNOWN_LOCATION" });
    }
    const present: Record<string, boolean> = {};
    const evidence: Record<string, string> = {};
    for (const code of active) {
      const value = cell(code);
      if (value === "") {
        rowProblems.push({ row, column: code, code: "MISSING_VALUE" });
        continue;
      }
      const yesNo = parseYesNo(value);
      if (yesNo === undefined) rowProblems.push({ row, column: code, code: "BAD_VALUE" });
      else present[code] = yesNo;
      const proof = cell(`${EVIDENCE_PREFIX}${code}`);
      if (proof.length > MAX_TEXT)
        rowProblems.push({ row, column: `${EVIDENCE_PREFIX}${code}`, code: "TOO_LONG" });
      else if (proof !== "") evidence[code] = proof;
    }
    const notes = cell(NOTES_COLUMN);
    const source = cell(SOURCE_COLUMN);
    if (notes.length > MAX_TEXT) rowProblems.push({ row, column: NOTES_COLUMN, code: "TOO_LONG" });
    if (source.length > MAX_TEXT)
      rowProblems.push({ row, column: SOURCE_COLUMN, code: "TOO_LONG" });
    const key = `${areaCode}|${(location ?? "").toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined && areaCode !== "")
      rowProblems.push({ row, column: AREA_COLUMN, code: "DUPLICATE_ROW" });
    else seen.set(key, row);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      return;
    }
    parsed.push({ row, areaCode, location, present, evidence, notes, source });
  });
  return { rows: problems.length === 0 ? parsed : [], problems };
}
