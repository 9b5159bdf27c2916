/**
 * Queries on custody facilities and counts. Custody figures are area aggregates: a person
 * reads a facility whose area overlaps their scope (lies inside it, or contains it: a DKI
 * facility counts towards every city of DKI), and writes only inside their scope.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";

/** `column` lies inside `scope` or contains it (area codes hold no LIKE wildcards). */
export function overlapsScope(column: string, scope: string) {
  const ref = sql.ref(column);
  return sql<boolean>`(${ref} = ${scope} or ${ref} like ${scopePrefix(scope)} or ${scope} like ${ref} || '.%')`;
}

/** `column` lies inside `area` (or is it). */
export function withinArea(column: string, area: string) {
  const ref = sql.ref(column);
  return sql<boolean>`(${ref} = ${area} or ${ref} like ${scopePrefix(area)})`;
}

/** Facilities the person may read. */
export function visibleFacilities(db: Kysely<Database>, scope: string) {
  return db.selectFrom("custody_facilities as f").where(overlapsScope("f.area_code", scope));
}

/** Counts of facilities the person may read, with the facility and who entered them. */
export function visibleCounts(db: Kysely<Database>, scope: string) {
  return db
    .selectFrom("custody_counts as c")
    .innerJoin("custody_facilities as f", "f.id", "c.facility_id")
    .leftJoin("users as u", "u.id", "c.entered_by")
    .where(overlapsScope("f.area_code", scope))
    .select([
      "c.id",
      "c.facility_id",
      "f.name as facility_name",
      "f.area_code",
      "c.counted_on",
      "c.capacity",
      "c.occupants",
      "c.drug_offenders",
      "c.drug_users",
      "c.drug_dealers",
      "c.source",
      "c.notes",
      "u.name as entered_by_name",
    ]);
}

export type CountRow = Awaited<
  ReturnType<ReturnType<typeof visibleCounts>["executeTakeFirstOrThrow"]>
>;
