/**
 * A programme officer records a meeting, three input items, turns two into actions and sees
 * the overdue one flagged on "Tindak lanjut saya". Fresh server and database (with demo accounts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eEnv, startE2e } from "./support";

let env: E2eEnv;

beforeAll(async () => {
  env = await startE2e({ demo: true });
});
afterAll(async () => {
  await env?.close();
});

const jakartaDay = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("from meeting to action", () => {
  it("records a meeting, its input and two actions, and flags the overdue one", async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    await page.goto(`${env.server.url}/masuk?next=/rapat`);
    await page.locator("[data-testid=demo-account][data-role=programme_officer]").click();
    await page.getByTestId("signin-submit").click();

    await page.getByTestId("meeting-add").click();
    await page.getByTestId("meeting-title").fill("Rapat koordinasi e2e Kampung Ambon");
    await page.getByTestId("meeting-date").fill(jakartaDay(-14));
    await page.getByTestId("meeting-save").click();
    await page.waitForURL(/\/rapat\/[0-9a-f-]{36}$/);
    await page.getByTestId("items-empty").waitFor();

    const topics = [
      "Penjangkauan Agen Pemulihan e2e",
      "Tes urine sekolah e2e",
      "Penerangan gang e2e",
    ];
    for (const [i, topic] of topics.entries()) {
      await page.getByTestId("item-add").click();
      await page.getByTestId("item-topic").fill(topic);
      await page.getByTestId("item-raised-by").fill("Lurah Kedaung Kali Angke");
      await page.getByTestId("item-areas").fill("31.73.01.1004");
      await page.getByTestId("item-save").click();
      await page.getByTestId("input-item").nth(i).waitFor();
    }
    expect(await page.getByTestId("input-item").count()).toBe(3);

    const actions = [
      { title: "Jadwal penjangkauan e2e (terlambat)", due: jakartaDay(-3) },
      { title: "Surat ke sekolah e2e", due: jakartaDay(10) },
    ];
    for (const [i, action] of actions.entries()) {
      await page.getByTestId("input-item").nth(i).getByTestId("item-to-action").click();
      await page.getByTestId("follow-up-title").fill(action.title);
      await page
        .getByTestId("follow-up-owner")
        .selectOption({ label: "Kesbangpol Kota Administrasi Jakarta Barat" });
      await page.getByTestId("follow-up-due").fill(action.due);
      await page.getByTestId("follow-up-save").click();
      await page.getByTestId("input-item").nth(i).getByTestId("follow-up-row").waitFor();
    }
    const statuses = await page.getByTestId("item-status").allTextContents();
    expect(statuses).toEqual(["Jadi tindak lanjut", "Jadi tindak lanjut", "Terbuka"]);
    expect(await page.getByTestId("follow-up-row").count()).toBe(2);

    await page.getByTestId("nav-meetings").click();
    await page.getByTestId("sub-mine").click();
    await page.waitForURL(/\/tindak-lanjut$/);
    const overdueRow = page
      .getByTestId("follow-up-row")
      .filter({ hasText: "Jadwal penjangkauan e2e (terlambat)" });
    await overdueRow.waitFor();
    expect(await overdueRow.getByTestId("overdue-flag").textContent()).toBe("terlambat 3 hari");
    const laterRow = page.getByTestId("follow-up-row").filter({ hasText: "Surat ke sekolah e2e" });
    await laterRow.waitFor();
    expect(await laterRow.getByTestId("overdue-flag").count()).toBe(0);
  });
});
