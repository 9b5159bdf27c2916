/** Table types for custody and official figures (migration 0008). Shared column types come from ./schema. */

// biome-ignore lint/suspicious/noEmptyInterface: filled by the tables of this part.
export interface KnowTables {}
