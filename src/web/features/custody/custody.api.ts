import { getJson, queryString, sendFile, sendJson } from "../../lib/http";

/** A derived value: always shown with its measure's label and formula. */
export interface Measure {
  measure: "occupancy_ratio" | "overcrowding_excess" | "drug_share";
  ratio: number;
  percent: number;
  formula: string;
}
export interface Measures {
  occupancyRatio: Measure | null;
  overcrowdingExcess: Measure | null;
  drugShare: Measure | null;
}
export interface Count extends Measures {
  id: string;
  facilityId: string;
  facilityName: string;
  countedOn: string;
  capacity: number;
  occupants: number;
  drugOffenders: number | null;
  drugUsers: number | null;
  drugDealers: number | null;
  source: string;
  notes: string;
  enteredBy: string | null;
  actions?: string[];
}
export interface Facility {
  id: string;
  name: string;
  type: "lapas" | "rutan" | "lpka";
  areaCode: string;
  active: boolean;
  notes: string;
  latest: Count | null;
  actions: string[];
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Summary extends Measures {
  area: string;
  asOf: string;
  facilities: number;
  reporting: number;
  earliestCount: string | null;
  latestCount: string | null;
  capacity: number;
  occupants: number;
  drugOffenders: number | null;
  sources: string[];
}
export interface TrendPoint extends Measures {
  period: string;
  asOf: string;
  facilities: number;
  capacity: number;
  occupants: number;
  drugOffenders: number | null;
}
export interface Trend {
  facilityId: string | null;
  facilityName: string | null;
  by: "month" | "year";
  points: TrendPoint[];
}
export interface ImportProblem {
  row: number;
  column: string;
  code: string;
}
export interface ImportReport {
  valid: boolean;
  committed: boolean;
  rows: number;
  created: number;
  updated: number;
  problems: ImportProblem[];
  columns: string[];
}
export interface CountInput {
  facilityId: string;
  date: string;
  capacity: string;
  occupants: string;
  drugOffenders: string;
  drugUsers: string;
  drugDealers: string;
  source: string;
  notes: string;
}

export const fetchFacilities = (page: number, pageSize: number, signal: AbortSignal) =>
  getJson<Page<Facility>>(`/api/custody/facilities${queryString({ page, pageSize })}`, signal);
export const fetchSummary = (signal: AbortSignal) =>
  getJson<Summary>("/api/custody/summary?area=31", signal);
export const fetchTrend = (facility: string | null, by: "month" | "year", signal: AbortSignal) =>
  getJson<Trend>(`/api/custody/trend${queryString({ area: "31", facility, by })}`, signal);
export const fetchCounts = (facility: string, page: number, signal: AbortSignal) =>
  getJson<Page<Count>>(
    `/api/custody/counts${queryString({ facility, page, pageSize: 10 })}`,
    signal,
  );

/** Empty optional numbers are sent as null; the server checks the rest like a CSV cell. */
export function createCount(input: CountInput, csrf: string) {
  const opt = (v: string) => (v.trim() === "" ? null : v.trim());
  return sendJson<Count>(
    "POST",
    "/api/custody/counts",
    {
      facilityId: input.facilityId,
      date: input.date,
      capacity: input.capacity.trim(),
      occupants: input.occupants.trim(),
      drugOffenders: opt(input.drugOffenders),
      drugUsers: opt(input.drugUsers),
      drugDealers: opt(input.drugDealers),
      source: input.source,
      notes: input.notes,
    },
    csrf,
  );
}

export function importCounts(file: File, dryRun: boolean, csrf: string) {
  const xlsx = /\.xlsx$/i.test(file.name);
  return sendFile<ImportReport>(
    `/api/custody/counts/import?format=${xlsx ? "xlsx" : "csv"}&dryRun=${dryRun}`,
    file,
    xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv",
    csrf,
  );
}
