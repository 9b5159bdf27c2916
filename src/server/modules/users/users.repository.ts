/** Queries on people, always narrowed by an area scope. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";

export interface UserFilter {
  scope: string;
  q?: string | undefined;
  role?: string | undefined;
  organisationId?: string | undefined;
  active?: boolean | undefined;
}

function scoped(db: Kysely<Database>, scope: string) {
  return db
    .selectFrom("users as u")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .leftJoin("areas as a", "a.code", "u.scope_area_code")
    .where((eb) =>
      eb.or([
        eb("u.scope_area_code", "=", scope),
        eb("u.scope_area_code", "like", scopePrefix(scope)),
      ]),
    );
}

const COLUMNS = [
  "u.id",
  "u.email",
  "u.name",
  "u.role",
  "u.scope_area_code",
  "a.name as scope_name",
  "u.organisation_id",
  "o.name as organisation_name",
  "u.active",
  "u.locked_until",
] as const;

export type UserRow = Awaited<ReturnType<typeof findUserInScope>> & {};

export async function findUsers(
  db: Kysely<Database>,
  filter: UserFilter,
  page: number,
  pageSize: number,
) {
  let query = scoped(db, filter.scope);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`;
    query = query.where((eb) =>
      eb.or([eb("u.name", "ilike", pattern), eb("u.email", "ilike", pattern)]),
    );
  }
  if (filter.role) query = query.where("u.role", "=", filter.role);
  if (filter.organisationId) query = query.where("u.organisation_id", "=", filter.organisationId);
  if (filter.active !== undefined) query = query.where("u.active", "=", filter.active);
  const total = await query
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select(COLUMNS)
    .select(sql<boolean>`u.password_hash is not null`.as("has_password"))
    .orderBy("u.name")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

export async function findUserInScope(db: Kysely<Database>, scope: string, id: string) {
  return scoped(db, scope)
    .select(COLUMNS)
    .select(sql<boolean>`u.password_hash is not null`.as("has_password"))
    .where("u.id", "=", id)
    .executeTakeFirst();
}

export async function emailTaken(db: Kysely<Database>, email: string, exceptId?: string) {
  let query = db
    .selectFrom("users")
    .select("id")
    .where(sql<string>`lower(email)`, "=", email.toLowerCase());
  if (exceptId) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertUser(
  db: Kysely<Database>,
  values: {
    email: string;
    name: string;
    organisation_id: string;
    role: string;
    scope_area_code: string;
  },
) {
  return db.insertInto("users").values(values).returning("id").executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  values: Partial<{
    name: string;
    role: string;
    scope_area_code: string;
    organisation_id: string;
    active: boolean;
  }>,
) {
  await db
    .updateTable("users")
    .set({ ...values, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

/** Replace any unused invitation of the person with a new one. */
export async function replaceInvitation(
  db: Kysely<Database>,
  userId: string,
  tokenHash: string,
  expiresAt: Date,
) {
  await db
    .deleteFrom("invitations")
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("invitations")
    .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt })
    .execute();
}
