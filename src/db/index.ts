/** Public surface of the database layer. */
export {
  type DatabaseOptions,
  DEFAULT_DATA_DIR,
  type OpenDatabase,
  openDatabase,
  redactUrl,
} from "./database";
export { MigrationError, migrateToLatest } from "./migrate";
export { loadReferenceAreas, type ReferenceLoadResult } from "./reference/areas";
export type { Database } from "./schema";

import type { Kysely } from "kysely";
import { migrateToLatest } from "./migrate";
import { loadReferenceAreas } from "./reference/areas";
import { ensureRiskDefaults } from "./reference/risk";
import type { Database } from "./schema";

/** Bring a database up to date: migrations, then reference data. Safe to run on every start. */
export async function prepareDatabase(db: Kysely<Database>) {
  const migrations = await migrateToLatest(db);
  const areas = await loadReferenceAreas(db);
  await ensureRiskDefaults(db);
  return { migrations, areas };
}
