/** Queries for the risk method: catalogues, rule sets, rounds, assessments. */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { Indicator } from "../../../domain/risk/indicators";
import type { RuleSet } from "../../../domain/risk/rules";

export async function latestCatalogue(db: Kysely<Database>) {
  const row = await db
    .selectFrom("indicator_catalogues")
    .selectAll()
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return { ...row, indicators: row.indicators as unknown as Indicator[] };
}

export async function catalogueByVersion(db: Kysely<Database>, version: number) {
  const row = await db
    .selectFrom("indicator_catalogues")
    .selectAll()
    .where("version", "=", version)
    .executeTakeFirstOrThrow();
  return { ...row, indicators: row.indicators as unknown as Indicator[] };
}

export async function latestRules(db: Kysely<Database>, method: string) {
  const row = await db
    .selectFrom("rule_sets")
    .selectAll()
    .where("method", "=", method)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return { ...row, rules: row.rules as unknown as RuleSet };
}

export async function rulesByVersion(db: Kysely<Database>, version: number) {
  const row = await db
    .selectFrom("rule_sets")
    .selectAll()
    .where("version", "=", version)
    .executeTakeFirst();
  return row ? { ...row, rules: row.rules as unknown as RuleSet } : undefined;
}

export async function nextVersion(
  db: Kysely<Database>,
  table: "indicator_catalogues" | "rule_sets",
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max("version").as("v"))
    .executeTakeFirstOrThrow();
  return Number(row.v ?? 0) + 1;
}

export function roundColumns(db: Kysely<Database>) {
  return db
    .selectFrom("assessment_rounds as r")
    .leftJoin("areas as a", "a.code", "r.area_code")
    .select([
      "r.id",
      "r.name",
      "r.method",
      "r.area_code",
      "a.name as area_name",
      "r.period_start",
      "r.period_end",
      "r.catalogue_version",
      "r.rule_version",
    ]);
}

export type RoundRow = Awaited<
  ReturnType<ReturnType<typeof roundColumns>["executeTakeFirstOrThrow"]>
>;

export function assessmentColumns(db: Kysely<Database>) {
  return db
    .selectFrom("assessments as s")
    .innerJoin("areas as k", "k.code", "s.area_code")
    .leftJoin("areas as kc", "kc.code", "k.parent_code")
    .leftJoin("named_locations as l", "l.id", "s.named_location_id")
    .select([
      "s.id",
      "s.round_id",
      "s.area_code",
      "k.name as area_name",
      "kc.name as kecamatan_name",
      "s.named_location_id",
      "l.name as location_name",
      "s.status",
      "s.indicators",
      "s.survey_items",
      "s.notes",
      "s.source",
      "s.pokok",
      "s.pendukung",
      "s.survey_score",
      "s.class",
      "s.rule_version",
      "s.verify_comment",
      "s.verified_at",
      "s.published_at",
    ]);
}

export type AssessmentRow = Awaited<
  ReturnType<ReturnType<typeof assessmentColumns>["executeTakeFirstOrThrow"]>
>;
