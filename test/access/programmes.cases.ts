/** Access-matrix cases for Act (issue 6): meetings, follow-ups, programmes, activities, coverage. */
import type { AccessModule } from "./types";

export const programmesAccess: AccessModule = {
  fixtures: async () => ({}),
  cases: {},
};
