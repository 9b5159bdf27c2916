/** Table types for programmes, activities, schedules (migration 0006). Shared column types come from ./schema. */
import type { ColumnType, Generated } from "kysely";
import type { Json, Timestamp } from "./schema";

type DateColumn = ColumnType<string, string, string>;

export interface ActivityTypesTable {
  code: string;
  name: string;
  name_en: string;
  result_kind: Generated<string>;
  active: Generated<boolean>;
  sort: Generated<number>;
}

export interface ProgrammesTable {
  id: Generated<string>;
  name: string;
  pillar: string;
  description: Generated<string>;
  lead_organisation_id: string;
  area_code: string;
  period_start: DateColumn;
  period_end: DateColumn;
  /** bigint (IDR): read back as a string. */
  budget_amount: ColumnType<string, number | string, number | string>;
  budget_source: Generated<string>;
  risk_round_id: string | null;
  status: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ProgrammePartnersTable {
  programme_id: string;
  organisation_id: string;
}

export interface ProgrammeAreasTable {
  id: Generated<string>;
  programme_id: string;
  area_code: string;
  named_location_id: string | null;
}

export interface ProgrammeTargetsTable {
  id: Generated<string>;
  programme_id: string;
  indicator: string;
  label: Generated<string>;
  baseline: Generated<number>;
  target_value: number;
  manual_achieved: number | null;
  sort: Generated<number>;
}

export interface ProgrammeInputItemsTable {
  programme_id: string;
  input_item_id: string;
}

export interface ActivitySchedulesTable {
  id: Generated<string>;
  programme_id: string;
  title: string;
  type_code: string;
  area_code: string;
  named_location_id: string | null;
  frequency: string;
  interval: Generated<number>;
  start_on: DateColumn;
  end_on: DateColumn;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ActivitiesTable {
  id: Generated<string>;
  programme_id: string;
  schedule_id: string | null;
  type_code: string;
  held_on: DateColumn;
  area_code: string;
  named_location_id: string | null;
  lon: number | null;
  lat: number | null;
  participants: Json<unknown>;
  participants_total: Generated<number>;
  urine_tested: number | null;
  urine_positive: number | null;
  reached: number | null;
  referred: number | null;
  notes: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ActivityOrganisationsTable {
  activity_id: string;
  organisation_id: string;
}

export interface ActivityPhotosTable {
  id: Generated<string>;
  activity_id: string;
  content_type: string;
  size_bytes: number;
  content: Buffer;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface ProgrammesTables {
  activity_types: ActivityTypesTable;
  programmes: ProgrammesTable;
  programme_partners: ProgrammePartnersTable;
  programme_areas: ProgrammeAreasTable;
  programme_targets: ProgrammeTargetsTable;
  programme_input_items: ProgrammeInputItemsTable;
  activity_schedules: ActivitySchedulesTable;
  activities: ActivitiesTable;
  activity_organisations: ActivityOrganisationsTable;
  activity_photos: ActivityPhotosTable;
}
