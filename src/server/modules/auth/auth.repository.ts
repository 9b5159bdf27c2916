/** Queries for sign-in and sessions. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("users")
    .selectAll()
    .where(sql<string>`lower(email)`, "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The live session for a token hash, with its user, or undefined. */
export async function findSession(db: Kysely<Database>, hash: string) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.id as session_id",
      "s.csrf_token",
      "s.created_at",
      "s.last_seen_at",
      "s.expires_at",
      "u.id as user_id",
      "u.email",
      "u.name",
      "u.role",
      "u.scope_area_code",
      "u.organisation_id",
      "u.active",
    ])
    .where("s.token_hash", "=", hash)
    .executeTakeFirst();
}

export async function insertSession(
  db: Kysely<Database>,
  values: { token_hash: string; csrf_token: string; user_id: string; expires_at: Date },
) {
  return db.insertInto("sessions").values(values).returning("id").executeTakeFirstOrThrow();
}

export async function touchSession(db: Kysely<Database>, id: string) {
  await db.updateTable("sessions").set({ last_seen_at: sql`now()` }).where("id", "=", id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string) {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** End every session of a person, except one (the current) when given. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string, exceptId?: string) {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptId) query = query.where("id", "!=", exceptId);
  await query.execute();
}
