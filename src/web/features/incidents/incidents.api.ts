import type { FeatureCollection, Point } from "geojson";
import { ApiError, getJson, isAbortError, queryString, sendJson } from "../../lib/http";

export const INCIDENT_SOURCES = [
  "police_report",
  "bnn_operation",
  "community_report",
  "news",
  "other",
] as const;
export const PRECISIONS = ["exact", "approximate", "kelurahan"] as const;
export const UNITS = ["g", "kg", "ml", "l", "tablet", "butir", "batang", "paket"] as const;
export const HOTSPOT_CLASSES = [
  "hot99",
  "hot95",
  "hot90",
  "none",
  "cold90",
  "cold95",
  "cold99",
] as const;
export type HotspotClass = (typeof HOTSPOT_CLASSES)[number];
export const EMERGING_LABELS = [
  "new",
  "intensifying",
  "persistent",
  "diminishing",
  "sporadic",
  "none",
] as const;
export type EmergingLabel = (typeof EMERGING_LABELS)[number];

export interface Incident {
  id: string;
  externalRef: string | null;
  occurredOn: string;
  occurredTime: string | null;
  type: string;
  lon: number | null;
  lat: number | null;
  precision: string;
  kelurahanCode: string;
  persons: number;
  arrests: number;
  substance: string;
  quantity: number | null;
  unit: string | null;
  source: string;
  sourceRef: string;
  notes: string;
  actions: string[];
}
export interface IncidentPage {
  items: Incident[];
  total: number;
  page: number;
  pageSize: number;
}
export interface IncidentType {
  code: string;
  name: string;
  nameEn: string;
  active: boolean;
}

/** Period, type and source: the filters every incident view shares. */
export interface IncidentFilters {
  from: string;
  to: string;
  type: string;
  source: string;
}
export const NO_FILTERS: IncidentFilters = { from: "", to: "", type: "", source: "" };

export interface ClusterProperties {
  key: string;
  count: number;
  type: string | null;
  occurredOn: string | null;
}
export type Clusters = FeatureCollection<Point, ClusterProperties> & {
  resolution: "r7" | "r9" | "r11" | "point";
  total: number;
  unlocated: number;
  truncated: boolean;
};
export interface HotspotArea {
  code: string;
  name: string;
  count: number;
  z: number;
  p: number;
  pFdr: number | null;
  class: HotspotClass;
}
export interface Hotspots {
  city: string;
  statistic: string;
  areas: HotspotArea[];
}
export interface Density {
  points: number;
  grid: {
    bbox: [number, number, number, number];
    cols: number;
    rows: number;
    cellMetres: number;
    bandwidthMetres: number;
    values: number[];
  } | null;
}
export interface TrendArea {
  code: string;
  name: string;
  total: number;
  counts: number[];
  z: number[];
  label: EmergingLabel;
  trend: { tau: number; p: number };
}
export interface Trends {
  city: string;
  periods: string[];
  areas: TrendArea[];
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
  unchanged: number;
  problems: ImportProblem[];
}
export type ImportFormat = "csv" | "xlsx" | "geojson";

const filterParams = (f: IncidentFilters) => ({
  from: f.from,
  to: f.to,
  type: f.type,
  source: f.source,
});

export function fetchTypes(signal: AbortSignal): Promise<IncidentType[]> {
  return getJson("/api/incidents/types", signal);
}

export function fetchIncidents(
  filters: IncidentFilters,
  page: number,
  pageSize: number,
  signal: AbortSignal,
): Promise<IncidentPage> {
  return getJson(
    `/api/incidents${queryString({ ...filterParams(filters), page, pageSize })}`,
    signal,
  );
}

export function fetchClusters(
  filters: IncidentFilters,
  view: { bbox: [number, number, number, number]; zoom: number },
  signal: AbortSignal,
): Promise<Clusters> {
  const bbox = view.bbox.map((v) => v.toFixed(5)).join(",");
  return getJson(
    `/api/incidents/clusters${queryString({ ...filterParams(filters), bbox, zoom: Math.floor(view.zoom) })}`,
    signal,
  );
}

