import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
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

const OTHER_EMAIL = "klinisi.klinik@example.test";
/** The client registered by the first journey (its code and page address). */
const registered = { code: "", url: "" };
const OTHER_PASSWORD = "Rehab-lain-2026!kuat";

/** Signs in as a demo account by role (the demo accounts list on the sign-in page). */
async function signInDemo(page: Page, role: string, next: string): Promise<void> {
  await page.goto(`${env.server.url}/masuk?next=${encodeURIComponent(next)}`);
  await page.locator(`[data-testid=demo-account][data-role=${role}]`).click();
  await page.getByTestId("signin-submit").click();
}

/**
 * Through the API as the demo administrator: a clinician of another rehabilitation facility
 * (the BNNP outpatient clinic), invited and with the invitation accepted.
 */
async function createOtherClinician(page: Page): Promise<void> {
  await signInDemo(page, "administrator", "/admin/pengguna");
  await page.getByTestId("user-table").waitFor();
  const status = await page.evaluate(
    async ({ email, password }) => {
      const session = await (await fetch("/api/auth/session")).json();
      const headers = { "content-type": "application/json", "x-csrf-token": session.csrfToken };
      const orgs = await (
        await fetch("/api/organisations?type=rehab_facility&pageSize=100")
      ).json();
      const clinic = orgs.items.find((o: { name: string }) => o.name.startsWith("Klinik"));
      const invited = await fetch("/api/users", {
        method: "POST",
        headers,
        body: JSON.stringify({
          email,
          name: "Klinisi Klinik BNNP",
          organisationId: clinic.id,
          role: "rehab_clinician",
          scope: "31",
        }),
      });
      const { invitation } = await invited.json();
      // Every answer is read to its end, so no request is cut off by the next navigation.
      await (await fetch("/api/auth/logout", { method: "POST", headers, body: "{}" })).text();
      const fresh = await (await fetch("/api/auth/session")).json();
      const accepted = await fetch("/api/auth/invitations/accept", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": fresh.csrfToken },
        body: JSON.stringify({ token: invitation.token, password }),
      });
      await accepted.text();
      return [invited.status, accepted.status];
    },
    { email: OTHER_EMAIL, password: OTHER_PASSWORD },
  );
  expect(status[0]).toBe(201);
  expect(status[1]).toBeLessThan(300);
  await page.context().clearCookies();
}

/** Answers one ASSIST question by its radio's test id. */
async function answer(page: Page, substance: string, question: string, value: string) {
  await page.getByTestId(`assist-${substance}-${question}-${value}`).check();
}

