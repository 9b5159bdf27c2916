import { type Kysely, sql } from "kysely";

/** Largest attachment stored in the database (bytes). Kept in step with the meetings module. */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Act: coordination meetings and audiences (audiensi), their attending organisations and
 * attachments, the input items (masukan) raised there with the areas they concern, and the
 * follow-up actions they turned into.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("meetings")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("held_on", "date", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.check(sql`start_time ~ '^[0-2][0-9]:[0-5][0-9]$'`))
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('coordination','audience','other')`),
    )
    .addColumn("organiser_organisation_id", "uuid", (c) =>
      c.notNull().references("organisations.id"),
    )
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addColumn("minutes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index meetings_area_date_idx on meetings (area_code text_pattern_ops, held_on)`.execute(
    db,
  );
  await db.schema.createIndex("meetings_date_idx").on("meetings").column("held_on").execute();

  await db.schema
    .createTable("meeting_attendees")
    .addColumn("meeting_id", "uuid", (c) =>
      c.notNull().references("meetings.id").onDelete("cascade"),
    )
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addPrimaryKeyConstraint("meeting_attendees_pk", ["meeting_id", "organisation_id"])
    .execute();
  await db.schema
    .createIndex("meeting_attendees_org_idx")
    .on("meeting_attendees")
    .column("organisation_id")
    .execute();

  await db.schema
    .createTable("meeting_attachments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("meeting_id", "uuid", (c) =>
      c.notNull().references("meetings.id").onDelete("cascade"),
    )
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) =>
      c.notNull().check(
        sql`content_type in ('application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'image/jpeg','image/png')`,
      ),
    )
    .addColumn("size_bytes", "integer", (c) =>
      c.notNull().check(sql.raw(`size_bytes > 0 and size_bytes <= ${MAX_ATTACHMENT_BYTES}`)),
    )
    .addColumn("content", "bytea", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("meeting_attachments_meeting_idx")
    .on("meeting_attachments")
    .column("meeting_id")
    .execute();

  await db.schema
    .createTable("input_items")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("meeting_id", "uuid", (c) => c.notNull().references("meetings.id"))
    .addColumn("raised_by_organisation_id", "uuid", (c) => c.references("organisations.id"))
    .addColumn("raised_by", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("priority", "text", (c) =>
      c.notNull().check(sql`priority in ('high','medium','low')`),
    )
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open','accepted','action','programme','declined')`),
    )
    .addColumn("decline_reason", "text")
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "input_items_raised_by_present",
      sql`raised_by_organisation_id is not null or raised_by <> ''`,
    )
    .addCheckConstraint(
      "input_items_declined_has_reason",
      sql`status <> 'declined' or coalesce(decline_reason, '') <> ''`,
    )
    .execute();
  await db.schema
    .createIndex("input_items_meeting_idx")
    .on("input_items")
    .column("meeting_id")
    .execute();

  // The areas an input item concerns: kelurahan or larger.
  await db.schema
    .createTable("input_item_areas")
    .addColumn("input_item_id", "uuid", (c) =>
      c.notNull().references("input_items.id").onDelete("cascade"),
    )
    .addColumn("area_code", "text", (c) => c.notNull().references("areas.code"))
    .addPrimaryKeyConstraint("input_item_areas_pk", ["input_item_id", "area_code"])
    .execute();
  await sql`create index input_item_areas_area_idx on input_item_areas (area_code text_pattern_ops)`.execute(
    db,
  );

  // Named locations an input item concerns (e.g. Kampung Ambon), optional.
  await db.schema
    .createTable("input_item_locations")
    .addColumn("input_item_id", "uuid", (c) =>
      c.notNull().references("input_items.id").onDelete("cascade"),
    )
    .addColumn("named_location_id", "uuid", (c) => c.notNull().references("named_locations.id"))
    .addPrimaryKeyConstraint("input_item_locations_pk", ["input_item_id", "named_location_id"])
    .execute();

  await db.schema
    .createTable("follow_up_actions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("input_item_id", "uuid", (c) => c.notNull().references("input_items.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("owner_organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("assignee_user_id", "uuid", (c) => c.references("users.id"))
    .addColumn("due_on", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("open").check(sql`status in ('open','in_progress','done','dropped')`),
    )
    .addColumn("drop_reason", "text")
    .addColumn("completed_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "follow_up_actions_dropped_has_reason",
      sql`status <> 'dropped' or coalesce(drop_reason, '') <> ''`,
    )
    .addCheckConstraint(
      "follow_up_actions_done_has_completed_at",
      sql`status <> 'done' or completed_at is not null`,
    )
    .execute();
  await db.schema
    .createIndex("follow_up_actions_item_idx")
    .on("follow_up_actions")
    .column("input_item_id")
    .execute();
  await db.schema
    .createIndex("follow_up_actions_owner_idx")
    .on("follow_up_actions")
    .columns(["owner_organisation_id", "status"])
    .execute();
  await db.schema
    .createIndex("follow_up_actions_assignee_idx")
    .on("follow_up_actions")
    .column("assignee_user_id")
    .execute();
  await db.schema
    .createIndex("follow_up_actions_due_idx")
    .on("follow_up_actions")
    .columns(["due_on", "status"])
    .execute();
}
