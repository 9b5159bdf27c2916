import { type Kysely, sql } from "kysely";

/** Incidents (no personal data) with their kelurahan and H3 cells, and the editable type catalogue. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("incident_types")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable("incidents")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("external_ref", "text", (c) => c.unique())
    .addColumn("occurred_on", "date", (c) => c.notNull())
    .addColumn("occurred_time", "text")
    .addColumn("type_code", "text", (c) => c.notNull().references("incident_types.code"))
    .addColumn("lon", "double precision")
    .addColumn("lat", "double precision")
    .addColumn("precision", "text", (c) =>
      c.notNull().check(sql`precision in ('exact','approximate','kelurahan')`),
    )
    .addColumn("kelurahan_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("h3_r7", "text")
    .addColumn("h3_r9", "text")
    .addColumn("h3_r11", "text")
    .addColumn("persons", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("arrests", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("substance", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("quantity", "double precision")
    .addColumn("unit", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_ref", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index incidents_area_date_idx on incidents (kelurahan_code text_pattern_ops, occurred_on)`.execute(
    db,
  );
  await db.schema.createIndex("incidents_date_idx").on("incidents").column("occurred_on").execute();
  await db.schema.createIndex("incidents_h3_r9_idx").on("incidents").column("h3_r9").execute();
}