describe("the confidential rehabilitation registry", () => {
  it("registers a client through the wizard, shows the timeline and identity on request, and hides the client from another facility", async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    await createOtherClinician(page);

    // The demo clinician (Puskesmas Kecamatan Cengkareng, an IPWL) opens the wizard.
    await signInDemo(page, "rehab_clinician", "/rehab/registrasi");
    await page.getByTestId("intake-step-identity").waitFor();
    const nik = `3173${String(Date.now()).slice(-12)}`;
    const name = "Budi Santoso Uji";

    // Step validation: "next" with nothing filled names the problems and stays on the step.
    await page.getByTestId("intake-next").click();
    await page.getByTestId("intake-error").waitFor();
    expect(await page.getByTestId("intake-step-identity").count()).toBe(1);

    // Identity inputs never autocomplete.
    expect(await page.getByTestId("intake-nik").getAttribute("autocomplete")).toBe("off");
    expect(await page.getByTestId("intake-name").getAttribute("autocomplete")).toBe("off");
    await page.getByTestId("intake-nik").fill(nik);
    await page.getByTestId("intake-name").fill(name);
    await page.getByTestId("intake-dob").fill("1996-04-17");
    await page.getByTestId("intake-sex").selectOption("male");
    await page.getByTestId("intake-phone").fill("0812-3456-7890");
    await page.getByTestId("intake-address").fill("Jl. Uji Coba No. 1, Cengkareng");
    await page.locator("[data-testid=intake-kelurahan]:not([disabled])").waitFor();
    await page.getByTestId("intake-kelurahan").selectOption("31.73.01.1004");
    await page.getByTestId("intake-next").click();

    // Consent and entry: the facility defaults to the clinician's own.
    await page.getByTestId("intake-step-episode").waitFor();
    await page.locator("[data-testid=intake-facility]:not([disabled])").waitFor();
    expect(await page.getByTestId("intake-facility").inputValue()).not.toBe("");
    await page.getByTestId("intake-entry").selectOption("wajib_lapor");
    await page.getByTestId("intake-next").click();
    await page.getByTestId("intake-consent-error").waitFor();
    await page.getByTestId("intake-consent").check();
    await page.getByTestId("intake-next").click();

    // ASSIST: alcohol and amphetamine-type stimulants used; live scores and bands.
    await page.getByTestId("intake-step-assist").waitFor();
    for (const s of [
      "tobacco",
      "cannabis",
      "cocaine",
      "inhalants",
      "sedatives",
      "hallucinogens",
      "opioids",
      "other",
    ]) {
      await answer(page, s, "q1", "no");
    }
    await answer(page, "alcohol", "q1", "yes");
    await answer(page, "amphetamine_type_stimulants", "q1", "yes");
    // Alcohol: 4 + 5 + 5 + 5 + 6 + 0 = 25, moderate (11 to 26).
    await answer(page, "alcohol", "q2", "weekly");
    await answer(page, "alcohol", "q3", "weekly");
    await answer(page, "alcohol", "q4", "monthly");
    await answer(page, "alcohol", "q5", "once_or_twice");
    await answer(page, "alcohol", "q6", "yes_past_3_months");
    await answer(page, "alcohol", "q7", "no");
    const alcohol = page.getByTestId("assist-band-alcohol");
    expect(await alcohol.getAttribute("data-score")).toBe("25");
    expect(await alcohol.getAttribute("data-band")).toBe("moderate");
    // Stimulants: 6 + 6 + 7 + 7 + 6 + 6 = 38, high (27 or more).
    const ats = "amphetamine_type_stimulants";
    await answer(page, ats, "q2", "daily");
    await answer(page, ats, "q3", "daily");
    await answer(page, ats, "q4", "daily");
    await answer(page, ats, "q5", "weekly");
    await answer(page, ats, "q6", "yes_past_3_months");
    await answer(page, ats, "q7", "yes_past_3_months");
    const band = page.getByTestId(`assist-band-${ats}`);
    expect(await band.getAttribute("data-score")).toBe("38");
    expect(await band.getAttribute("data-band")).toBe("high");
    expect(await band.textContent()).toContain("Risiko tinggi");
    // Q8 is still unanswered: "next" refuses and marks it.
    await page.getByTestId("intake-next").click();
    await page.getByTestId("assist-missing").waitFor();
    await page.getByTestId("assist-q8-no").check();
    await page.screenshot({ path: `${SHOTS}/rehab-assist.png`, fullPage: true });
    await page.getByTestId("intake-next").click();

    // TDI items, then service and plan; going back keeps what was typed.
    await page.getByTestId("intake-step-tdi").waitFor();
    await page.getByTestId("intake-primary").selectOption("methamphetamine");
    await page.getByTestId("intake-route").selectOption("smoke_inhale");
    await page.getByTestId("intake-frequency").selectOption("daily");
    await page.getByTestId("intake-age-first").fill("19");
    await page.getByTestId("intake-previous").selectOption("never");
    await page.getByTestId("intake-injecting").selectOption("never");
    await page.getByTestId("intake-back").click();
    await page.getByTestId("intake-step-assist").waitFor();
    expect(await page.getByTestId(`assist-band-${ats}`).getAttribute("data-score")).toBe("38");
    await page.getByTestId("intake-next").click();
    expect(await page.getByTestId("intake-primary").inputValue()).toBe("methamphetamine");
    await page.getByTestId("intake-next").click();
    await page.getByTestId("intake-step-plan").waitFor();
    await page.getByTestId("intake-service").selectOption("rawat_jalan");
    await page
      .getByTestId("intake-plan")
      .fill("Konseling mingguan selama 3 bulan, tes urine berkala.");
    await page.getByTestId("intake-next").click();
    await page.getByTestId("intake-review").waitFor();
    expect(await page.getByTestId("intake-review").textContent()).not.toContain(name);
    await page.getByTestId("intake-submit").click();

    // The client page: code only, the timeline with the screening's scores.
    const code = page.getByTestId("client-code");
    await code.waitFor();
    const clientCode = (await code.textContent())!.trim();
    registered.code = clientCode;
    expect(clientCode).toMatch(/^RH-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const clientUrl = page.url();
    registered.url = clientUrl;
    expect(clientUrl).toMatch(/\/rehab\/klien\/[0-9a-f-]{36}$/);
    expect(clientUrl).not.toContain(nik);
    expect(await page.title()).toContain(clientCode);
    expect(await page.title()).not.toContain("Budi");
    const timeline = page.getByTestId("episode-timeline");
    await timeline.waitFor();
    const kinds = await timeline
      .locator("[data-testid=timeline-entry]")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-kind")));
    expect(kinds).toEqual(["intake", "screening"]);
    expect(await page.getByTestId("timeline-highest-band").getAttribute("data-band")).toBe("high");
    const scores = timeline.locator("[data-testid=timeline-scores] li");
    expect(
      await scores.evaluateAll((items) =>
        items.map((i) => [i.getAttribute("data-substance"), i.getAttribute("data-score")]),
      ),
    ).toEqual([
      ["alcohol", "25"],
      ["amphetamine_type_stimulants", "38"],
    ]);
    expect(await page.locator("body").textContent()).not.toContain(name);

    // Show identity: a reason is required; the identity appears and is audited.
    await page.getByTestId("identity-show").click();
    await page.getByTestId("identity-confirm").click();
    expect(await page.getByTestId("identity-shown").count()).toBe(0);
    await page.getByTestId("identity-reason").selectOption("treatment");
    await page.getByTestId("identity-note").fill("Konfirmasi jadwal konseling");
    await page.getByTestId("identity-confirm").click();
    await page.getByTestId("identity-shown").waitFor();
    expect(await page.getByTestId("identity-name").textContent()).toBe(name);
    expect(await page.getByTestId("identity-nik").textContent()).toBe(nik);
    const views = await page.evaluate(async (url) => {
      const id = url.split("/").pop();
      return (await fetch(`/api/rehab/clients/${id}/identity-views`)).json();
    }, clientUrl);
    expect(views.items).toHaveLength(1);
    expect(views.items[0].reasonCode).toBe("treatment");
    await page.screenshot({ path: `${SHOTS}/rehab-client.png`, fullPage: true });

    // Leaving the page hides the identity; coming back shows the code only.
    await page.getByTestId("rehab-tab-clients").click();
    await page.getByTestId("rehab-client-table").waitFor();
    await page.goBack();
    await page.getByTestId("client-code").waitFor();
    expect(await page.getByTestId("identity-shown").count()).toBe(0);
    expect(await page.locator("body").textContent()).not.toContain(name);

    // The client appears in the list by code.
    await page.goto(`${env.server.url}/rehab?code=${clientCode}`);
    const row = page.locator(`[data-testid=rehab-client-row][data-code='${clientCode}']`);
    await row.waitFor();

    // Search by NIK: the result is the code; the NIK is neither in the field nor the address.
    await page.getByTestId("rehab-nik-search").fill(nik);
    await page.getByTestId("rehab-nik-submit").click();
    await page.getByTestId("rehab-nik-result").waitFor();
    expect(await page.getByTestId("rehab-nik-result").textContent()).toContain(clientCode);
    expect(await page.getByTestId("rehab-nik-search").inputValue()).toBe("");
    expect(page.url()).not.toContain(nik);

    // The facility's figures: this month's recap lists the new client by code (never a name),
    // the entries chart is drawn, and the aftercare KPI states its target.
    await page.getByTestId("rehab-tab-figures").click();
    const recapRow = page.locator(`[data-testid=recap-row][data-code='${clientCode}']`);
    await recapRow.waitFor();
    expect(await recapRow.textContent()).toContain("Sabu (metamfetamin) (Dihisap / dibakar)");
    expect(await page.getByTestId("figures-recap").textContent()).not.toContain(name);
    await page.getByTestId("entries-table").waitFor();
    expect(
      Number(await page.getByTestId("entries-total").getAttribute("data-total")),
    ).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator("[data-testid=figures-entries] .recharts-bar-rectangle").count())
      .toBeGreaterThan(0);
    await page.getByTestId("kpi").waitFor();
    await page.getByTestId("fig-by").selectOption("sex");
    await expect.poll(() => new URL(page.url()).searchParams.get("by")).toBe("sex");
    await page.getByTestId("entries-table").waitFor();
    await page.screenshot({ path: `${SHOTS}/rehab-figures.png`, fullPage: true });

    // A clinician of another facility gets "not found" for this client.
    await page.context().clearCookies();
    await page.goto(
      `${env.server.url}/masuk?next=${encodeURIComponent(new URL(clientUrl).pathname)}`,
    );
    await page.getByTestId("signin-email").fill(OTHER_EMAIL);
    await page.getByTestId("signin-password").fill(OTHER_PASSWORD);
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("rehab-client-not-found").waitFor();
    expect(await page.getByTestId("client-code").count()).toBe(0);
    expect(await page.locator("body").textContent()).not.toContain(clientCode);
    const status = await page.evaluate(
      async (url) => (await fetch(`/api/rehab/clients/${url.split("/").pop()}`)).status,
      clientUrl,
    );
    expect(status).toBe(404);

    // Phone width: the wizard's first step fits.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${env.server.url}/rehab/registrasi`);
    await page.getByTestId("intake-step-identity").waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    expect(env.problems.filter((p) => !p.includes("404"))).toEqual([]);
    await page.close();
  });

  it("lets a supervisor break the glass for a client outside scope (time-limited, listed for review) and erase a client in scope", async () => {
    expect(registered.code).not.toBe("");
    const page = await env.newPage({ width: 1280, height: 900 });
    // The other facility's clinician registers a client there (BNNP clinic, outside 31.73).
    await page.context().clearCookies();
    await page.goto(`${env.server.url}/masuk?next=/rehab`);
    await page.getByTestId("signin-email").fill(OTHER_EMAIL);
    await page.getByTestId("signin-password").fill(OTHER_PASSWORD);
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("rehab-nik-search").waitFor();
    const outside = await page.evaluate(async () => {
      const session = await (await fetch("/api/auth/session")).json();
      const response = await fetch("/api/rehab/clients", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify({
          identity: {
            fullName: "Klien Luar Wilayah",
            nik: "3171010101900009",
            dateOfBirth: "1990-01-01",
          },
          sex: "female",
          residenceKelurahanCode: null,
          episode: {
            intakeDate: "2026-11-20",
            entryRoute: "voluntary",
            consentGiven: true,
            consentDate: "2026-11-20",
            consentBy: "client",
          },
        }),
      });
      const body = await response.json();
      return {
        status: response.status,
        id: body.client.id as string,
        code: body.client.code as string,
      };
    });
    expect(outside.status).toBe(201);

    // The supervisor (Jakarta Barat) does not see it: 404, and the break-the-glass form.
    await page.context().clearCookies();
    await signInDemo(page, "rehab_supervisor", `/rehab/klien/${outside.id}`);
    await page.getByTestId("rehab-client-not-found").waitFor();
    await page.getByTestId("break-glass-code").fill(outside.code);
    await page.getByTestId("break-glass-reason").fill("Pendek");
    await page.getByTestId("break-glass-submit").click();
    expect(await page.locator("#break-glass-reason-error").textContent()).toContain("20");
    await page
      .getByTestId("break-glass-reason")
      .fill("Klien dirujuk darurat ke IGD RSUD Cengkareng malam ini, perlu riwayat terapi");
    await page.getByTestId("break-glass-submit").click();
    await page.getByTestId("break-glass-active").waitFor();
    expect(await page.getByTestId("client-code").textContent()).toBe(outside.code);
    // Read-only through the grant: no transitions, no export or erasure.
    expect(await page.locator("[data-testid^=episode-start_care]").count()).toBe(0);
    expect(await page.getByTestId("client-erase").count()).toBe(0);

    // The grant is listed for review, with its reason.
    await page.getByTestId("rehab-tab-break-glass").click();
    const grantRow = page.getByTestId("break-glass-row").first();
    await grantRow.waitFor();
    expect(await grantRow.textContent()).toContain(outside.code);
    expect(await grantRow.textContent()).toContain("IGD RSUD Cengkareng");

    // Erasure of the client in scope needs the basis, a reference and the code typed again.
    await page.goto(registered.url);
    await page.getByTestId("client-erase").click();
    await page.getByTestId("erase-basis").selectOption("data_subject_request");
    await page.getByTestId("erase-note").fill("Surat permohonan 12/XI/2026");
    await page.getByTestId("erase-confirm").fill("RH-0000-0000");
    await page.getByTestId("erase-submit").click();
    await page.locator("#erase-confirm-error").waitFor();
    await page.getByTestId("erase-confirm").fill(registered.code);
    await page.getByTestId("erase-submit").click();
    await page.getByTestId("client-erased").waitFor();
    expect(await page.getByTestId("identity-show").count()).toBe(0);
    // The care record stays, without identity.
    expect(await page.getByTestId("episode-timeline").count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/rehab-erased.png`, fullPage: true });
    expect(env.problems.filter((p) => !p.includes("404"))).toEqual([]);
    await page.close();
  });
});
