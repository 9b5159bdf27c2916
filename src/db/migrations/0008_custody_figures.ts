import type { Kysely } from "kysely";

/** Know: custody facilities and counts, the official figures register (issue 8). */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Tables are added here by the issue that owns this migration, before it lands.
}
