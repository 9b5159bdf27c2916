/** Access-matrix cases for Treat (issue 7): the rehabilitation registry. */
import type { AccessModule } from "./types";

export const rehabAccess: AccessModule = {
  fixtures: async () => ({}),
  cases: {},
};
