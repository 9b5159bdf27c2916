/**
 * The registry's figures (src/server/modules/rehab/rehab-figures.service.ts): never identity.
 * Every list answers JSON, or a CSV/XLSX file with `format`.
 */
import { getJson, queryString } from "../../lib/http";

export const FIGURE_DIMENSIONS = [
  "none",
  "sex",
  "age_band",
  "primary_substance",
  "route",
  "service_type",
  "entry_route",
  "facility",
  "residence_area",
] as const;
export type FigureDimension = (typeof FIGURE_DIMENSIONS)[number];
export const FIGURE_MEASURES = ["entries", "in_care"] as const;
export const AREA_LEVELS = ["city", "kecamatan", "kelurahan"] as const;

export interface EntriesFilter {
  measure: string;
  period: string;
  from: string;
  to: string;
  by: string;
  areaLevel?: string;
  facilityId?: string;
}

export interface EntriesResult {
  measure: string;
  period: string;
  from: string;
  to: string;
  by: string;
  buckets: Array<{ period: string; start: string; end: string; total: number }>;
  keys: Array<{ key: string; label: string; total: number }>;
  rows: Array<{ period: string; key: string; label: string; count: number }>;
}

export interface AftercareKpi {
  from: string;
  to: string;
  followedUp: number;
  notRelapsed: number;
  relapsed: number;
  unknown: number;
  share: number | null;
  target: number;
  meetsTarget: boolean | null;
}

export interface RecapRow {
  no: number;
  recordNumber: string;
  sex: string;
  age: number;
  substances: Array<{ substance: string; primary: boolean; route: string | null }>;
  useYears: number | null;
  previousTreatment: string | null;
  entryRoute: string;
  serviceType: string | null;
  highestBand: string | null;
  status: string;
  facilityName: string;
  intakeDate: string;
}

export interface Recap {
  kind: string;
  start: string;
  end: string;
  entries: number;
  male: number;
  female: number;
  inCare: number;
  rows: RecapRow[];
}

export interface TdiRow {
  primarySubstance: string;
  total: number;
  male: number;
  female: number;
  under18: number;
  meanAge: number | null;
  meanAgeFirstUse: number | null;
  neverTreated: number;
  previouslyTreated: number;
  everInjected: number;
  routeInject: number;
  routeSmokeInhale: number;
  routeEatDrink: number;
  routeSniff: number;
  routeOther: number;
  routeUnknown: number;
}

export interface TdiTable {
  year: number;
  rows: TdiRow[];
  total: TdiRow;
}

const BASE = "/api/rehab/figures";
type Format = "csv" | "xlsx";

/** A list's address, or its export's (`…/export?format=csv|xlsx`). */
const path = (base: string, query: Record<string, string | number | undefined>, format?: Format) =>
  format ? `${base}/export${queryString({ ...query, format })}` : `${base}${queryString(query)}`;

export function entriesPath(filter: EntriesFilter, format?: Format): string {
  return path(`${BASE}/entries`, { ...filter }, format);
}

export function aftercarePath(filter: { from: string; to: string }): string {
  return `${BASE}/aftercare${queryString(filter)}`;
}

export function recapPath(filter: { kind: string; date: string }, format?: Format): string {
  return path("/api/rehab/recap", filter, format);
}

export function tdiPath(filter: { year: number }, format?: Format): string {
  return path(`${BASE}/tdi`, filter, format);
}

export const fetchEntries = (filter: EntriesFilter, signal?: AbortSignal) =>
  getJson<EntriesResult>(entriesPath(filter), signal);
export const fetchAftercare = (filter: { from: string; to: string }, signal?: AbortSignal) =>
  getJson<AftercareKpi>(aftercarePath(filter), signal);
export const fetchRecap = (filter: { kind: string; date: string }, signal?: AbortSignal) =>
  getJson<Recap>(recapPath(filter), signal);
export const fetchTdi = (filter: { year: number }, signal?: AbortSignal) =>
  getJson<TdiTable>(tdiPath(filter), signal);
