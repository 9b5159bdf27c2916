import type { Kysely } from "kysely";

/** Treat: the confidential rehabilitation registry (issue 7). */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Tables are added here by the issue that owns this migration, before it lands.
}
