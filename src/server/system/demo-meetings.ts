/** Demo data: the 2025 coordination meeting with its input items and follow-up actions (issue 6). Idempotent: seeding twice changes nothing. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { DemoContext } from "./demo-context";

export async function seedDemoMeetings(_db: Kysely<Database>, _demo: DemoContext): Promise<void> {
  // Filled in by the issue that owns this part, before it lands.
}
