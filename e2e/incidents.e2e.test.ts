import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eEnv, startE2e } from "./support";

const SHOTS = "test-results/screenshots";
let env: E2eEnv;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await startE2e({ demo: true });
}, 120_000);
afterAll(async () => {
  await env?.close();
});

const hex = (colour: string) => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
// The hotspot layer's hot classes (opaque fills) and the heat ramp's dark end.
const HOT = ["#b2182b", "#ef8a62"].map(hex);

/** Pixels of the map canvas: those of a hot Gi* class, and those of the heat ramp's dark end. */
async function mapPixels(page: Page): Promise<{ hot: number; heat: number }> {
  const canvas = page.locator("[data-testid=incident-map] canvas.maplibregl-canvas");
  const image = PNG.sync.read(await canvas.screenshot());
  let hot = 0;
  let heat = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    if (HOT.some((c) => Math.abs(c[0]! - r) + Math.abs(c[1]! - g) + Math.abs(c[2]! - b) <= 12))
      hot += 1;
    // #ae017e and #49006a at 85% over the light map: purple, green far below red and blue
    // (unlike grey outlines and text, and unlike the red and orange hot classes).
    if (r - g > 40 && b - g > 40) heat += 1;
  }
  return { hot, heat };
}

async function mapDrawn(page: Page, layers: { heat: string; hotspots: string }) {
  await page
    .locator(
      `[data-testid=incident-map][data-ready='true'][data-heat=${layers.heat}][data-hotspots=${layers.hotspots}]`,
    )
    .waitFor({ timeout: 60_000 });
  // Let the GPU finish the frame the idle event announced.
  await page.waitForTimeout(300);
}

