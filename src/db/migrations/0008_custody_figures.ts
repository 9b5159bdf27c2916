import { type Kysely, sql } from "kysely";

/**
 * Know: custody facilities and their dated counts, and the official figures register with its
 * editable indicator list (issue 8). Derived values (occupancy, excess, drug share) are never
 * stored: `domain/custody` computes them from these counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("custody_facilities")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("type", "text", (c) => c.notNull().check(sql`type in ('lapas','rutan','lpka')`))
    // No foreign key: the default facilities are inserted here, before reference areas load
    // (db/index.ts prepareDatabase); the service checks that an area exists on every write.
    .addColumn("area_code", "text", (c) => c.notNull())
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The eight DKI facilities exist by default (DOMAIN.md section 7); more can be added. Their
  // area is the province they count towards (31): lapas and rutan hold people from all of DKI.
  await db
    .insertInto("custody_facilities" as never)
    .values(
      [
        ["Lapas Kelas I Cipinang", "lapas"],
        ["Lapas Kelas IIA Salemba", "lapas"],
        ["Lapas Narkotika Kelas IIA Jakarta", "lapas"],
        ["Lapas Perempuan Kelas IIA Jakarta", "lapas"],
        ["Rutan Kelas I Cipinang", "rutan"],
        ["Rutan Kelas I Jakarta Pusat (Salemba)", "rutan"],
        ["Rutan Kelas I Pondok Bambu", "rutan"],
        ["LPKA Kelas II Jakarta", "lpka"],
      ].map(([name, type]) => ({ name, type, area_code: "31" })) as never,
    )
    .execute();

  await db.schema
    .createTable("custody_counts")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("facility_id", "uuid", (c) =>
      c.notNull().references("custody_facilities.id").onDelete("restrict"),
    )
    .addColumn("counted_on", "date", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn("occupants", "integer", (c) => c.notNull().check(sql`occupants >= 0`))
    .addColumn("drug_offenders", "integer", (c) => c.check(sql`drug_offenders >= 0`))
    .addColumn("drug_users", "integer", (c) => c.check(sql`drug_users >= 0`))
    .addColumn("drug_dealers", "integer", (c) => c.check(sql`drug_dealers >= 0`))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("entered_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("custody_counts_facility_date_key", ["facility_id", "counted_on"])
    .addCheckConstraint("custody_counts_drug_le_occupants", sql`drug_offenders <= occupants`)
    .addCheckConstraint(
      "custody_counts_split_le_drug",
      sql`coalesce(drug_users, 0) + coalesce(drug_dealers, 0) <= coalesce(drug_offenders, occupants)`,
    )
    .execute();
  await db.schema
    .createIndex("custody_counts_date_idx")
    .on("custody_counts")
    .columns(["counted_on", "facility_id"])
    .execute();

  await db.schema
    .createTable("official_figure_indicators")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .execute();
  await db
    .insertInto("official_figure_indicators" as never)
    .values(
      [
        ["rehab_clients", "Klien rehabilitasi", "Rehabilitation clients", "orang"],
        ["custody_capacity", "Kapasitas lapas dan rutan", "Prison and detention capacity", "orang"],
        ["custody_occupants", "Penghuni lapas dan rutan", "Prisoners and detainees held", "orang"],
        ["custody_drug_offenders", "Penghuni kasus narkotika", "Held for drug offences", "orang"],
        ["drug_incidents", "Kasus narkotika", "Drug cases", "kasus"],
        ["drug_prevalence", "Prevalensi penyalahgunaan narkoba", "Drug use prevalence", "persen"],
        ["other", "Lainnya", "Other", ""],
      ].map(([code, name, name_en, unit]) => ({ code, name, name_en, unit })) as never,
    )
    .execute();

  await db.schema
    .createTable("official_figures")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("indicator_code", "text", (c) =>
      c.notNull().references("official_figure_indicators.code"),
    )
    .addColumn("label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("value", "numeric", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("period_start", "date")
    .addColumn("period_end", "date")
    .addColumn("period_label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("source_organisation", "text", (c) => c.notNull())
    .addColumn("citation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("link", "text")
    .addColumn("published_on", "date")
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("entered_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "official_figures_period_given",
      sql`period_end is not null or period_label <> ''`,
    )
    .addCheckConstraint(
      "official_figures_period_order",
      sql`period_start is null or period_end is null or period_start <= period_end`,
    )
    .execute();
  await sql`create index official_figures_lookup_idx on official_figures (indicator_code, area_code, period_end)`.execute(
    db,
  );
}
