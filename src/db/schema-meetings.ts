/** Table types for meetings, input items and follow-up actions (migration 0005). Shared column types come from ./schema. */
import type { ColumnType, Generated } from "kysely";
/** `timestamptz` columns: read as Date; insertable without a value when they have a default. */
import type { Timestamp } from "./schema";

/** `date` columns: written as YYYY-MM-DD, read back by the driver (use dateText). */
type DateColumn = ColumnType<string, string, string>;

export type MeetingKind = "coordination" | "audience" | "other";
export type InputItemPriority = "high" | "medium" | "low";
/** What became of an input item: still open, accepted, turned into action(s) or a programme, or declined (with reason). */
export type InputItemStatus = "open" | "accepted" | "action" | "programme" | "declined";
export type FollowUpStatus = "open" | "in_progress" | "done" | "dropped";

export interface MeetingsTable {
  id: Generated<string>;
  held_on: DateColumn;
  /** HH:MM, local time (Asia/Jakarta), optional. */
  start_time: string | null;
  place: Generated<string>;
  title: string;
  kind: MeetingKind;
  organiser_organisation_id: string;
  /** Scope of the meeting: who may see it (people whose scope contains this area). */
  area_code: string;
  minutes: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeetingAttendeesTable {
  meeting_id: string;
  organisation_id: string;
}

export interface MeetingAttachmentsTable {
  id: Generated<string>;
  meeting_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Buffer;
  created_by: string | null;
  created_at: Timestamp;
}

/** Input items (masukan) raised at a meeting. Programmes (migration 0006) cite them by id. */
export interface InputItemsTable {
  id: Generated<string>;
  meeting_id: string;
  raised_by_organisation_id: string | null;
  /** Free-text role or title of who raised it, e.g. "Camat Cengkareng". */
  raised_by: Generated<string>;
  topic: string;
  description: Generated<string>;
  priority: InputItemPriority;
  status: Generated<InputItemStatus>;
  decline_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InputItemAreasTable {
  input_item_id: string;
  area_code: string;
}

export interface InputItemLocationsTable {
  input_item_id: string;
  named_location_id: string;
}

export interface FollowUpActionsTable {
  id: Generated<string>;
  input_item_id: string;
  title: string;
  description: Generated<string>;
  owner_organisation_id: string;
  assignee_user_id: string | null;
  due_on: DateColumn;
  status: Generated<FollowUpStatus>;
  drop_reason: string | null;
  completed_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeetingsTables {
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_attachments: MeetingAttachmentsTable;
  input_items: InputItemsTable;
  input_item_areas: InputItemAreasTable;
  input_item_locations: InputItemLocationsTable;
  follow_up_actions: FollowUpActionsTable;
}
