import type { Indicator } from "../../../domain/risk/indicators";
import type { RuleSet } from "../../../domain/risk/rules";
import { getJson, queryString, sendFile, sendJson } from "../../lib/http";
import type {
  AreaRiskProfile,
  Assessment,
  AssessmentInput,
  AssessmentStatus,
  ImportReport,
  RiskChanges,
  RiskConfig,
  RiskMapData,
  Round,
  RoundInput,
  RoundMethod,
  WorkflowStep,
} from "./risk.types";

/** File formats of imports and templates, with the content type sent for each. */
export const SHEET_TYPES = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
export type SheetFormat = keyof typeof SHEET_TYPES;

export function fetchRiskConfig(signal?: AbortSignal): Promise<RiskConfig> {
  return getJson("/api/risk/config", signal);
}

export function fetchRounds(signal?: AbortSignal): Promise<Round[]> {
  return getJson("/api/risk/rounds", signal);
}

export function fetchRound(id: string, signal?: AbortSignal): Promise<Round> {
  return getJson(`/api/risk/rounds/${encodeURIComponent(id)}`, signal);
}

export function createRound(csrfToken: string, input: RoundInput): Promise<Round> {
  return sendJson("POST", "/api/risk/rounds", input, csrfToken);
}

export function fetchAssessments(
  roundId: string,
  status: AssessmentStatus | "",
  signal?: AbortSignal,
): Promise<Assessment[]> {
  return getJson(
    `/api/risk/rounds/${encodeURIComponent(roundId)}/assessments${queryString({ status })}`,
    signal,
  );
}

export function saveAssessment(
  csrfToken: string,
  roundId: string,
  input: AssessmentInput,
): Promise<Assessment> {
  return sendJson(
    "PUT",
    `/api/risk/rounds/${encodeURIComponent(roundId)}/assessments`,
    input,
    csrfToken,
  );
}

/** Moves assessments of a round a workflow step (all that can move, or the given ids). */
export function runWorkflow(
  csrfToken: string,
  roundId: string,
  step: WorkflowStep,
  body: { comment?: string; ids?: string[] },
): Promise<{ changed: number }> {
  return sendJson(
    "POST",
    `/api/risk/rounds/${encodeURIComponent(roundId)}/${step}`,
    body,
    csrfToken,
  );
}

export function reclassifyRound(
  csrfToken: string,
  roundId: string,
  ruleVersion: number,
): Promise<{ changed: number }> {
  return sendJson(
    "POST",
    `/api/risk/rounds/${encodeURIComponent(roundId)}/reclassify`,
    { ruleVersion },
    csrfToken,
  );
}

/** Address of a round's import template (downloaded through a plain link). */
export function templateUrl(roundId: string, format: SheetFormat): string {
  return `/api/risk/rounds/${encodeURIComponent(roundId)}/template?format=${format}`;
}

/** Address of a round's export (published results for readers). */
export function exportUrl(roundId: string, format: SheetFormat | "geojson"): string {
  return `/api/risk/rounds/${encodeURIComponent(roundId)}/export?format=${format}`;
}

/** Sends an import file: a dry run reports what a commit would do; a commit saves all or nothing. */
export function importFile(
  csrfToken: string,
  roundId: string,
  file: Blob,
  format: SheetFormat,
  dryRun: boolean,
): Promise<ImportReport> {
  const path = `/api/risk/rounds/${encodeURIComponent(roundId)}/import${queryString({
    format,
    dryRun: String(dryRun),
  })}`;
  return sendFile(path, file, SHEET_TYPES[format], csrfToken);
}

export function fetchRiskMap(
  city: string,
  round: string | null,
  signal?: AbortSignal,
): Promise<RiskMapData> {
  return getJson(`/api/risk/map${queryString({ city, round })}`, signal);
}

export function fetchChanges(from: string, to: string, signal?: AbortSignal): Promise<RiskChanges> {
  return getJson(`/api/risk/changes${queryString({ from, to })}`, signal);
}

export function fetchAreaProfile(code: string, signal?: AbortSignal): Promise<AreaRiskProfile> {
  return getJson(`/api/risk/areas/${encodeURIComponent(code)}`, signal);
}

export function saveCatalogue(
  csrfToken: string,
  indicators: Indicator[],
  note: string,
): Promise<{ version: number }> {
  return sendJson("POST", "/api/risk/catalogue", { indicators, note }, csrfToken);
}

export function saveRules(
  csrfToken: string,
  rules: RuleSet,
  note: string,
): Promise<{ version: number }> {
  return sendJson("POST", "/api/risk/rules", { rules, note }, csrfToken);
}

/** The latest rule set of a method in the configuration, if any. */
export function rulesFor(config: RiskConfig, method: RoundMethod) {
  return config.rules.find((entry) => entry.method === method) ?? null;
}
