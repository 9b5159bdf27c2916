/** Queries on organisations, always narrowed by an area scope. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";

export interface OrganisationFilter {
  scope: string;
  q?: string | undefined;
  type?: string | undefined;
}

function scoped(db: Kysely<Database>, scope: string) {
  return db
    .selectFrom("organisations as o")
    .leftJoin("areas as a", "a.code", "o.area_code")
    .where((eb) =>
      eb.or([eb("o.area_code", "=", scope), eb("o.area_code", "like", scopePrefix(scope))]),
    );
}

const COLUMNS = [
  "o.id",
  "o.name",
  "o.type",
  "o.area_code",
  "a.name as area_name",
  "o.active",
] as const;

export async function findOrganisations(
  db: Kysely<Database>,
  filter: OrganisationFilter,
  page: number,
  pageSize: number,
) {
  let query = scoped(db, filter.scope);
  if (filter.q) query = query.where("o.name", "ilike", `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`);
  if (filter.type) query = query.where("o.type", "=", filter.type);
  const total = await query
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select(COLUMNS)
    .orderBy("o.name")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

/** One organisation if it lies inside the scope. */
export async function findOrganisationInScope(db: Kysely<Database>, scope: string, id: string) {
  return scoped(db, scope).select(COLUMNS).where("o.id", "=", id).executeTakeFirst();
}

export async function insertOrganisation(
  db: Kysely<Database>,
  values: { name: string; type: string; area_code: string },
) {
  return db.insertInto("organisations").values(values).returning("id").executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  db: Kysely<Database>,
  id: string,
  values: Partial<{ name: string; type: string; area_code: string; active: boolean }>,
) {
  await db
    .updateTable("organisations")
    .set({ ...values, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}
