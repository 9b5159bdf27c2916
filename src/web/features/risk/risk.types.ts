import type { Action } from "../../../domain/access/roles";
import type { ClassChange, RiskClass } from "../../../domain/risk/classes";
import type { Indicator } from "../../../domain/risk/indicators";
import type { RuleSet } from "../../../domain/risk/rules";

export type RoundMethod = "indicator" | "survey";
export type AssessmentStatus = "draft" | "verified" | "published";
export const ASSESSMENT_STATUSES: readonly AssessmentStatus[] = ["draft", "verified", "published"];

/** The answer of `GET /api/risk/config`: the current catalogue and the latest rule set per method. */
export interface RiskConfig {
  catalogue: { version: number; note: string; indicators: Indicator[] };
  rules: { version: number; method: RoundMethod; note: string; rules: RuleSet }[];
}

/** One assessment round, as listed by `GET /api/risk/rounds` (newest first). */
export interface Round {
  id: string;
  name: string;
  method: RoundMethod;
  areaCode: string;
  areaName: string | null;
  periodStart: string;
  periodEnd: string;
  catalogueVersion: number;
  ruleVersion: number;
  counts: {
    byStatus: Partial<Record<AssessmentStatus, number>>;
    /** Published assessments only. */
    byClass: Partial<Record<RiskClass, number>>;
  };
  actions: Action[];
}

export interface RoundInput {
  name: string;
  method: RoundMethod;
  areaCode: string;
  periodStart: string;
  periodEnd: string;
}

export interface IndicatorValue {
  present: boolean;
  evidence: string;
}

/** One area's (or named location's) assessment in a round. */
export interface Assessment {
  id: string;
  roundId: string;
  areaCode: string;
  areaName: string;
  kecamatanName: string | null;
  locationId: string | null;
  locationName: string | null;
  status: AssessmentStatus;
  indicators: Record<string, IndicatorValue>;
  surveyItems: Record<string, number>;
  notes: string;
  source: string;
  pokok: number | null;
  pendukung: number | null;
  surveyScore: number | null;
  class: RiskClass;
  ruleVersion: number;
  verifyComment: string | null;
  actions: Action[];
}

export interface AssessmentInput {
  areaCode: string;
  locationId: string | null;
  indicators: Record<string, IndicatorValue>;
  surveyItems: Record<string, number>;
  notes: string;
  source: string;
}

/** The answer of `GET /api/risk/map`. */
export interface RiskMapData {
  city: string;
  round: { id: string; name: string } | null;
  areas: {
    areaCode: string;
    areaName: string;
    class: RiskClass;
    roundId: string;
    roundName: string;
    periodEnd: string;
  }[];
  locations: MapLocation[];
}

/** A named location on the risk map, with the class of its latest published assessment. */
export interface MapLocation {
  id: string;
  name: string;
  kelurahanCode: string;
  class: RiskClass | null;
  geometry: LocationGeometry | null;
}

export type LocationGeometry =
  | { type: "Point"; coordinates: [number, number] }
  | { type: "Polygon"; coordinates: [number, number][][] };

/** The answer of `GET /api/risk/changes`. */
export interface RiskChanges {
  from: { id: string; name: string };
  to: { id: string; name: string };
  areas: {
    areaCode: string;
    areaName: string;
    before: RiskClass | null;
    after: RiskClass | null;
    change: ClassChange;
  }[];
  summary: Record<ClassChange, number>;
}

/** The answer of `GET /api/risk/areas/:code`. */
export interface AreaRiskProfile {
  areaCode: string;
  history: {
    roundId: string;
    roundName: string;
    periodEnd: string;
    status: AssessmentStatus;
    class: RiskClass;
    pokok: number | null;
    pendukung: number | null;
    surveyScore: number | null;
    indicators: Record<string, IndicatorValue>;
    notes: string;
    source: string;
  }[];
  locations: { id: string; name: string; aliases: string[]; rw: string | null }[];
}

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
  row: number;
  column: string;
  code: string;
}

/** The answer of an import (dry run or commit). */
export interface ImportReport {
  valid: boolean;
  committed: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

export type WorkflowStep = "verify" | "return" | "publish";
