import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCKOUT_THRESHOLD } from "../../src/server/modules/auth/auth.service";
import { createTestApp, type TestApp } from "../app";
import { anonymousClient, newOrganisation, newUser, signIn, TEST_PASSWORD } from "../factories";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { TANGGAP_SESSION_IDLE_MINUTES: "30", TANGGAP_SESSION_MAX_HOURS: "12" },
  });
});
afterAll(async () => {
  await t.close();
});

describe("sign-in", () => {
  it("opens a session in an HttpOnly, SameSite=Strict cookie whose token is stored only as a hash", async () => {
    const user = await newUser(t.database.db, { role: "analyst", scope: "31.73" });
    const client = await anonymousClient(t.app);
    const res = await client.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "tanggap_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value.length).toBeGreaterThanOrEqual(43);
    const stored = await t.database.db.selectFrom("sessions").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
    const session = await client.request({ method: "GET", url: "/api/auth/session" });
    expect(session.json().user).toMatchObject({ id: user.id, role: "analyst", scope: "31.73" });
  });

  it("marks the cookie Secure when the request came over HTTPS (behind a trusted proxy)", async () => {
    const proxied = await createTestApp({ database: t.database, env: { TRUST_PROXY: "true" } });
    try {
      const user = await newUser(t.database.db, { role: "viewer", scope: "31.73" });
      const client = await anonymousClient(proxied.app);
      const res = await client.request({
        method: "POST",
        url: "/api/auth/login",
        headers: { "x-forwarded-proto": "https" },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === "tanggap_session")?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it("hashes passwords with Argon2id", async () => {
    const user = await newUser(t.database.db, { role: "viewer", scope: "31.73" });
    const row = await t.database.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("answers the same INVALID_CREDENTIALS for an unknown e-mail and a wrong password", async () => {
    const user = await newUser(t.database.db, { role: "viewer", scope: "31.73" });
    const client = await anonymousClient(t.app);
    const unknown = await client.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "nobody@example.test", password: "x" },
    });
    const wrong = await client.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password: "wrong password" },
    });
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(unknown.json().error.code).toBe("INVALID_CREDENTIALS");
    expect(wrong.json().error.code).toBe("INVALID_CREDENTIALS");
  });

  it("locks the account at the tenth rapid wrong password, even for the right one after", async () => {
    const user = await newUser(t.database.db, { role: "viewer", scope: "31.73" });
    const client = await anonymousClient(t.app);
    const codes: string[] = [];
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      const res = await client.request({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: user.email, password: `wrong ${i}` },
      });
      codes.push(res.json().error.code);
    }
    expect(codes.slice(0, 9).every((c) => c === "INVALID_CREDENTIALS")).toBe(true);
    expect(codes[9]).toBe("ACCOUNT_LOCKED");
    const right = await client.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    // After the lock expires, the right password works again.
    await t.database.db
      .updateTable("users")
      .set({ locked_until: sql`now() - interval '1 second'` })
      .where("id", "=", user.id)
      .execute();
    await expect(signIn(t.app, user)).resolves.toBeTruthy();
  });

  it("rate-limits rapid sign-in attempts per address and e-mail", async () => {
    const client = await anonymousClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await client.request({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "flood@example.test", password: "x" },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[31]).toBe(429);
  });

  it("refuses sign-in without the CSRF token", async () => {
    const user = await newUser(t.database.db, { role: "viewer", scope: "31.73" });
    const client = await anonymousClient(t.app);
    const res = await client.request({
      method: "POST",
      url: "/api/auth/login",
      csrf: false,
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("CSRF_INVALID");
  });
});

