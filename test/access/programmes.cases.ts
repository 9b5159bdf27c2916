/** Access-matrix cases for Act (issue 6): programmes, activities, schedules, who-what-where, coverage. */
import type { AccessModule } from "./types";

export const programmesAccess: AccessModule = {
  fixtures: async () => ({}),
  cases: {},
};
