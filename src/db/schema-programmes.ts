/** Table types for programmes, activities, schedules (migration 0006). Shared column types come from ./schema. */

// biome-ignore lint/suspicious/noEmptyInterface: filled by the tables of this part.
export interface ProgrammesTables {}
