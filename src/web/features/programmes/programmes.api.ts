/** Types and calls of the programmes API (programmes, activities, schedules, analysis views). */
import type { Action } from "../../../domain/access/roles";
import type {
  AgeBand,
  BudgetSource,
  Participants,
  Pillar,
  ProgrammeStatus,
  ResultKind,
  TargetIndicator,
} from "../../../domain/programmes/catalogue";
import type { TrafficLight } from "../../../domain/programmes/progress";
import type { OccurrenceStatus } from "../../../domain/programmes/schedule";
import type { RiskClass } from "../../../domain/risk/classes";
import { getJson, queryString, sendFile, sendJson } from "../../lib/http";
import type { Page } from "../admin/list";

export {
  AGE_BANDS,
  BUDGET_SOURCES,
  PILLARS,
  PROGRAMME_STATUSES,
  RESULT_KINDS,
  TARGET_INDICATORS,
} from "../../../domain/programmes/catalogue";
export type {
  AgeBand,
  BudgetSource,
  OccurrenceStatus,
  Participants,
  Pillar,
  ProgrammeStatus,
  ResultKind,
  TargetIndicator,
  TrafficLight,
};

export interface OrgRef {
  id: string;
  name: string;
}

export interface ProgrammeSummary {
  id: string;
  name: string;
  pillar: Pillar;
  areaCode: string;
  areaName: string | null;
  leadOrganisation: OrgRef;
  periodStart: string;
  periodEnd: string;
  budgetAmount: number;
  budgetSource: BudgetSource;
  status: ProgrammeStatus;
  activityCount: number;
  elapsedShare: number;
  light: TrafficLight;
}

export interface TargetProgress {
  id: string;
  indicator: TargetIndicator;
  label: string;
  baseline: number;
  targetValue: number;
  manualAchieved: number | null;
  achieved: number;
  share: number;
  light: TrafficLight;
}

export interface Occurrence {
  dueOn: string;
  windowEnd: string;
  status: OccurrenceStatus;
  activityIds: string[];
}

export interface Schedule {
  id: string;
  title: string;
  typeCode: string;
  areaCode: string;
  areaName: string | null;
  namedLocationId: string | null;
  namedLocationName: string | null;
  frequency: "weekly" | "monthly";
  interval: number;
  startOn: string;
  endOn: string;
  occurrences: Occurrence[];
  summary: Record<OccurrenceStatus, number>;
}

export interface ProgrammeDetail extends ProgrammeSummary {
  description: string;
  partners: OrgRef[];
  targetAreas: Array<{
    areaCode: string;
    areaName: string | null;
    namedLocationId: string | null;
    namedLocationName: string | null;
  }>;
  targets: TargetProgress[];
  inputItems: Array<{ id: string; topic: string; meetingId: string; meetingTitle: string }>;
  riskRound: { id: string; name: string } | null;
  figures: Record<
    "activities" | "participants" | "urine_tested" | "urine_positive" | "reached" | "referred",
    number
  >;
  schedules: Schedule[];
  asOf: string;
  actions: Action[];
}

export interface ProgrammeInput {
  name: string;
  pillar: Pillar;
  description: string;
  leadOrganisationId: string;
  partnerOrganisationIds: string[];
  areaCode: string;
  targetAreas: Array<{ areaCode: string; namedLocationId?: string | null }>;
  periodStart: string;
  periodEnd: string;
  budgetAmount: number;
  budgetSource: BudgetSource;
  targets: Array<{
    indicator: TargetIndicator;
    label: string;
    baseline: number;
    targetValue: number;
    manualAchieved?: number | null;
  }>;
  inputItemIds: string[];
  status: ProgrammeStatus;
}

export interface Dashboard {
  asOf: string;
  programmes: ProgrammeSummary[];
  byStatus: Record<string, number>;
  byLight: Record<string, number>;
  byPillar: Record<string, number>;
  budgetBySource: Record<string, number>;
}

export interface ActivityType {
  code: string;
  name: string;
  nameEn: string;
  resultKind: ResultKind;
  active: boolean;
  sort: number;
}

