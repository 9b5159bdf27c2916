import { type Kysely, sql } from "kysely";

/**
 * A version number per dataset, raised in the same transaction as every write to it, so
 * caches of derived answers (incident aggregates, hotspots, heat layers) know when they are
 * stale, across server instances.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("data_versions")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("changed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into data_versions (name) values ('incidents')`.execute(db);
}
