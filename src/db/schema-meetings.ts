/** Table types for meetings, input items and follow-up actions (migration 0005). Shared column types come from ./schema. */

// biome-ignore lint/suspicious/noEmptyInterface: filled by the tables of this part.
export interface MeetingsTables {}
