/** Table types for the rehabilitation registry (migration 0007). Shared column types come from ./schema. */

// biome-ignore lint/suspicious/noEmptyInterface: filled by the tables of this part.
export interface RehabTables {}
