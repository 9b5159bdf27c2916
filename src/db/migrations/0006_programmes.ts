import { type Kysely, sql } from "kysely";

/**
 * Act: programmes with their target areas, partners, targets and cited input items; the
 * editable activity-type catalogue; activities with organisations and photos; schedules
 * of recurring activities (issue 6).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("activity_types")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("result_kind", "text", (c) =>
      c.notNull().defaultTo("none").check(sql`result_kind in ('none','urine_test','outreach')`),
    )
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into activity_types (code, name, name_en, result_kind, sort) values
    ('sosialisasi', 'Sosialisasi / penyuluhan (KIE)', 'Awareness session (KIE)', 'none', 10),
    ('tes_urine', 'Tes urine / deteksi dini', 'Urine test / early detection', 'urine_test', 20),
    ('pelatihan_penggiat', 'Pelatihan penggiat / relawan', 'Volunteer (penggiat) training', 'none', 30),
    ('ibm_outreach', 'Penjangkauan IBM oleh Agen Pemulihan', 'IBM outreach by Agen Pemulihan', 'outreach', 40),
    ('ketahanan_keluarga', 'Ketahanan keluarga', 'Family resilience session', 'none', 50),
    ('pemberdayaan_alternatif', 'Pemberdayaan alternatif', 'Alternative empowerment', 'none', 60),
    ('advokasi', 'Advokasi', 'Advocacy', 'none', 70),
    ('satgas', 'Pembentukan satgas', 'Task force set-up', 'none', 80),
    ('hani', 'Peringatan HANI (26 Juni)', 'HANI event (26 June)', 'none', 90)`.execute(db);

  await db.schema
    .createTable("programmes")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("pillar", "text", (c) =>
      c
        .notNull()
        .check(
          sql`pillar in ('pencegahan','edukasi_diseminasi','pemberdayaan_masyarakat','rehabilitasi','dukungan_penegakan')`,
        ),
    )
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("lead_organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("period_start", "date", (c) => c.notNull())
    .addColumn("period_end", "date", (c) => c.notNull())
    .addColumn("budget_amount", "bigint", (c) =>
      c.notNull().defaultTo(0).check(sql`budget_amount >= 0`),
    )
    .addColumn("budget_source", "text", (c) =>
      c.notNull().defaultTo("apbd").check(sql`budget_source in ('apbd','bnn','csr','other')`),
    )
    .addColumn("risk_round_id", "uuid", (c) => c.references("assessment_rounds.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("planned")
        .check(sql`status in ('planned','active','completed','cancelled')`),
    )
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("programmes_period_check", sql`period_end >= period_start`)
    .execute();
  await sql`create index programmes_area_idx on programmes (area_code text_pattern_ops)`.execute(
    db,
  );

  await db.schema
    .createTable("programme_partners")
    .addColumn("programme_id", "uuid", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addPrimaryKeyConstraint("programme_partners_pk", ["programme_id", "organisation_id"])
    .execute();

  await db.schema
    .createTable("programme_areas")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("programme_id", "uuid", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("named_location_id", "uuid", (c) => c.references("named_locations.id"))
    .execute();
  await sql`create unique index programme_areas_idx on programme_areas (programme_id, area_code, named_location_id) nulls not distinct`.execute(
    db,
  );

  // The input items (masukan, migration 0005) a programme answers.
  await db.schema
    .createTable("programme_input_items")
    .addColumn("programme_id", "uuid", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("input_item_id", "uuid", (c) => c.notNull().references("input_items.id"))
    .addPrimaryKeyConstraint("programme_input_items_pk", ["programme_id", "input_item_id"])
    .execute();
  await db.schema
    .createIndex("programme_input_items_item_idx")
    .on("programme_input_items")
    .column("input_item_id")
    .execute();

  await db.schema
    .createTable("programme_targets")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("programme_id", "uuid", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("indicator", "text", (c) =>
      c
        .notNull()
        .check(
          sql`indicator in ('activities','participants','urine_tested','urine_positive','reached','referred','manual')`,
        ),
    )
    .addColumn("label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("baseline", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("target_value", "double precision", (c) => c.notNull())
    .addColumn("manual_achieved", "double precision")
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("activity_schedules")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("programme_id", "uuid", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("type_code", "text", (c) => c.notNull().references("activity_types.code"))
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("named_location_id", "uuid", (c) => c.references("named_locations.id"))
    .addColumn("frequency", "text", (c) =>
      c.notNull().check(sql`frequency in ('weekly','monthly')`),
    )
    .addColumn("interval", "integer", (c) =>
      c.notNull().defaultTo(1).check(sql`"interval" between 1 and 12`),
    )
    .addColumn("start_on", "date", (c) => c.notNull())
    .addColumn("end_on", "date", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("activity_schedules_period_check", sql`end_on >= start_on`)
    .execute();

  await db.schema
    .createTable("activities")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("programme_id", "uuid", (c) => c.notNull().references("programmes.id"))
    .addColumn("schedule_id", "uuid", (c) => c.references("activity_schedules.id"))
    .addColumn("type_code", "text", (c) => c.notNull().references("activity_types.code"))
    .addColumn("held_on", "date", (c) => c.notNull())
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("named_location_id", "uuid", (c) => c.references("named_locations.id"))
    .addColumn("lon", "double precision")
    .addColumn("lat", "double precision")
    .addColumn("participants", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("participants_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("urine_tested", "integer")
    .addColumn("urine_positive", "integer")
    .addColumn("reached", "integer")
    .addColumn("referred", "integer")
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "activities_results_check",
      sql`coalesce(urine_positive, 0) <= coalesce(urine_tested, 0) and coalesce(referred, 0) <= coalesce(reached, 0)`,
    )
    .execute();
  await sql`create index activities_area_date_idx on activities (area_code text_pattern_ops, held_on)`.execute(
    db,
  );
  await db.schema
    .createIndex("activities_programme_idx")
    .on("activities")
    .columns(["programme_id", "held_on"])
    .execute();

  await db.schema
    .createTable("activity_organisations")
    .addColumn("activity_id", "uuid", (c) =>
      c.notNull().references("activities.id").onDelete("cascade"),
    )
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addPrimaryKeyConstraint("activity_organisations_pk", ["activity_id", "organisation_id"])
    .execute();

  await db.schema
    .createTable("activity_photos")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("activity_id", "uuid", (c) =>
      c.notNull().references("activities.id").onDelete("cascade"),
    )
    .addColumn("content_type", "text", (c) =>
      c.notNull().check(sql`content_type in ('image/jpeg','image/png','image/webp')`),
    )
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("content", "bytea", (c) => c.notNull())
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
