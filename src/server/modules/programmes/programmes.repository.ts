/** Kysely queries shared by the programme, activity and analysis services. */
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";
import type { ActivityFigures } from "../../../domain/programmes/catalogue";

/** A column holding an area code lies inside the scope. */
export function withinScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  scope: string,
) {
  // biome-ignore lint/suspicious/noExplicitAny: column references are checked by the callers.
  const ref = eb.ref(column as any);
  return eb.or([eb(ref, "=", scope), eb(ref, "like", scopePrefix(scope))]);
}

/**
 * Programmes a person may see: those placed inside their scope, and those whose area contains
 * it (a city-wide programme is visible to the kelurahan officers of that city).
 */
export function visibleProgrammes(db: Kysely<Database>, scope: string) {
  return db
    .selectFrom("programmes as p")
    .where((eb) =>
      eb.or([
        eb("p.area_code", "=", scope),
        eb("p.area_code", "like", scopePrefix(scope)),
        eb(sql.val(scope), "like", sql<string>`p.area_code || '.%'`),
      ]),
    );
}

export const EMPTY_FIGURES: ActivityFigures = {
  activities: 0,
  participants: 0,
  urine_tested: 0,
  urine_positive: 0,
  reached: 0,
  referred: 0,
};

/** Figures of each programme's activities held inside its own period. */
export async function programmeFigures(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<Map<string, ActivityFigures>> {
  if (programmeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("activities as a")
    .innerJoin("programmes as p", "p.id", "a.programme_id")
    .where("a.programme_id", "in", programmeIds)
    .whereRef("a.held_on", ">=", "p.period_start")
    .whereRef("a.held_on", "<=", "p.period_end")
    .groupBy("a.programme_id")
    .select((eb) => [
      "a.programme_id",
      eb.fn.countAll<string>().as("activities"),
      sql<string>`coalesce(sum(a.participants_total), 0)`.as("participants"),
      sql<string>`coalesce(sum(a.urine_tested), 0)`.as("urine_tested"),
      sql<string>`coalesce(sum(a.urine_positive), 0)`.as("urine_positive"),
      sql<string>`coalesce(sum(a.reached), 0)`.as("reached"),
      sql<string>`coalesce(sum(a.referred), 0)`.as("referred"),
    ])
    .execute();
  return new Map(
    rows.map((r) => [
      r.programme_id,
      {
        activities: Number(r.activities),
        participants: Number(r.participants),
        urine_tested: Number(r.urine_tested),
        urine_positive: Number(r.urine_positive),
        reached: Number(r.reached),
        referred: Number(r.referred),
      },
    ]),
  );
}

/** Targets of the given programmes, in their order. */
export function targetsOf(db: Kysely<Database>, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("programme_targets")
    .selectAll()
    .where("programme_id", "in", programmeIds)
    .orderBy("programme_id")
    .orderBy("sort")
    .execute();
}
