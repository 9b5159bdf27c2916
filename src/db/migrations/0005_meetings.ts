import type { Kysely } from "kysely";

/** Act: coordination meetings, their input items (masukan) and follow-up actions (issue 6). */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Tables are added here by the issue that owns this migration, before it lands.
}
