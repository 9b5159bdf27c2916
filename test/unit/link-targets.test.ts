/**
 * Links the server hands to the client (the dashboard's "detail" targets) must be pages the
 * web client actually routes; a renamed page would otherwise leave dead links.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DETAIL_PAGES } from "../../src/server/modules/dashboard/dashboard.service";

const router = readFileSync(new URL("../../src/web/router.tsx", import.meta.url), "utf8");
const routes = new Set(
  [...router.matchAll(/path:\s*"([^"]+)"/g)].map((m) => (m[1] === "/" ? "/" : `/${m[1]}`)),
);

describe("server-side link targets", () => {
  it("every dashboard detail page is a route of the web client", () => {
    expect(routes.size).toBeGreaterThan(20);
    for (const [name, path] of Object.entries(DETAIL_PAGES)) {
      expect(routes.has(path.split("?")[0]!), `${name}: ${path}`).toBe(true);
    }
  });
});