describe("sessions", () => {
  it("sign-out ends the session on the server", async () => {
    const user = await newUser(t.database.db, { role: "viewer", scope: "31.73" });
    const client = await signIn(t.app, user);
    const cookie = client.cookies.tanggap_session!;
    expect((await client.request({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(
      200,
    );
    const reused = await t.app.inject({
      method: "GET",
      url: "/api/organisations",
      cookies: { tanggap_session: cookie },
    });
    expect(reused.statusCode).toBe(401);
  });

  it("expires after the idle limit and after the absolute limit", async () => {
    const user = await newUser(t.database.db, { role: "viewer", scope: "31.73" });
    const idle = await signIn(t.app, user);
    await t.database.db
      .updateTable("sessions")
      .set({ last_seen_at: sql`now() - interval '31 minutes'` })
      .where("user_id", "=", user.id)
      .execute();
    expect((await idle.request({ method: "GET", url: "/api/organisations" })).statusCode).toBe(401);

    const absolute = await signIn(t.app, user);
    await t.database.db
      .updateTable("sessions")
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where("user_id", "=", user.id)
      .execute();
    expect((await absolute.request({ method: "GET", url: "/api/organisations" })).statusCode).toBe(
      401,
    );

    const fresh = await signIn(t.app, user);
    expect((await fresh.request({ method: "GET", url: "/api/organisations" })).statusCode).toBe(
      200,
    );
  });

  it("a deactivated person's sessions stop working at once", async () => {
    const org = await newOrganisation(t.database.db, { areaCode: "31.73" });
    const admin = await signIn(
      t.app,
      await newUser(t.database.db, { role: "administrator", scope: "31.73", organisationId: org }),
    );
    const person = await newUser(t.database.db, {
      role: "viewer",
      scope: "31.73",
      organisationId: org,
    });
    const theirs = await signIn(t.app, person);
    const res = await admin.request({
      method: "PATCH",
      url: `/api/users/${person.id}`,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await theirs.request({ method: "GET", url: "/api/organisations" })).statusCode).toBe(
      401,
    );
    await expect(signIn(t.app, person)).rejects.toThrow(/401/);
  });
});

describe("passwords and invitations", () => {
  it("changing one's password ends other sessions and requires the current password", async () => {
    const user = await newUser(t.database.db, { role: "viewer", scope: "31.73" });
    const a = await signIn(t.app, user);
    const b = await signIn(t.app, user);
    const wrong = await a.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "nope", newPassword: "a much better passphrase" },
    });
    expect(wrong.json().error.code).toBe("INVALID_CREDENTIALS");
    const weak = await a.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "short" },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({
      code: "PASSWORD_TOO_WEAK",
      details: { problems: ["too_short"] },
    });
    const ok = await a.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a much better passphrase" },
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.request({ method: "GET", url: "/api/organisations" })).statusCode).toBe(200);
    expect((await b.request({ method: "GET", url: "/api/organisations" })).statusCode).toBe(401);
    await expect(
      signIn(t.app, { email: user.email, password: "a much better passphrase" }),
    ).resolves.toBeTruthy();
  });

  it("an invited person sets a password once through the link, then signs in", async () => {
    const org = await newOrganisation(t.database.db, { areaCode: "31.73.07" });
    const admin = await signIn(
      t.app,
      await newUser(t.database.db, { role: "administrator", scope: "31.73", organisationId: org }),
    );
    const invited = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "Lurah.KBS@example.test",
        name: "Lurah Kota Bambu Selatan",
        organisationId: org,
        role: "kelurahan_officer",
        scope: "31.73.07.1006",
      },
    });
    expect(invited.statusCode).toBe(201);
    const { user, invitation } = invited.json();
    expect(user).toMatchObject({
      hasPassword: false,
      role: "kelurahan_officer",
      scope: "31.73.07.1006",
      scopeName: "Kota Bambu Selatan",
    });
    expect(invitation.path).toBe(`/invite#${invitation.token}`);

    const duplicate = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "lurah.kbs@EXAMPLE.test",
        name: "Again",
        organisationId: org,
        role: "viewer",
        scope: "31.73.07",
      },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe("EMAIL_TAKEN");

    const anon = await anonymousClient(t.app);
    const accept = await anon.request({
      method: "POST",
      url: "/api/auth/invitations/accept",
      payload: { token: invitation.token, password: "kota bambu selatan 2025" },
    });
    expect(accept.statusCode).toBe(200);
    const again = await anon.request({
      method: "POST",
      url: "/api/auth/invitations/accept",
      payload: { token: invitation.token, password: "another good passphrase" },
    });
    expect(again.json().error.code).toBe("INVITATION_INVALID");
    const client = await signIn(t.app, {
      email: "lurah.kbs@example.test",
      password: "kota bambu selatan 2025",
    });
    const session = await client.request({ method: "GET", url: "/api/auth/session" });
    expect(session.json().user.role).toBe("kelurahan_officer");
  });

  it("an administrator cannot deactivate their own account, and no route deletes a person", async () => {
    const admin = await newUser(t.database.db, { role: "administrator", scope: "31.73" });
    const client = await signIn(t.app, admin);
    const self = await client.request({
      method: "PATCH",
      url: `/api/users/${admin.id}`,
      payload: { active: false },
    });
    expect(self.json().error.code).toBe("SELF_DEACTIVATION");
    const del = await client.request({ method: "DELETE", url: `/api/users/${admin.id}` });
    expect(del.statusCode).toBe(404);
    // The only deletions are of files attached to records (meeting attachments, activity
    // photos); nothing deletes a person (people are deactivated, clients erased on request).
    const deletions = t.app.accessCatalogue.filter((r) => r.method === "DELETE").map((r) => r.url);
    for (const url of deletions) expect(url, url).toMatch(/\/(attachments|photos)\/:\w+$/);
    expect(deletions.some((url) => /users|rehab/.test(url))).toBe(false);
  });
});
