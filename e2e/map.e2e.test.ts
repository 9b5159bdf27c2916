import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { colourStats, type E2eEnv, startE2e } from "./support";

const SHOTS = "test-results/screenshots";
let env: E2eEnv;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

async function openMap(page: Page, path = "/") {
  await page.goto(`${env.server.url}${path}`);
  const map = page.getByTestId("map");
  await map.and(page.locator("[data-ready='true']")).waitFor({ timeout: 60_000 });
  return map;
}

describe("map of Jakarta Barat", () => {
  it("renders the 56 kelurahan on a non-blank map, in Indonesian then English", async () => {
    const page = await env.newPage();
    const map = await openMap(page);

    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    expect(await map.getAttribute("data-city")).toBe("31.73");
    expect(await map.getAttribute("data-rendered-kelurahan")).toBe("56");
    await expect.poll(() => page.getByTestId("area-label").count()).toBe(56);
    expect(await page.locator("[data-testid=area-label][data-code='31.73.01.1004']").count()).toBe(
      1,
    );

    const canvas = page.locator("canvas.maplibregl-canvas");
    const stats = colourStats(await canvas.screenshot());
    expect(stats.distinct).toBeGreaterThan(3);
    expect(stats.dominantShare).toBeLessThan(0.95);
    await page.screenshot({ path: `${SHOTS}/map-id.png` });

    const subtitleId = await page.getByTestId("subtitle").textContent();
    await page.getByTestId("lang-en").click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    const subtitleEn = await page.getByTestId("subtitle").textContent();
    expect(subtitleEn).not.toBe(subtitleId);
    expect(await map.getAttribute("data-rendered-kelurahan")).toBe("56");
    await page.screenshot({ path: `${SHOTS}/map-en.png` });

    expect(env.problems).toEqual([]);
    await page.close();
  });

  it("opens the area panel with code, name, kecamatan and area for a clicked kelurahan", async () => {
    const page = await env.newPage();
    await openMap(page);
    // The language choice persists in the browser profile: start from Indonesian.
    await page.getByTestId("lang-id").click();
    await page.locator("[data-testid=area-label][data-code='31.73.07.1006']").click();
    const panel = page.getByTestId("area-panel");
    await panel.waitFor();
    expect(await panel.getByTestId("area-code").textContent()).toContain("31.73.07.1006");
    expect(await panel.getByTestId("area-name").textContent()).toContain("Kota Bambu Selatan");
    expect(await panel.getByTestId("area-parent").textContent()).toContain("Pal Merah");
    expect(await panel.getByTestId("area-size").textContent()).toMatch(/^0,\d+\s*km²$/);
    await page.getByTestId("lang-en").click();
    await expect.poll(() => panel.getByTestId("area-size").textContent()).toMatch(/^0\.\d+\s*km²$/);
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    expect(env.problems).toEqual([]);
    await page.close();
  });

  it("switches city and stays usable on a phone screen", async () => {
    const page = await env.newPage({ width: 390, height: 844 });
    const map = await openMap(page);
    await page.getByTestId("city-select").selectOption("31.71");
    await expect.poll(() => map.getAttribute("data-city")).toBe("31.71");
    await map.and(page.locator("[data-ready='true']")).waitFor({ timeout: 60_000 });
    const rendered = Number(await map.getAttribute("data-rendered-kelurahan"));
    expect(rendered).toBe(44);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/map-phone.png` });
    expect(env.problems).toEqual([]);
    await page.close();
  });
});
