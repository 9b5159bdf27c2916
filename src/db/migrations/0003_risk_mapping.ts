import { type Kysely, sql } from "kysely";

/**
 * Drug-prone area mapping: named locations, versioned indicator catalogues and rule sets,
 * assessment rounds, per-area assessments with their workflow, and classification history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("named_locations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("kelurahan_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("aliases", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("rw", "text")
    .addColumn("rt", "text")
    .addColumn("geometry", "jsonb")
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index named_locations_name_idx on named_locations (kelurahan_code, lower(name))`.execute(
    db,
  );

  await db.schema
    .createTable("indicator_catalogues")
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("indicators", "jsonb", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("rule_sets")
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('indicator','survey')`))
    .addColumn("rules", "jsonb", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("assessment_rounds")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('indicator','survey')`))
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("period_start", "date", (c) => c.notNull())
    .addColumn("period_end", "date", (c) => c.notNull())
    .addColumn("catalogue_version", "integer", (c) =>
      c.notNull().references("indicator_catalogues.version"),
    )
    .addColumn("rule_version", "integer", (c) => c.notNull().references("rule_sets.version"))
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("round_id", "uuid", (c) => c.notNull().references("assessment_rounds.id"))
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("named_location_id", "uuid", (c) => c.references("named_locations.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`status in ('draft','verified','published')`),
    )
    .addColumn("indicators", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("survey_items", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("pokok", "integer")
    .addColumn("pendukung", "integer")
    .addColumn("survey_score", "double precision")
    .addColumn("class", "text", (c) =>
      c.notNull().check(sql`class in ('bahaya','waspada','siaga','aman')`),
    )
    .addColumn("rule_version", "integer", (c) => c.notNull().references("rule_sets.version"))
    .addColumn("drafted_by", "uuid")
    .addColumn("verified_by", "uuid")
    .addColumn("verified_at", "timestamptz")
    .addColumn("verify_comment", "text")
    .addColumn("published_by", "uuid")
    .addColumn("published_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index assessments_place_idx on assessments (round_id, area_code, named_location_id) nulls not distinct`.execute(
    db,
  );
  await sql`create index assessments_area_idx on assessments (area_code text_pattern_ops)`.execute(
    db,
  );

  await db.schema
    .createTable("assessment_classifications")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("assessment_id", "uuid", (c) => c.notNull().references("assessments.id"))
    .addColumn("rule_version", "integer", (c) => c.notNull().references("rule_sets.version"))
    .addColumn("class", "text", (c) => c.notNull())
    .addColumn("pokok", "integer")
    .addColumn("pendukung", "integer")
    .addColumn("survey_score", "double precision")
    .addColumn("computed_by", "uuid")
    .addColumn("computed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("assessment_classifications_idx")
    .on("assessment_classifications")
    .column("assessment_id")
    .execute();
}
