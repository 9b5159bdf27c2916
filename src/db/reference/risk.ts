/**
 * The shipped defaults of editable catalogues: incident types, BNN's indicator catalogue
 * (version 1) and the indicator and survey rule sets. Inserted once; later versions and
 * edits are made by administrators.
 */
import type { Kysely } from "kysely";
import { DEFAULT_INCIDENT_TYPES } from "../../domain/incidents/catalogue";
import { DEFAULT_INDICATORS } from "../../domain/risk/indicators";
import { DEFAULT_INDICATOR_RULES, DEFAULT_SURVEY_RULES } from "../../domain/risk/rules";
import { type Database, json } from "../schema";

export async function ensureRiskDefaults(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("incident_types")
    .values(DEFAULT_INCIDENT_TYPES.map((t) => ({ code: t.code, name: t.name, name_en: t.nameEn })))
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  await db
    .insertInto("indicator_catalogues")
    .values({
      version: 1,
      indicators: json(DEFAULT_INDICATORS),
      note: "BNN: 8 pokok, 5 pendukung (default)",
    })
    .onConflict((oc) => oc.column("version").doNothing())
    .execute();
  await db
    .insertInto("rule_sets")
    .values([
      {
        version: 1,
        method: "indicator",
        rules: json(DEFAULT_INDICATOR_RULES),
        note: "BNN: Bahaya = 5 pokok and 4 pendukung (published); Waspada and Siaga provisional",
      },
      {
        version: 2,
        method: "survey",
        rules: json(DEFAULT_SURVEY_RULES),
        note: "Provisional survey bands",
      },
    ])
    .onConflict((oc) => oc.column("version").doNothing())
    .execute();
}
