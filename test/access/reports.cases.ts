/**
 * Access-matrix cases for reports (issue 8, E2): the briefing PDF (area in scope, else 404)
 * and the BNNK brief with its table (an export). Kept apart from know.cases.ts so that the
 * parts of Know can change their cases independently.
 */
import type { AccessModule } from "./types";

export const reportsAccess: AccessModule = {
  fixtures: async () => ({}),
  cases: {
    "GET /api/reports/briefing": {
      inScope: () => ({ url: "/api/reports/briefing?area=31.73.01" }),
      outOfScope: () => ({ url: "/api/reports/briefing?area=31.71" }),
    },
    "GET /api/reports/bnnk": { inScope: () => ({ url: "/api/reports/bnnk?year=2025" }) },
    "GET /api/reports/bnnk/table": {
      inScope: () => ({ url: "/api/reports/bnnk/table?year=2025&format=xlsx" }),
    },
  },
};
