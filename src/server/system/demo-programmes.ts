/** Demo data: programmes in Kedaung Kali Angke and Kota Bambu Selatan and a year of activities (issue 6). Idempotent: seeding twice changes nothing. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { DemoContext } from "./demo-context";

export async function seedDemoProgrammes(_db: Kysely<Database>, _demo: DemoContext): Promise<void> {
  // Filled in by the issue that owns this part, before it lands.
}
