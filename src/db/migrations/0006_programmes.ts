import type { Kysely } from "kysely";

/** Act: programmes, activities and their catalogue, schedules (issue 6). */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Tables are added here by the issue that owns this migration, before it lands.
}
