import { type Kysely, sql } from "kysely";

function oneOf(column: string, values: readonly string[], nullable = false) {
  const list = values.map((v) => `'${v}'`).join(",");
  return sql.raw(
    nullable ? `${column} is null or ${column} in (${list})` : `${column} in (${list})`,
  );
}

/**
 * Treat: the confidential rehabilitation registry (issue 7). Identity columns hold AES-256-GCM
 * ciphertexts made by the application (never plaintext); `nik_index` is a keyed hash (blind
 * index) for de-duplication. Sex, birth year and residence kelurahan are clear for statistics.
 * See docs/adr/0006-rehab-encryption.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Which key of the ring (kept outside the database) is current; one row, id 1.
  await db.schema
    .createTable("rehab_key_state")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("current_key_id", "integer", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("rehab_clients")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("full_name_enc", "text")
    .addColumn("nik_enc", "text")
    .addColumn("date_of_birth_enc", "text")
    .addColumn("phone_enc", "text")
    .addColumn("address_enc", "text")
    .addColumn("nik_index", "text")
    .addColumn("key_id", "integer")
    .addColumn("sex", "text", (c) => c.notNull().check(oneOf("sex", ["male", "female"])))
    .addColumn("birth_year", "integer", (c) =>
      c.notNull().check(sql`birth_year between 1900 and 2100`),
    )
    .addColumn("residence_kelurahan_code", "text", (c) => c.references("areas.code"))
    .addColumn("child", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("synthetic", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("erased_at", "timestamptz")
    .addColumn("erased_by", "uuid")
    .addColumn("erasure_basis", "text")
    .addColumn("erasure_reference", "text")
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index rehab_clients_nik_index_idx on rehab_clients (nik_index) where nik_index is not null`.execute(
    db,
  );
  await sql`create index rehab_clients_residence_idx on rehab_clients (residence_kelurahan_code)`.execute(
    db,
  );

  await db.schema
    .createTable("rehab_episodes")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("client_id", "uuid", (c) => c.notNull().references("rehab_clients.id"))
    .addColumn("facility_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .check(
          oneOf("status", ["intake", "assessment", "in_care", "discharged", "aftercare", "closed"]),
        ),
    )
    .addColumn("entry_route", "text", (c) =>
      c
        .notNull()
        .check(
          oneOf("entry_route", [
            "voluntary",
            "wajib_lapor",
            "legal_tat",
            "referral_outreach",
            "other",
          ]),
        ),
    )
    .addColumn("entry_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("tat_recommendation", "text", (c) =>
      c.check(
        oneOf(
          "tat_recommendation",
          [
            "rehab_outpatient",
            "rehab_inpatient",
            "legal_process_with_rehab",
            "legal_process",
            "other",
          ],
          true,
        ),
      ),
    )
    .addColumn("tat_assessed_on", "date")
    .addColumn("tat_reference", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("intake_date", "date", (c) => c.notNull())
    .addColumn("consent_given", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("consent_date", "date")
    .addColumn("consent_by", "text", (c) =>
      c.check(oneOf("consent_by", ["client", "guardian"], true)),
    )
    .addColumn("consent_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("service_type", "text", (c) =>
      c.check(oneOf("service_type", ["rawat_jalan", "rawat_inap"], true)),
    )
    .addColumn("start_date", "date")
    .addColumn("treatment_plan", "text", (c) => c.notNull().defaultTo(""))
    // TDI 3.0 items
    .addColumn("primary_substance", "text")
    .addColumn("secondary_substances", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("route", "text")
    .addColumn("frequency", "text")
    .addColumn("age_first_use", "integer", (c) => c.check(sql`age_first_use between 1 and 120`))
    .addColumn("previous_treatment", "text")
    .addColumn("injecting", "text")
    // discharge, aftercare, closing
    .addColumn("discharge_date", "date")
    .addColumn("discharge_outcome", "text", (c) =>
      c.check(oneOf("discharge_outcome", ["completed", "dropped_out", "referred", "other"], true)),
    )
    .addColumn("discharge_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("aftercare_start", "date")
    .addColumn("closed_date", "date")
    .addColumn("close_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "rehab_episodes_start_after_intake",
      sql`start_date is null or start_date >= intake_date`,
    )
    .addCheckConstraint(
      "rehab_episodes_discharge_after_start",
      sql`discharge_date is null or (start_date is not null and discharge_date >= start_date)`,
    )
    .execute();
  await db.schema
    .createIndex("rehab_episodes_client_idx")
    .on("rehab_episodes")
    .column("client_id")
    .execute();
  await db.schema
    .createIndex("rehab_episodes_facility_idx")
    .on("rehab_episodes")
    .columns(["facility_id", "intake_date"])
    .execute();
  await db.schema
    .createIndex("rehab_episodes_intake_idx")
    .on("rehab_episodes")
    .column("intake_date")
    .execute();

  await db.schema
    .createTable("rehab_screenings")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("episode_id", "uuid", (c) => c.notNull().references("rehab_episodes.id"))
    .addColumn("instrument", "text", (c) => c.notNull().defaultTo("assist_3.1"))
    .addColumn("screened_on", "date", (c) => c.notNull())
    .addColumn("answers", "jsonb", (c) => c.notNull())
    .addColumn("scores", "jsonb", (c) => c.notNull())
    .addColumn("highest_band", "text", (c) =>
      c.notNull().check(oneOf("highest_band", ["low", "moderate", "high"])),
    )
    .addColumn("injection", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("rehab_screenings_episode_idx")
    .on("rehab_screenings")
    .column("episode_id")
    .execute();

  await db.schema
    .createTable("rehab_visits")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("episode_id", "uuid", (c) => c.notNull().references("rehab_episodes.id"))
    .addColumn("visit_date", "date", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("urine_result", "text", (c) =>
      c.check(oneOf("urine_result", ["negative", "positive", "not_done"], true)),
    )
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("rehab_visits_episode_idx")
    .on("rehab_visits")
    .column("episode_id")
    .execute();

  await db.schema
    .createTable("rehab_follow_ups")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("episode_id", "uuid", (c) => c.notNull().references("rehab_episodes.id"))
    .addColumn("follow_up_date", "date", (c) => c.notNull())
    .addColumn("relapse_status", "text", (c) =>
      c.notNull().check(oneOf("relapse_status", ["not_relapsed", "relapsed", "unknown"])),
    )
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("rehab_follow_ups_episode_idx")
    .on("rehab_follow_ups")
    .column("episode_id")
    .execute();

  await db.schema
    .createTable("rehab_break_glass")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("client_id", "uuid", (c) => c.notNull().references("rehab_clients.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("reviewed_by", "uuid", (c) => c.references("users.id"))
    .addColumn("reviewed_at", "timestamptz")
    .addColumn("review_note", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createIndex("rehab_break_glass_user_idx")
    .on("rehab_break_glass")
    .columns(["user_id", "client_id", "expires_at"])
    .execute();

  // Who saw a client's identity, why, and under which grant. The audit log holds the event;
  // this holds the stated reason (free text stays out of the hash-chained log).
  await db.schema
    .createTable("rehab_identity_views")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("client_id", "uuid", (c) => c.notNull().references("rehab_clients.id"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("reason_code", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("break_glass_id", "uuid", (c) => c.references("rehab_break_glass.id"))
    .addColumn("viewed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("rehab_identity_views_client_idx")
    .on("rehab_identity_views")
    .columns(["client_id", "viewed_at"])
    .execute();
}
