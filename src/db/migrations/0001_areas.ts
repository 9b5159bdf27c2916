import { type Kysely, sql } from "kysely";

/** Reference areas (Kemendagri codes and boundaries) and the datasets they came from. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("areas")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("level", "text", (c) =>
      c.notNull().check(sql`level in ('provinsi','kabupaten','kota','kecamatan','kelurahan')`),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_code", "text", (c) => c.references("areas.code"))
    .addColumn("geometry", "jsonb")
    .addColumn("min_lon", "double precision")
    .addColumn("min_lat", "double precision")
    .addColumn("max_lon", "double precision")
    .addColumn("max_lat", "double precision")
    .addColumn("centroid_lon", "double precision")
    .addColumn("centroid_lat", "double precision")
    .addColumn("label_lon", "double precision")
    .addColumn("label_lat", "double precision")
    .addColumn("area_km2", "double precision")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("areas_parent_idx").on("areas").column("parent_code").execute();
  await db.schema.createIndex("areas_level_idx").on("areas").columns(["level", "code"]).execute();
  // Prefix searches (`code LIKE '31.73.%'`) use this index under any collation.
  await sql`create index areas_code_prefix_idx on areas (code text_pattern_ops)`.execute(db);

  await db.schema
    .createTable("reference_datasets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("checksum", "text", (c) => c.notNull())
    .addColumn("record_count", "integer", (c) => c.notNull())
    .addColumn("loaded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