export interface Activity {
  id: string;
  programmeId: string;
  programmeName: string;
  pillar: Pillar;
  scheduleId: string | null;
  typeCode: string;
  typeName: string;
  resultKind: ResultKind;
  heldOn: string;
  areaCode: string;
  areaName: string | null;
  namedLocationId: string | null;
  namedLocationName: string | null;
  point: { lon: number; lat: number } | null;
  organisations: OrgRef[];
  participants: Participants;
  participantsMale: number;
  participantsFemale: number;
  participantsTotal: number;
  urineTested: number | null;
  urinePositive: number | null;
  reached: number | null;
  referred: number | null;
  notes: string;
  photos: Array<{ id: string; contentType: string; sizeBytes: number }>;
  actions: Action[];
}

export interface ActivityInput {
  programmeId: string;
  scheduleId: string | null;
  typeCode: string;
  heldOn: string;
  areaCode: string;
  namedLocationId: string | null;
  point: { lon: number; lat: number } | null;
  organisationIds: string[];
  participants: Participants;
  urineTested: number | null;
  urinePositive: number | null;
  reached: number | null;
  referred: number | null;
  notes: string;
}

export interface WhoWhatWhere {
  city: string;
  from: string;
  to: string;
  rows: Array<{
    organisationId: string;
    organisationName: string;
    areaCode: string;
    areaName: string | null;
    kecamatanCode: string;
    pillar: Pillar;
    activities: number;
  }>;
  areas: Array<{
    areaCode: string;
    areaName: string | null;
    activities: number;
    organisations: number;
    pillars: Pillar[];
  }>;
  totals: { activities: number; organisations: number; areas: number };
}

export interface Coverage {
  city: string;
  from: string;
  to: string;
  hotspotsUsed: boolean;
  riskyAreas: Array<{
    areaCode: string;
    areaName: string | null;
    class: RiskClass | null;
    roundName: string | null;
    hotspot: boolean;
    activities: number;
    programmes: Array<{ id: string; name: string; pillar: Pillar }>;
    covered: boolean;
  }>;
  uncovered: Array<{
    areaCode: string;
    areaName: string | null;
    class: RiskClass | null;
    hotspot: boolean;
  }>;
  targeting: {
    activitiesTotal: number;
    activitiesInRisky: number;
    activityShare: number | null;
    budgetTotal: number;
    budgetInRisky: number;
    budgetShare: number | null;
  };
}

export function programmesPath(filter: Record<string, string | number | undefined>): string {
  return `/api/programmes${queryString(filter)}`;
}

export function activitiesPath(filter: Record<string, string | number | undefined>): string {
  return `/api/activities${queryString(filter)}`;
}

export const fetchProgramme = (id: string, signal?: AbortSignal) =>
  getJson<ProgrammeDetail>(`/api/programmes/${encodeURIComponent(id)}`, signal);
export const fetchDashboard = (signal?: AbortSignal) =>
  getJson<Dashboard>("/api/programmes/dashboard", signal);
export const fetchActivityTypes = (all: boolean, signal?: AbortSignal) =>
  getJson<{ items: ActivityType[] }>(`/api/activity-types${all ? "?all=true" : ""}`, signal);
export const fetchWhoWhatWhere = (
  p: { city: string; from: string; to: string; pillar?: string },
  signal?: AbortSignal,
) => getJson<WhoWhatWhere>(`/api/programmes/who-what-where${queryString(p)}`, signal);
export const fetchCoverage = (
  p: { city: string; from: string; to: string; pillar?: string },
  signal?: AbortSignal,
) => getJson<Coverage>(`/api/programmes/coverage${queryString(p)}`, signal);

