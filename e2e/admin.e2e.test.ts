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

describe("sign-in and administration", () => {
  it("a demo administrator signs in, invites a person, and verifies the audit chain", async () => {
    const page = await env.newPage();
    await page.goto(`${env.server.url}/admin/pengguna`);
    await page.getByTestId("signin-form").waitFor();
    expect(page.url()).toContain("/masuk");
    const password = await page.getByTestId("demo-password").textContent();
    expect(password?.trim()).toBe(env.server.config.demo?.password);
    await page.locator("[data-testid=demo-account][data-role=administrator]").click();
    await page.getByTestId("signin-submit").click();

    await page.getByTestId("user-table").waitFor();
    expect(page.url()).toContain("/admin/pengguna");
    expect(await page.getByTestId("user-row").count()).toBe(8);
    await page.screenshot({ path: `${SHOTS}/admin-people.png` });

    await page.getByTestId("user-invite").click();
    await page.getByTestId("invite-email").fill("lurah.kka@example.test");
    await page.getByTestId("invite-name").fill("Lurah Kedaung Kali Angke");
    await page
      .getByTestId("invite-organisation")
      .selectOption({ label: "Kelurahan Kedaung Kali Angke" });
    await page.getByTestId("invite-role").selectOption("kelurahan_officer");
    await page.getByTestId("invite-scope").selectOption("31.73.01.1004");
    await page.getByTestId("invite-submit").click();
    const link = await page.getByTestId("invite-link").textContent();
    expect(link).toMatch(/\/invite#[A-Za-z0-9_-]{43}$/);
    await page.getByTestId("invite-done").click();
    await expect.poll(() => page.getByTestId("user-row").count()).toBe(9);

    await page.getByTestId("nav-audit").click();
    await page.getByTestId("audit-table").waitFor();
    expect(await page.getByTestId("audit-row").count()).toBeGreaterThan(5);
    await page.getByTestId("audit-verify").click();
    const result = page.getByTestId("audit-verify-result");
    await expect.poll(() => result.getAttribute("data-ok")).toBe("true");
    await page.screenshot({ path: `${SHOTS}/admin-audit.png` });

    await page.getByTestId("account-menu").click();
    await page.getByTestId("signout").click();
    await page.getByTestId("nav-signin").waitFor();
    expect(env.problems).toEqual([]);
    await page.close();
  });

  it("a viewer sees no administration and is told so", async () => {
    const page = await env.newPage();
    await page.goto(`${env.server.url}/masuk?next=/admin/audit`);
    await page.locator("[data-testid=demo-account][data-role=viewer]").click();
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("not-allowed").waitFor();
    expect(await page.getByTestId("nav-users").count()).toBe(0);
    expect(await page.getByTestId("nav-audit").count()).toBe(0);
    expect(env.problems.filter((p) => !p.includes("403"))).toEqual([]);
    await page.close();
  });
});
