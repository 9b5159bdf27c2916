/**
 * Act (issue 6) in Chromium: a meeting's input items are cited by a programme made in the
 * form; activities are recorded in two kelurahan; the who-does-what-where table and the
 * coverage view then show them. The period is 2025, where the demo has no activities, so the
 * counts are exact.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eEnv, startE2e } from "./support";

const SHOTS = "test-results/screenshots";
const KEDAUNG = "31.73.01.1004";
const BAMBU = "31.73.07.1006";
let env: E2eEnv;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await startE2e({ demo: true });
});
afterAll(async () => {
  await env?.close();
});

describe("from the meeting table to the street", () => {
  it("a programme citing input items, activities in two kelurahan, who-what-where and coverage", async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    await page.goto(`${env.server.url}/masuk?next=/program`);
    await page.locator("[data-testid=demo-account][data-role=programme_officer]").click();
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("programme-table").or(page.getByTestId("list-empty")).first().waitFor();

    // The meeting: three input items, two of them turned into follow-up actions (meetings API).
    const topics = await page.evaluate(async () => {
      const session = await (await fetch("/api/auth/session")).json();
      const headers = { "content-type": "application/json", "x-csrf-token": session.csrfToken };
      const post = async (url: string, body: unknown) => {
        const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
        if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        return res.json();
      };
      const org = session.user.organisationId as string;
      const meeting = await post("/api/meetings", {
        heldOn: "2025-02-10",
        title: "Rapat koordinasi E2E",
        kind: "coordination",
        organiserOrganisationId: org,
        areaCode: "31.73",
      });
      const names = ["E2E pemetaan rawan", "E2E penjangkauan Boncos", "E2E tes urine berkala"];
      const items = [];
      for (const topic of names)
        items.push(
          await post(`/api/meetings/${meeting.id}/input-items`, {
            raisedBy: "Wali Kota",
            topic,
            priority: "high",
          }),
        );
      for (const item of items.slice(0, 2))
        await post(`/api/input-items/${item.id}/follow-ups`, {
          title: `Tindak lanjut ${item.topic}`,
          ownerOrganisationId: org,
          dueOn: "2025-04-30",
        });
      return names;
    });

    // The programme, made in the form, citing two of the items.
    await page.getByTestId("programme-create").click();
    const form = page.getByTestId("programme-form");
    await form.waitFor();
    await page.getByTestId("programme-name").fill("E2E Kampung Bersinar dua kelurahan");
    await page.getByTestId("programme-pillar").selectOption("pencegahan");
    await page
      .locator("[data-testid=programme-lead] option", { hasText: "BNNP DKI Jakarta" })
      .first()
      .waitFor({ state: "attached" });
    await page.getByTestId("programme-lead").selectOption({ label: "BNNP DKI Jakarta" });
    await page.getByTestId("programme-area").selectOption("31.73");
    await page.getByTestId("programme-start").fill("2025-01-01");
    await page.getByTestId("programme-end").fill("2025-12-31");
    await page.getByTestId("programme-budget").fill("100000000");
    await page.locator(`[data-testid=target-area][data-code='${KEDAUNG}']`).check();
    await page.locator(`[data-testid=target-area][data-code='${BAMBU}']`).check();
    await page.locator(`[data-testid=input-item][data-topic='${topics[1]}']`).check();
    await page.locator(`[data-testid=input-item][data-topic='${topics[2]}']`).check();
    await page.getByTestId("target-add").click();
    await page.getByTestId("target-value").fill("4");
    await page.getByTestId("programme-save").click();
    await page.getByTestId("programme-facts").waitFor();
    const cited = await page.getByTestId("programme-input-items").textContent();
    expect(cited).toContain(topics[1]);
    expect(cited).toContain(topics[2]);
    expect(cited).not.toContain(topics[0]);

    // Two activities, in Kedaung Kali Angke and Kota Bambu Selatan.
    const record = async (fill: () => Promise<void>) => {
      await page.getByTestId("activity-create").click();
      await page.getByTestId("activity-form").waitFor();
      await page
        .locator(`[data-testid=activity-area] option[value='${KEDAUNG}']`)
        .waitFor({ state: "attached" });
      await fill();
      await page.getByTestId("activity-save").click();
      await page.getByTestId("activity-form").waitFor({ state: "detached" });
    };
    await record(async () => {
      await page.getByTestId("activity-type").selectOption("sosialisasi");
      await page.getByTestId("activity-date").fill("2025-03-10");
      await page.getByTestId("activity-area").selectOption(KEDAUNG);
      await page.getByTestId("participants-13-17-male").fill("10");
      await page.getByTestId("participants-13-17-female").fill("12");
      expect(await page.getByTestId("participants-total").textContent()).toContain("22");
    });
    await record(async () => {
      await page.getByTestId("activity-type").selectOption("ibm_outreach");
      await page.getByTestId("activity-date").fill("2025-05-05");
      await page.getByTestId("activity-area").selectOption(BAMBU);
      await page.getByTestId("activity-reached").fill("15");
      await page.getByTestId("activity-referred").fill("3");
    });
    await page.locator("[data-testid=activity-row]").nth(1).waitFor();
    expect(await page.locator("[data-testid=activity-row]").count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/programme-page.png`, fullPage: true });

    // Who does what where, 2025: the lead organisation in both kelurahan.
    await page.goto(`${env.server.url}/siapa-di-mana?from=2025-01-01&to=2025-12-31`);
    await page.getByTestId("www-table").waitFor();
    const rows = await page
      .locator("[data-testid=www-row]")
      .evaluateAll((els) =>
        els.map((e) =>
          [
            e.getAttribute("data-organisation"),
            e.getAttribute("data-area"),
            e.getAttribute("data-pillar"),
            e.getAttribute("data-count"),
          ].join("|"),
        ),
      );
    expect(rows.sort()).toEqual(
      [`BNNP DKI Jakarta|${KEDAUNG}|pencegahan|1`, `BNNP DKI Jakarta|${BAMBU}|pencegahan|1`].sort(),
    );
    expect(await page.getByTestId("www-total-activities").textContent()).toBe("2");
    expect(await page.getByTestId("www-total-areas").textContent()).toBe("2");
    await page.locator("[data-testid=www-map][data-ready=true]").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/who-what-where.png`, fullPage: true });

    // Coverage, 2025: both kelurahan covered, every other risky area listed as uncovered.
    await page.goto(`${env.server.url}/cakupan?from=2025-01-01&to=2025-12-31`);
    await page.getByTestId("coverage-table").waitFor();
    for (const code of [KEDAUNG, BAMBU]) {
      const row = page.locator(`[data-testid=coverage-row][data-code='${code}']`);
      expect(await row.getAttribute("data-covered")).toBe("true");
      expect(await row.getAttribute("data-activities")).toBe("1");
    }
    const risky = await page.locator("[data-testid=coverage-row]").count();
    const uncovered = await page
      .locator("[data-testid=uncovered-area]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
    expect(uncovered.length).toBe(risky - 2);
    expect(uncovered).not.toContain(KEDAUNG);
    expect(uncovered).not.toContain(BAMBU);
    const notCovered = await page
      .locator("[data-testid=coverage-row][data-covered=false]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
    expect(uncovered.sort()).toEqual(notCovered.sort());
    expect(await page.getByTestId("coverage-activity-share").textContent()).toBe("100%");
    expect(await page.getByTestId("coverage-budget-share").textContent()).toBe("100%");
    await page.locator("[data-testid=coverage-map][data-ready=true]").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/coverage.png`, fullPage: true });

    // On a phone the coverage list still reads.
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.getByTestId("coverage-uncovered").isVisible()).toBe(true);
    expect(env.problems).toEqual([]);
  });
});