export function createProgramme(csrf: string, input: ProgrammeInput) {
  return sendJson<ProgrammeDetail>("POST", "/api/programmes", input, csrf);
}
export function updateProgramme(csrf: string, id: string, input: Partial<ProgrammeInput>) {
  return sendJson<ProgrammeDetail>(
    "PATCH",
    `/api/programmes/${encodeURIComponent(id)}`,
    input,
    csrf,
  );
}
export function createSchedule(
  csrf: string,
  programmeId: string,
  input: {
    title: string;
    typeCode: string;
    areaCode: string;
    namedLocationId: string | null;
    frequency: "weekly" | "monthly";
    interval: number;
    startOn: string;
    endOn: string;
  },
) {
  return sendJson<ProgrammeDetail>(
    "POST",
    `/api/programmes/${encodeURIComponent(programmeId)}/schedules`,
    input,
    csrf,
  );
}
export function createActivity(csrf: string, input: ActivityInput) {
  return sendJson<Activity>("POST", "/api/activities", input, csrf);
}
export function updateActivity(csrf: string, id: string, input: Partial<ActivityInput>) {
  return sendJson<Activity>("PATCH", `/api/activities/${encodeURIComponent(id)}`, input, csrf);
}
export function uploadPhoto(csrf: string, activityId: string, file: File) {
  return sendFile<{ id: string }>(
    `/api/activities/${encodeURIComponent(activityId)}/photos`,
    file,
    file.type,
    csrf,
  );
}
export async function deletePhoto(csrf: string, activityId: string, photoId: string) {
  const res = await fetch(
    `/api/activities/${encodeURIComponent(activityId)}/photos/${encodeURIComponent(photoId)}`,
    { method: "DELETE", headers: { "x-csrf-token": csrf }, credentials: "same-origin" },
  );
  if (!res.ok) throw new Error(`delete failed: ${res.status}`);
}
export function photoUrl(activityId: string, photoId: string): string {
  return `/api/activities/${encodeURIComponent(activityId)}/photos/${encodeURIComponent(photoId)}`;
}
export function createActivityType(
  csrf: string,
  input: { code: string; name: string; nameEn: string; resultKind: ResultKind; sort: number },
) {
  return sendJson<ActivityType>("POST", "/api/activity-types", input, csrf);
}
export function updateActivityType(csrf: string, code: string, input: Partial<ActivityType>) {
  return sendJson<ActivityType>(
    "PATCH",
    `/api/activity-types/${encodeURIComponent(code)}`,
    input,
    csrf,
  );
}

/** Options for pickers: organisations, kelurahan of a city, named locations, input items. */
export async function fetchOrganisations(signal?: AbortSignal): Promise<OrgRef[]> {
  const list = await getJson<{ items: OrgRef[] }>("/api/programmes/organisations", signal);
  return list.items;
}
export interface AreaOption {
  code: string;
  name: string;
}
export async function fetchKelurahan(city: string, signal?: AbortSignal): Promise<AreaOption[]> {
  const fc = await getJson<{ features: Array<{ properties: { code: string; name: string } }> }>(
    `/api/areas${queryString({ level: "kelurahan", parent: city, geometry: "false" })}`,
    signal,
  );
  return fc.features.map((f) => ({ code: f.properties.code, name: f.properties.name }));
}
export async function fetchKecamatan(city: string, signal?: AbortSignal): Promise<AreaOption[]> {
  const fc = await getJson<{ features: Array<{ properties: { code: string; name: string } }> }>(
    `/api/areas${queryString({ level: "kecamatan", parent: city, geometry: "false" })}`,
    signal,
  );
  return fc.features.map((f) => ({ code: f.properties.code, name: f.properties.name }));
}
export interface InputItemOption {
  id: string;
  topic: string;
  meetingTitle: string;
  meetingDate: string;
}
export async function fetchInputItems(signal?: AbortSignal): Promise<InputItemOption[]> {
  try {
    const page = await getJson<Page<InputItemOption>>("/api/input-items?pageSize=200", signal);
    return page.items;
  } catch {
    // Without access to meetings, a programme simply cites nothing new.
    return [];
  }
}
export async function fetchLocations(kelurahan: string, signal?: AbortSignal) {
  const page = await getJson<Page<{ id: string; name: string }>>(
    `/api/named-locations${queryString({ area: kelurahan, pageSize: 200 })}`,
    signal,
  );
  return page.items;
}
