/**
 * The public page works signed out and shows small counts as "<5"; the executive dashboard
 * shows the figures of the 2025 meeting (DOMAIN.md section 2) with their sources.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eEnv, startE2e } from "./support";

const SHOTS = "test-results/screenshots";
let env: E2eEnv;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await startE2e({ demo: true });
});
afterAll(async () => {
  await env?.close();
});

const SOURCE = "ANTARA";
const CITATION = "Audiensi BNNP DKI dan Wali Kota Jakarta Barat, 2025";

describe("public page and executive dashboard", () => {
  it("the public page works signed out, with <5 and suppressed cells explained", async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    await page.goto(`${env.server.url}/`);
    await page.getByTestId("nav-public").click();
    await page.waitForURL(/\/publik$/);
    const table = page.getByTestId("public-incidents");
    await table.waitFor();
    await expect
      .poll(() => table.locator("[data-suppressed=small]").count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await table.locator("[data-suppressed=small]").first().textContent()).toBe("<5");
    // Every small count has at least one complement in its row.
    expect(await table.locator("[data-suppressed=secondary]").count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("suppression-note").textContent()).toContain("<5");
    await page.getByTestId("public-map").waitFor();
    await page.screenshot({ path: `${SHOTS}/public-page.png`, fullPage: true });
    // A phone width still shows the table (scrolling sideways) and the note.
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await table.isVisible()).toBe(true);
    await page.close();
  });

  it("the dashboard shows custody and rehabilitation figures with their sources", async () => {
    const page = await env.newPage({ width: 1280, height: 1000 });
    await page.goto(`${env.server.url}/masuk?next=/dasbor`);
    await page.locator("[data-testid=demo-account][data-role=administrator]").click();
    await page.getByTestId("signin-submit").click();
    await page.waitForURL(/\/dasbor$/);
    await page.getByTestId("dashboard").waitFor();
    // Enter the section 2 figures through the register's API unless the demo has them.
    const entered = await page.evaluate(
      async ({ source, citation }) => {
        const session = await (await fetch("/api/auth/session")).json();
        const headline = await (await fetch("/api/figures/headline?area=31")).json();
        if (headline.custody?.fromFigures?.capacity?.value === 5919) return "demo";
        const figures = [
          ["custody_capacity", 5919, null, "2025-06-30"],
          ["custody_occupants", 13347, null, "2025-06-30"],
          ["custody_drug_offenders", 8585, null, "2025-06-30"],
          ["rehab_clients", 1551, "2023-01-01", "2023-12-31"],
          ["rehab_clients", 7072, "2024-01-01", "2024-12-31"],
          ["rehab_clients", 1236, "2025-01-01", "2025-05-31"],
        ];
        for (const [indicator, value, periodStart, periodEnd] of figures) {
          const res = await fetch("/api/figures", {
            method: "POST",
            headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
            body: JSON.stringify({
              indicator,
              value,
              periodStart,
              periodEnd,
              areaCode: "31",
              sourceOrganisation: source,
              citation,
            }),
          });
          if (res.status !== 201) return `failed ${res.status} ${await res.text()}`;
        }
        return "entered";
      },
      { source: SOURCE, citation: CITATION },
    );
    expect(["demo", "entered"]).toContain(entered);
    await page.reload();
    await page.getByTestId("dashboard").waitFor();
    const value = (id: string) => page.getByTestId(`${id}-value`).textContent();
    // Indonesian formatting: decimal comma.
    await expect.poll(() => value("kpi-occupancy"), { timeout: 20_000 }).toBe("225,5%");
    expect(await value("kpi-excess")).toBe("125,5%");
    expect(await value("kpi-drug-share")).toBe("64,3%");
    expect(await page.getByTestId("custody-capacity").textContent()).toBe("5.919");
    expect(await page.getByTestId("custody-occupants").textContent()).toBe("13.347");
    expect(await page.getByTestId("kpi-occupancy-source").textContent()).toContain(SOURCE);
    expect(await page.getByTestId("custody-source").textContent()).toContain(SOURCE);
    const rehab = page.getByTestId("dashboard-rehab");
    for (const n of ["1.551", "7.072", "1.236"]) expect(await rehab.textContent()).toContain(n);
    expect(await rehab.textContent()).toContain(SOURCE);
    // Numbers link to their detail pages.
    expect(await page.getByTestId("custody-capacity").locator("a").getAttribute("href")).toBe(
      "/angka-resmi",
    );
    await page.getByTestId("dashboard-map").waitFor();
    await page.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true });
    expect(env.problems.filter((p) => !p.includes("favicon"))).toEqual([]);
    await page.close();
  });
});
