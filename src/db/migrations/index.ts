/**
 * The ordered list of migrations. Forward-only: a migration is never edited or removed once
 * it has landed; a change is a new, higher-numbered file added here.
 */
import type { Migration } from "kysely/migration";
import * as m0001 from "./0001_areas";
import * as m0002 from "./0002_people_access_audit";
import * as m0003 from "./0003_risk_mapping";
import * as m0004 from "./0004_incidents";
import * as m0005 from "./0005_meetings";
import * as m0006 from "./0006_programmes";
import * as m0007 from "./0007_rehabilitation";
import * as m0008 from "./0008_custody_figures";
import * as m0009 from "./0009_data_versions";

export const migrations: Record<string, Migration> = {
  "0001_areas": m0001,
  "0002_people_access_audit": m0002,
  "0003_risk_mapping": m0003,
  "0004_incidents": m0004,
  "0005_meetings": m0005,
  "0006_programmes": m0006,
  "0007_rehabilitation": m0007,
  "0008_custody_figures": m0008,
  "0009_data_versions": m0009,
};
