/**
 * Custody and official figures in the browser (issue 8): the correctional liaison enters a
 * count and sees its derived values, labelled; the figures register shows both 2024 sources.
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

describe("custody and official figures", () => {
  it("the correctional liaison enters a count and sees the derived values; the register shows both 2024 sources", async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    await page.goto(`${env.server.url}/masuk?next=/lapas`);
    await page.locator("[data-testid=demo-account][data-role=correctional_liaison]").click();
    await page.getByTestId("signin-submit").click();

    // DKI totals of the demo (section 2 figures), labelled
    const summary = page.getByTestId("custody-summary");
    await summary.getByTestId("summary-capacity").waitFor({ timeout: 60_000 });
    expect(await summary.getByTestId("summary-capacity").textContent()).toBe("5.919");
    expect(await summary.getByTestId("summary-occupants").textContent()).toBe("13.347");
    expect(await summary.getByTestId("summary-occupancy").textContent()).toContain(
      "Tingkat hunian",
    );
    expect(await summary.getByTestId("summary-occupancy").textContent()).toContain("225,5%");
    expect(await summary.getByTestId("summary-excess").textContent()).toContain("125,5%");
    expect(await summary.getByTestId("summary-drug-share").textContent()).toContain("64,3%");
    expect(await page.getByTestId("custody-facility-row").count()).toBe(8);

    // enter a count: 1,080 occupants for 540 places, 540 of them for drug offences
    await page.getByTestId("custody-add-count").click();
    const form = page.getByTestId("custody-count-form");
    await form.getByTestId("count-facility").selectOption({ label: "LPKA Kelas II Jakarta" });
    await form.getByTestId("count-date").fill("2025-06-30");
    await form.getByTestId("count-capacity").fill("540");
    await form.getByTestId("count-occupants").fill("1.080");
    await form.getByTestId("count-drugOffenders").fill("2000");
    await form.getByTestId("count-source").fill("Laporan harian LPKA, uji e2e");
    await form.getByTestId("count-save").click();
    // the server refuses more drug offenders than occupants, next to the field
    await expect
      .poll(() => form.locator("#count-drugOffenders").getAttribute("aria-invalid"), {
        timeout: 15_000,
      })
      .toBe("true");
    await form.getByTestId("count-drugOffenders").fill("540");
    await form.getByTestId("count-save").click();
    const saved = page.getByTestId("custody-count-saved");
    await saved.waitFor({ timeout: 15_000 });
    expect(await saved.getByTestId("saved-occupancy").textContent()).toMatch(
      /Tingkat hunian\s*200,0%/,
    );
    expect(await saved.getByTestId("saved-excess").textContent()).toMatch(
      /Kelebihan kapasitas\s*100,0%/,
    );
    expect(await saved.getByTestId("saved-drug-share").textContent()).toMatch(
      /Porsi kasus narkotika\s*50,0%/,
    );
    await page.screenshot({ path: `${SHOTS}/custody-count-saved.png` });
    await saved.getByRole("button").click();
    const lpka = page
      .getByTestId("custody-facility-row")
      .filter({ hasText: "LPKA Kelas II Jakarta" });
    await expect.poll(() => lpka.textContent(), { timeout: 15_000 }).toContain("200,0%");

    // the register: both 2024 sources side by side
    await page.getByTestId("nav-figures").click();
    const group = page.getByTestId("figures-disagreement").filter({ hasText: "2024" });
    await group.waitFor({ timeout: 30_000 });
    const sources = await group.getByTestId("figures-disagreement-source").allTextContents();
    expect(sources).toHaveLength(2);
    expect(sources.find((s) => s.includes("7.072"))).toContain("ANTARA");
    expect(sources.find((s) => s.includes("6.718"))).toContain("Sumber publik lain");
    // the published capacity next to the value computed from the counts
    const capacityRow = page
      .getByTestId("figure-row")
      .filter({ hasText: "Kapasitas lapas dan rutan" });
    expect(await capacityRow.getByTestId("figure-computed").textContent()).toContain("5.919");
    await page.screenshot({ path: `${SHOTS}/figures-register.png`, fullPage: true });

    // phone width: the register still renders its table
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.getByTestId("figures-table").isVisible()).toBe(true);
    // the only failed request is the deliberately invalid count (400, shown next to its field)
    expect(env.problems).toEqual([
      "console: Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
  });
});
