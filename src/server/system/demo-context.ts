/** What the demo seed hands each part of the product once accounts and organisations exist. */
import type { Role } from "../../domain/access/roles";

export interface DemoContext {
  /** The demo account of each role. */
  userIds: Map<Role, string>;
  /** Demo organisations by their exact name (see DEMO_ORGANISATIONS in accounts.ts). */
  organisationIds: Map<string, string>;
}
