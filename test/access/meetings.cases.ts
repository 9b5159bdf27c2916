/** Access-matrix cases for Act (issue 6): meetings, input items, follow-up actions. */
import type { AccessModule } from "./types";

export const meetingsAccess: AccessModule = {
  fixtures: async () => ({}),
  cases: {},
};
