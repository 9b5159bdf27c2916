/** Access-matrix cases for Know (issue 8): custody, official figures, dashboards, public page, reports. */
import type { AccessModule } from "./types";

export const knowAccess: AccessModule = {
  fixtures: async () => ({}),
  cases: {},
  openCases: {
    // dashboard and public (E3): the public page's API, open to everyone signed out.
    "GET /api/public/classes": { url: "/api/public/classes?city=31.73" },
    "GET /api/public/incidents": { url: "/api/public/incidents?city=31.73" },
    "GET /api/public/activities": { url: "/api/public/activities?city=31.73" },
    "GET /api/public/figures": { url: "/api/public/figures" },
    // end of dashboard and public (open cases)
  },
};
