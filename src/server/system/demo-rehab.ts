/** Demo data: a synthetic rehabilitation client population, marked as synthetic (issue 7). Idempotent: seeding twice changes nothing. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { DemoContext } from "./demo-context";

export async function seedDemoRehab(_db: Kysely<Database>, _demo: DemoContext): Promise<void> {
  // Filled in by the issue that owns this part, before it lands.
}
