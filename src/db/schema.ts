/** Table types for Kysely. One interface per table, named after it. */
import type { ColumnType, Generated } from "kysely";
import type { KnowTables } from "./schema-know";
import type { MeetingsTables } from "./schema-meetings";
import type { ProgrammesTables } from "./schema-programmes";
import type { RehabTables } from "./schema-rehab";

/** `timestamptz` columns: written as Date or string, read as Date. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** `jsonb` columns: pass values through {@link json} when writing. */
export type Json<T> = ColumnType<T, string, string>;

export interface AreasTable {
  code: string;
  level: string;
  name: string;
  parent_code: string | null;
  geometry: Json<unknown> | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  label_lon: number | null;
  label_lat: number | null;
  area_km2: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ReferenceDatasetsTable {
  name: string;
  checksum: string;
  record_count: number;
  loaded_at: Generated<Timestamp>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  type: string;
  area_code: string;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  organisation_id: string;
  role: string;
  scope_area_code: string;
  password_hash: string | null;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  password_changed_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  csrf_token: string;
  user_id: string;
  created_at: Generated<Timestamp>;
  last_seen_at: Generated<Timestamp>;
  expires_at: Timestamp;
}

export interface InvitationsTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditEventsTable {
  /** bigint: read back as a string. */
  id: ColumnType<string, string, never>;
  occurred_at: ColumnType<Date, string, never>;
  actor_user_id: string | null;
  action: string;
  resource: string;
  record_id: string | null;
  changed_fields: ColumnType<string[], string[], never>;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface NamedLocationsTable {
  id: Generated<string>;
  kelurahan_code: string;
  name: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  rw: string | null;
  rt: string | null;
  geometry: Json<unknown> | null;
  notes: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface IndicatorCataloguesTable {
  version: number;
  indicators: Json<unknown>;
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface RuleSetsTable {
  version: number;
  method: string;
  rules: Json<unknown>;
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface AssessmentRoundsTable {
  id: Generated<string>;
  name: string;
  method: string;
  area_code: string;
  period_start: ColumnType<string, string, string>;
  period_end: ColumnType<string, string, string>;
  catalogue_version: number;
  rule_version: number;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface AssessmentsTable {
  id: Generated<string>;
  round_id: string;
  area_code: string;
  named_location_id: string | null;
  status: Generated<string>;
  indicators: Json<unknown>;
  survey_items: Json<unknown>;
  notes: Generated<string>;
  source: Generated<string>;
  pokok: number | null;
  pendukung: number | null;
  survey_score: number | null;
  class: string;
  rule_version: number;
  drafted_by: string | null;
  verified_by: string | null;
  verified_at: Timestamp | null;
  verify_comment: string | null;
  published_by: string | null;
  published_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface AssessmentClassificationsTable {
  id: Generated<string>;
  assessment_id: string;
  rule_version: number;
  class: string;
  pokok: number | null;
  pendukung: number | null;
  survey_score: number | null;
  computed_by: string | null;
  computed_at: Generated<Timestamp>;
}

export interface IncidentTypesTable {
  code: string;
  name: string;
  name_en: string;
  active: Generated<boolean>;
}

export interface IncidentsTable {
  id: Generated<string>;
  external_ref: string | null;
  occurred_on: ColumnType<string, string, string>;
  occurred_time: string | null;
  type_code: string;
  lon: number | null;
  lat: number | null;
  precision: string;
  kelurahan_code: string;
  h3_r7: string | null;
  h3_r9: string | null;
  h3_r11: string | null;
  persons: Generated<number>;
  arrests: Generated<number>;
  substance: Generated<string>;
  quantity: number | null;
  unit: string | null;
  source: string;
  source_ref: Generated<string>;
  notes: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Every table. Act, Treat and Know keep their table types in their own schema files. */
export interface DataVersionsTable {
  name: string;
  /** bigint: read as a string. */
  version: ColumnType<string, never, string>;
  changed_at: Generated<Timestamp>;
}

export interface Database extends MeetingsTables, ProgrammesTables, RehabTables, KnowTables {
  areas: AreasTable;
  reference_datasets: ReferenceDatasetsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  named_locations: NamedLocationsTable;
  indicator_catalogues: IndicatorCataloguesTable;
  rule_sets: RuleSetsTable;
  assessment_rounds: AssessmentRoundsTable;
  assessments: AssessmentsTable;
  assessment_classifications: AssessmentClassificationsTable;
  incident_types: IncidentTypesTable;
  incidents: IncidentsTable;
  data_versions: DataVersionsTable;
}

/** Serialise a value for a `jsonb` column. */
export function json<T>(value: T): string {
  return JSON.stringify(value);
}