export function fetchHotspots(
  city: string,
  filters: IncidentFilters,
  signal: AbortSignal,
): Promise<Hotspots> {
  return getJson(
    `/api/incidents/hotspots${queryString({ ...filterParams(filters), city })}`,
    signal,
  );
}

export function fetchDensity(
  city: string,
  filters: IncidentFilters,
  signal: AbortSignal,
): Promise<Density> {
  return getJson(
    `/api/incidents/density${queryString({ ...filterParams(filters), city, cellMetres: 200 })}`,
    signal,
  );
}

export function fetchTrends(
  city: string,
  filters: IncidentFilters,
  signal: AbortSignal,
): Promise<Trends> {
  return getJson(`/api/incidents/trends${queryString({ ...filterParams(filters), city })}`, signal);
}

/** The body the API takes for one incident (the same columns as an import file). */
export type IncidentInput = Record<string, string | number>;

export function createIncident(input: IncidentInput, csrfToken: string): Promise<Incident> {
  return sendJson("POST", "/api/incidents", input, csrfToken);
}

export function updateIncident(
  id: string,
  input: IncidentInput,
  csrfToken: string,
): Promise<Incident> {
  return sendJson("PATCH", `/api/incidents/${id}`, input, csrfToken);
}

/** The format of a file from its name, or null when it is not one we import. */
export function formatOf(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (lower.endsWith(".geojson") || lower.endsWith(".json")) return "geojson";
  return null;
}

const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  geojson: "application/geo+json",
};

export interface ImportProgress {
  phase: "uploading" | "checking" | "writing";
  done: number;
  total: number;
}

/**
 * Sends an import file and reads the server's progress lines (NDJSON) as they arrive.
 * Resolves with the report; rejects with an {@link ApiError} (IMPORT_INVALID carries the
 * problems in `details.problems`).
 */
export async function importIncidentFile(
  file: Blob,
  format: ImportFormat,
  dryRun: boolean,
  csrfToken: string,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportReport> {
  onProgress({ phase: "uploading", done: 0, total: 0 });
  let response: Response;
  try {
    response = await fetch(`/api/incidents/import?format=${format}&dryRun=${dryRun}`, {
      method: "POST",
      headers: {
        accept: "application/x-ndjson",
        "content-type": CONTENT_TYPES[format],
        "x-csrf-token": csrfToken,
      },
      body: file,
      credentials: "same-origin",
      signal: signal ?? null,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError("NETWORK", 0);
  }
  if (!response.ok || !response.body) {
    let code = response.status >= 500 ? "INTERNAL" : "UNKNOWN";
    let details: unknown;
    try {
      const body = (await response.json()) as { error?: { code?: string; details?: unknown } };
      code = body.error?.code ?? code;
      details = body.error?.details;
    } catch {
      // Not JSON: keep the generic code.
    }
    throw new ApiError(code, response.status, undefined, details);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let outcome: { report: ImportReport } | { error: ApiError } | null = null;
  // Read to the end (the server closes the stream after the last line): leaving the body
  // unread would abort the request.
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
      if (!line) continue;
      const message = JSON.parse(line) as
        | { type: "progress"; phase: "checking" | "writing"; done: number; total: number }
        | { type: "result"; report: ImportReport }
        | { type: "error"; error: { code: string; details: unknown } };
      if (message.type === "progress") onProgress(message);
      else if (message.type === "result") outcome = { report: message.report };
      else
        outcome = {
          error: new ApiError(message.error.code, 400, undefined, message.error.details),
        };
    }
    if (done) break;
  }
  if (!outcome) throw new ApiError("BAD_RESPONSE", response.status);
  if ("error" in outcome) throw outcome.error;
  return outcome.report;
}

/** Problems named by an IMPORT_INVALID error. */
export function importProblemsOf(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || error.code !== "IMPORT_INVALID") return [];
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as ImportProblem[]) : [];
}
