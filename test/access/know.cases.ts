/** Access-matrix cases for Know (issue 8): custody, official figures, dashboards, public page, reports. */
import type { AccessModule } from "./types";

export const knowAccess: AccessModule = {
  fixtures: async () => ({}),
  cases: {},
};
