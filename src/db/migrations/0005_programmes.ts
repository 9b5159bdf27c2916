import type { Kysely } from "kysely";

/** Act: meetings, input items, follow-up actions, programmes, activities and their catalogue (issue 6). */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Tables are added here by the issue that owns this migration, before it lands.
}
