/** Table types for the rehabilitation registry (migration 0007). Shared column types come from ./schema. */
import type { ColumnType, Generated } from "kysely";
import type { Json, Timestamp } from "./schema";

/** `date` columns: written as YYYY-MM-DD text, read as Date or text (see server/time dateText). */
type DateColumn = ColumnType<string | Date, string, string>;
type NullableDate = ColumnType<string | Date | null, string | null | undefined, string | null>;

export interface RehabKeyStateTable {
  id: number;
  current_key_id: number;
  updated_at: Generated<Timestamp>;
}

export interface RehabClientsTable {
  id: string;
  code: string;
  /** AES-256-GCM ciphertexts (see server/crypto); never plaintext. */
  full_name_enc: string | null;
  nik_enc: string | null;
  date_of_birth_enc: string | null;
  phone_enc: string | null;
  address_enc: string | null;
  /** HMAC-SHA256 of the normalised NIK under a key derived from the current data key. */
  nik_index: string | null;
  key_id: number | null;
  sex: string;
  birth_year: number;
  residence_kelurahan_code: string | null;
  child: Generated<boolean>;
  synthetic: Generated<boolean>;
  erased_at: Timestamp | null;
  erased_by: string | null;
  erasure_basis: string | null;
  erasure_reference: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface RehabEpisodesTable {
  id: Generated<string>;
  client_id: string;
  facility_id: string;
  status: string;
  entry_route: string;
  entry_note: Generated<string>;
  tat_recommendation: string | null;
  tat_assessed_on: NullableDate;
  tat_reference: Generated<string>;
  intake_date: DateColumn;
  consent_given: Generated<boolean>;
  consent_date: NullableDate;
  consent_by: string | null;
  consent_note: Generated<string>;
  service_type: string | null;
  start_date: NullableDate;
  treatment_plan: Generated<string>;
  primary_substance: string | null;
  secondary_substances: ColumnType<string[], string[] | undefined, string[]>;
  route: string | null;
  frequency: string | null;
  age_first_use: number | null;
  previous_treatment: string | null;
  injecting: string | null;
  discharge_date: NullableDate;
  discharge_outcome: string | null;
  discharge_note: Generated<string>;
  aftercare_start: NullableDate;
  closed_date: NullableDate;
  close_note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface RehabScreeningsTable {
  id: Generated<string>;
  episode_id: string;
  instrument: Generated<string>;
  screened_on: DateColumn;
  answers: Json<unknown>;
  scores: Json<unknown>;
  highest_band: string;
  injection: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface RehabVisitsTable {
  id: Generated<string>;
  episode_id: string;
  visit_date: DateColumn;
  kind: string;
  urine_result: string | null;
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface RehabFollowUpsTable {
  id: Generated<string>;
  episode_id: string;
  follow_up_date: DateColumn;
  relapse_status: string;
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface RehabBreakGlassTable {
  id: Generated<string>;
  user_id: string;
  client_id: string;
  reason: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_note: Generated<string>;
}

export interface RehabIdentityViewsTable {
  id: Generated<string>;
  client_id: string;
  user_id: string;
  reason_code: string;
  reason: Generated<string>;
  break_glass_id: string | null;
  viewed_at: Generated<Timestamp>;
}

export interface RehabTables {
  rehab_key_state: RehabKeyStateTable;
  rehab_clients: RehabClientsTable;
  rehab_episodes: RehabEpisodesTable;
  rehab_screenings: RehabScreeningsTable;
  rehab_visits: RehabVisitsTable;
  rehab_follow_ups: RehabFollowUpsTable;
  rehab_break_glass: RehabBreakGlassTable;
  rehab_identity_views: RehabIdentityViewsTable;
}