describe("the incident map", () => {
  it("shows the Gi* hotspot layer and the heat layer, a legend of confidence classes and trends", async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    await page.goto(`${env.server.url}/masuk?next=/insiden`);
    await page.locator("[data-testid=demo-account][data-role=analyst]").click();
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("nav-incidents").waitFor();

    // Default: hotspots on, heat off.
    await mapDrawn(page, { heat: "off", hotspots: "on" });
    const legend = page.getByTestId("hotspot-legend");
    const items = legend.getByTestId("hotspot-legend-item");
    expect(await items.count()).toBe(7);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-class")))).toEqual([
      "hot99",
      "hot95",
      "hot90",
      "none",
      "cold90",
      "cold95",
      "cold99",
    ]);
    expect(await legend.textContent()).toContain("Hot spot, kepercayaan 99%");
    expect(await legend.textContent()).toContain("Tidak signifikan");
    expect(await legend.textContent()).toContain("Cold spot, kepercayaan 90%");
    // The demo clusters make some kelurahan hot at 99%: the legend counts them.
    const hot99 = legend.locator("[data-class=hot99]");
    expect(Number(await hot99.getAttribute("data-count"))).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/incidents-hotspots.png` });
    expect(
      Number(await page.getByTestId("incident-map").getAttribute("data-cluster-count")),
    ).toBeGreaterThan(0);
    // Pixels are counted without the cluster circles, whose blends are neither layer's colours.
    await page.getByTestId("toggle-clusters").uncheck();
    await page
      .locator("[data-testid=incident-map][data-ready='true'][data-clusters=off]")
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    const withHotspots = await mapPixels(page);
    expect(withHotspots.hot).toBeGreaterThan(500);
    expect(withHotspots.heat).toBe(0);

    await page.getByTestId("toggle-hotspots").uncheck();
    await mapDrawn(page, { heat: "off", hotspots: "off" });
    const bare = await mapPixels(page);
    expect(bare.hot).toBe(0);
    expect(bare.heat).toBe(0);

    await page.getByTestId("toggle-heat").check();
    await mapDrawn(page, { heat: "on", hotspots: "off" });
    expect(
      Number(await page.getByTestId("incident-map").getAttribute("data-heat-cells")),
    ).toBeGreaterThan(10);
    const withHeat = await mapPixels(page);
    await page.screenshot({ path: `${SHOTS}/incidents-heat.png` });
    expect(withHeat.heat).toBeGreaterThan(200);
    expect(withHeat.hot).toBe(0);

    await page.getByTestId("toggle-heat").uncheck();
    await mapDrawn(page, { heat: "off", hotspots: "off" });
    expect((await mapPixels(page)).heat).toBe(0);

    // The trend view opens on the most urgent kelurahan and names its emerging label.
    const label = page.getByTestId("trend-label");
    await label.waitFor();
    expect(["new", "intensifying", "persistent", "diminishing", "sporadic"]).toContain(
      await label.getAttribute("data-label"),
    );
    expect((await label.textContent())?.toLowerCase()).toContain("hotspot");
    await page.locator("[data-testid=trend-panel] .recharts-surface").first().waitFor();

    // A type filter narrows every layer and the trends too.
    await page.getByTestId("filter-type").selectOption("production");
    await page.getByTestId("toggle-hotspots").check();
    await mapDrawn(page, { heat: "off", hotspots: "on" });
    expect(env.problems).toEqual([]);
    await page.close();
  });
});

describe("importing incidents from the browser", () => {
  it("runs a dry run with progress, names a bad row, and commits a good file", async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    // Still signed in as the analyst from the journey above (same browser profile).
    await page.goto(`${env.server.url}/insiden/impor`);
    await page.getByTestId("import-file").waitFor();

    const header = "external_ref,date,type,source,lon,lat,kelurahan_code";
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `E2E/${i},2026-10-${String((i % 28) + 1).padStart(2, "0")},drug_use,news,,,31.73.01.1004`,
    );
    const bad = [...rows.slice(0, 3)];
    bad[1] = "E2E/bad,2026-10-02,drug_use,news,107.9,-6.1,";
    await page.getByTestId("import-file").setInputFiles({
      name: "buruk.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\n${bad.join("\n")}\n`),
    });
    await page.getByTestId("import-check").click();
    await page.locator("[data-testid=import-report][data-valid=false]").waitFor();
    const problem = page.getByTestId("import-problem");
    expect(await problem.count()).toBe(1);
    expect(await problem.getAttribute("data-row")).toBe("3");
    expect(await problem.getAttribute("data-column")).toBe("lon");
    expect(await problem.textContent()).toContain("di luar DKI Jakarta");
    expect(await page.getByTestId("import-commit").count()).toBe(0);

    // Record every progress state the page shows while the good file is checked.
    await page.getByTestId("import-file").setInputFiles({
      name: "insiden.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\n${rows.join("\n")}\n`),
    });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector("[data-testid=import-progress-bar]");
        if (bar)
          seen.push(
            `${bar.getAttribute("data-phase")}:${bar.getAttribute("data-done")}/${bar.getAttribute("data-total")}`,
          );
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId("import-check").click();
    await page.locator("[data-testid=import-report][data-valid=true]").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("import-summary").textContent()).toContain("20000 baris valid");
    const seen = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(seen).toContain("writing:20000/20000");
    expect(seen.some((s) => s.startsWith("uploading") || s.startsWith("checking"))).toBe(true);
    expect(
      new Set(seen.filter((s) => s.startsWith("writing"))).size,
      seen.join(" "),
    ).toBeGreaterThanOrEqual(2);

    await page.getByTestId("import-commit").click();
    await page.getByTestId("confirm-yes").click();
    await page.getByTestId("import-done").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("import-done").textContent()).toContain("20000 baru");
    await page.screenshot({ path: `${SHOTS}/incidents-import.png` });

    await page.getByTestId("incidents-tab-list").click();
    await page.getByTestId("incident-list").waitFor();
    expect(await page.getByTestId("incident-row").count()).toBe(25);
    expect(env.problems).toEqual([]);
    await page.close();
  });
});
