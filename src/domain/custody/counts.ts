/**
 * Validation of a custody count, shared by the form and the CSV import: whole non-negative
 * numbers, drug offenders not above occupants, the users/dealers split not above the drug
 * total, a date not in the future, a source. Problems carry a column and a stable code.
 */

export const FACILITY_TYPES = ["lapas", "rutan", "lpka"] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** Columns of the count import (CSV/XLSX), in template order. */
export const COUNT_COLUMNS = [
  "facility",
  "date",
  "capacity",
  "occupants",
  "drug_offenders",
  "drug_users",
  "drug_dealers",
  "source",
  "notes",
] as const;
export const REQUIRED_COUNT_COLUMNS = ["facility", "date", "capacity", "occupants", "source"];

export type CountProblemCode =
  | "MISSING_VALUE"
  | "NOT_A_WHOLE_NUMBER"
  | "NEGATIVE"
  | "TOO_LARGE"
  | "DATE_INVALID"
  | "DATE_IN_FUTURE"
  | "DRUG_ABOVE_OCCUPANTS"
  | "SPLIT_ABOVE_DRUG"
  | "FACILITY_UNKNOWN"
  | "DUPLICATE_ROW"
  | "MISSING_COLUMN"
  | "TOO_LONG";

export interface CountProblem {
  /** 1-based data row (the header is row 0); 1 for a single form. */
  row: number;
  column: string;
  code: CountProblemCode;
}

export interface CountRecord {
  countedOn: string;
  capacity: number;
  occupants: number;
  drugOffenders: number | null;
  drugUsers: number | null;
  drugDealers: number | null;
  source: string;
  notes: string;
}

const MAX_COUNT = 1_000_000;

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/** A whole number written plainly or with thousands separators (13,347 / 13.347 / 13 347). */
function wholeNumber(
  value: unknown,
  column: string,
  row: number,
  problems: CountProblem[],
  required: boolean,
): number | null {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) {
      problems.push({ row, column, code: "NOT_A_WHOLE_NUMBER" });
      return null;
    }
    return checkRange(value, column, row, problems);
  }
  const raw = text(value);
  if (raw === "") {
    if (required) problems.push({ row, column, code: "MISSING_VALUE" });
    return null;
  }
  const compact = raw.replace(/[\s\u00a0]/g, "");
  const plain = /^-?\d{1,3}([.,]\d{3})+$/.test(compact) ? compact.replace(/[.,]/g, "") : compact;
  if (!/^-?\d+$/.test(plain)) {
    problems.push({ row, column, code: "NOT_A_WHOLE_NUMBER" });
    return null;
  }
  return checkRange(Number(plain), column, row, problems);
}

function checkRange(n: number, column: string, row: number, problems: CountProblem[]) {
  if (n < 0) {
    problems.push({ row, column, code: "NEGATIVE" });
    return null;
  }
  if (n > MAX_COUNT) {
    problems.push({ row, column, code: "TOO_LARGE" });
    return null;
  }
  return n;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Validate one count (form or import row); `today` is YYYY-MM-DD in Jakarta. */
export function parseCount(
  raw: Record<string, unknown>,
  row: number,
  today: string,
): { record: CountRecord | null; problems: CountProblem[] } {
  const problems: CountProblem[] = [];
  const date = text(raw.date);
  if (date === "") problems.push({ row, column: "date", code: "MISSING_VALUE" });
  else if (!isCalendarDate(date)) problems.push({ row, column: "date", code: "DATE_INVALID" });
  else if (date > today) problems.push({ row, column: "date", code: "DATE_IN_FUTURE" });
  const capacity = wholeNumber(raw.capacity, "capacity", row, problems, true);
  const occupants = wholeNumber(raw.occupants, "occupants", row, problems, true);
  const drug = wholeNumber(raw.drug_offenders, "drug_offenders", row, problems, false);
  const users = wholeNumber(raw.drug_users, "drug_users", row, problems, false);
  const dealers = wholeNumber(raw.drug_dealers, "drug_dealers", row, problems, false);
  if (drug !== null && occupants !== null && drug > occupants)
    problems.push({ row, column: "drug_offenders", code: "DRUG_ABOVE_OCCUPANTS" });
  const split = (users ?? 0) + (dealers ?? 0);
  const splitLimit = drug ?? occupants;
  if ((users !== null || dealers !== null) && splitLimit !== null && split > splitLimit)
    problems.push({ row, column: "drug_users", code: "SPLIT_ABOVE_DRUG" });
  const source = text(raw.source);
  if (source === "") problems.push({ row, column: "source", code: "MISSING_VALUE" });
  else if (source.length > 500) problems.push({ row, column: "source", code: "TOO_LONG" });
  const notes = text(raw.notes);
  if (notes.length > 2000) problems.push({ row, column: "notes", code: "TOO_LONG" });
  if (problems.length > 0 || capacity === null || occupants === null)
    return { record: null, problems };
  return {
    record: {
      countedOn: date,
      capacity,
      occupants,
      drugOffenders: drug,
      drugUsers: users,
      drugDealers: dealers,
      source,
      notes,
    },
    problems,
  };
}

/** Today in Jakarta (UTC+7), YYYY-MM-DD. */
export function todayInJakarta(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}
