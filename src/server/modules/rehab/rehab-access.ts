/**
 * Who sees which client, in SQL. A clinician sees the clients with an episode at their own
 * facility (their organisation); a supervisor those with an episode at a facility inside
 * their area scope, plus clients of an active break-the-glass grant of their own. Anyone
 * else sees none. Out of scope answers 404, as everywhere.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { inScope, scopePrefix } from "../../../domain/access/roles";
import type { SessionUser } from "../../context";
import { rehabError } from "./rehab-cipher";

/** Organisation types that may be a rehabilitation facility (IPWL or rehab institution). */
export const FACILITY_TYPES = [
  "puskesmas_ipwl",
  "rehab_facility",
  "health_office",
  "social_office",
  "community_organisation",
] as const;

/** A subquery of the ids of the clients the person may see (break-the-glass included). */
export function visibleClientIds(user: SessionUser): RawBuilder<unknown> {
  if (user.role === "rehab_clinician")
    return sql`(select e.client_id from rehab_episodes e where e.facility_id = ${user.organisationId})`;
  if (user.role === "rehab_supervisor")
    return sql`(select e.client_id from rehab_episodes e join organisations o on o.id = e.facility_id
      where o.area_code = ${user.scope} or o.area_code like ${scopePrefix(user.scope)}
      union select g.client_id from rehab_break_glass g
      where g.user_id = ${user.id} and g.expires_at > now())`;
  return sql`(select null::uuid where false)`;
}

/** A condition on facility alias `o` (organisations) for facilities whose records the person works on. */
export function facilityCondition(user: SessionUser, alias = "o"): RawBuilder<boolean> {
  const a = sql.raw(alias);
  if (user.role === "rehab_clinician") return sql<boolean>`${a}.id = ${user.organisationId}`;
  return sql<boolean>`(${a}.area_code = ${user.scope} or ${a}.area_code like ${scopePrefix(user.scope)})`;
}

/** True when the person works on records of this facility (writes, episode details). */
export function worksAt(user: SessionUser, facility: { id: string; area_code: string }): boolean {
  if (user.role === "rehab_clinician") return facility.id === user.organisationId;
  if (user.role === "rehab_supervisor") return inScope(user.scope, facility.area_code);
  return false;
}

/** The client row when the person may see it, else a 404. */
export async function visibleClient(db: Kysely<Database>, user: SessionUser, clientId: string) {
  const row = await db
    .selectFrom("rehab_clients as c")
    .selectAll("c")
    .where("c.id", "=", clientId)
    .where(sql<boolean>`c.id in ${visibleClientIds(user)}`)
    .executeTakeFirst();
  if (!row) throw rehabError("REHAB_CLIENT_NOT_FOUND", 404, "No such client.");
  return row;
}

/** The person's active break-the-glass grant for a client, if any. */
export async function activeGrant(db: Kysely<Database>, user: SessionUser, clientId: string) {
  return db
    .selectFrom("rehab_break_glass")
    .select(["id", "expires_at"])
    .where("user_id", "=", user.id)
    .where("client_id", "=", clientId)
    .where(sql<boolean>`expires_at > now()`)
    .orderBy("expires_at", "desc")
    .executeTakeFirst();
}

/** True when the client has an episode at a facility the person works at (no grant needed). */
export async function reachesWithoutGrant(
  db: Kysely<Database>,
  user: SessionUser,
  clientId: string,
) {
  const row = await db
    .selectFrom("rehab_episodes as e")
    .innerJoin("organisations as o", "o.id", "e.facility_id")
    .select("e.id")
    .where("e.client_id", "=", clientId)
    .where(facilityCondition(user))
    .executeTakeFirst();
  return row !== undefined;
}
