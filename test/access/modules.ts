/** The access-matrix modules beyond the core routes (which live in the matrix itself). */
import { knowAccess } from "./know.cases";
import { meetingsAccess } from "./meetings.cases";
import { programmesAccess } from "./programmes.cases";
import { rehabAccess } from "./rehab.cases";
import { reportsAccess } from "./reports.cases";
import type { AccessModule } from "./types";

export const ACCESS_MODULES: AccessModule[] = [
  meetingsAccess,
  programmesAccess,
  rehabAccess,
  knowAccess,
  reportsAccess,
];
