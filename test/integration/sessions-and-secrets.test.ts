import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/index";
import { loadConfig } from "../../src/server/config";
import { startServer } from "../../src/server/main";
import { verifyAuditChain } from "../../src/server/modules/audit/audit.service";
import { createTestApp, type TestApp } from "../app";
import { createTestDatabase, freshStorage, type TestDatabase } from "../db";
import { anonymousClient, cookiesOf, newOrganisation, newUser, signIn } from "../factories";

describe("two server instances on one database", () => {
  let database: TestDatabase;
  let second: TestDatabase | undefined;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    // On PostgreSQL the second instance has its own connection pool, as a second server would.
    second = database.url
      ? { ...(await openDatabase({ databaseUrl: database.url })), url: database.url }
      : undefined;
    a = await createTestApp({ database });
    b = await createTestApp({ database: second ?? database });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await second?.close();
    await database.close();
  });

  it("share sessions: sign in on one, use and end the session on the other", async () => {
    const user = await newUser(database.db, { role: "administrator", scope: "31.73" });
    const onA = await signIn(a.app, user);
    const onB = { ...onA, cookies: { ...onA.cookies } };
    const read = await b.app.inject({ method: "GET", url: "/api/users", cookies: onB.cookies });
    expect(read.statusCode).toBe(200);
    const create = await b.app.inject({
      method: "POST",
      url: "/api/organisations",
      cookies: onB.cookies,
      headers: { "x-csrf-token": onA.csrfToken },
      payload: { name: "Made on instance B", type: "city", areaCode: "31.73" },
    });
    expect(create.statusCode).toBe(201);
    const out = await b.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      cookies: onB.cookies,
      headers: { "x-csrf-token": onA.csrfToken },
    });
    expect(out.statusCode).toBe(200);
    expect((await onA.request({ method: "GET", url: "/api/users" })).statusCode).toBe(401);
  });
});

describe("secrets never leak", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: "trace" } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("no password or session token appears in logs, responses or the audit log", async () => {
    const password = "Pa55phrase-never-to-leak-7f3a";
    const org = await newOrganisation(t.database.db, { areaCode: "31.73" });
    const user = await newUser(t.database.db, {
      role: "administrator",
      scope: "31.73",
      organisationId: org,
      password,
    });
    const bodies: string[] = [];
    const client = await anonymousClient(t.app);
    const wrong = await client.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password: `${password}x` },
    });
    bodies.push(wrong.body);
    const login = await client.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password },
    });
    bodies.push(login.body);
    const token = cookiesOf(login).tanggap_session!;
    expect(token).toBeTruthy();
    for (const url of [
      "/api/auth/session",
      "/api/users",
      `/api/users/${user.id}`,
      "/api/audit-events?pageSize=200",
    ]) {
      bodies.push((await client.request({ method: "GET", url })).body);
    }
    const session = JSON.parse(bodies[2]!);
    client.csrfToken = session.csrfToken;
    const newPassword = "An0ther-secret-passphrase-91c2";
    bodies.push(
      (
        await client.request({
          method: "POST",
          url: "/api/auth/password",
          payload: { currentPassword: password, newPassword },
        })
      ).body,
    );
    const invite = await client.request({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "invitee@example.test",
        name: "Invitee",
        organisationId: org,
        role: "viewer",
        scope: "31.73",
      },
    });
    const inviteToken = invite.json().invitation.token as string;
    const audit = JSON.stringify(
      await t.database.db.selectFrom("audit_events").selectAll().execute(),
    );
    const logs = t.logs();
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of [password, newPassword, token]) {
      expect(logs).not.toContain(secret);
      expect(audit).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
    expect(logs).not.toContain(inviteToken);
    expect(audit).not.toContain(inviteToken);
    expect(logs).not.toContain(user.email);
    const stored = JSON.stringify(await t.database.db.selectFrom("sessions").selectAll().execute());
    expect(stored).not.toContain(token);
  });
});

describe("tanggap users create-admin", () => {
  it("reads the password from standard input, never an argument", async () => {
    const storage = await freshStorage();
    const run = (args: string[], input?: string) =>
      spawnSync(process.execPath, ["bin/tanggap.mjs", "users", "create-admin", ...args], {
        encoding: "utf8",
        input,
        env: { ...process.env, ...storage.env },
        timeout: 60_000,
      });
    try {
      const asArgument = run(
        ["--email", "a@example.test", "--name", "A", "--password", "secret passphrase"],
        "",
      );
      expect(asArgument.status).not.toBe(0);
      expect(asArgument.stderr).toContain("unknown option '--password'");

      const weak = run(["--email", "a@example.test", "--name", "A"], "short\n");
      expect(weak.status).toBe(2);
      expect(weak.stderr).toContain("PASSWORD_TOO_WEAK");

      const ok = run(
        ["--email", "kepala@bnnp.example.test", "--name", "Kepala Seksi"],
        "a long enough passphrase\n",
      );
      expect(ok.stderr).toBe("");
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain("Administrator kepala@bnnp.example.test created");

      const server = await startServer(
        loadConfig({ PORT: "0", LOG_LEVEL: "silent", ...storage.env }),
      );
      try {
        const client = await signIn(server.app, {
          email: "kepala@bnnp.example.test",
          password: "a long enough passphrase",
        });
        const session = await client.request({ method: "GET", url: "/api/auth/session" });
        expect(session.json().user).toMatchObject({ role: "administrator", scope: "31" });
      } finally {
        await server.close();
      }
    } finally {
      await storage.cleanup();
    }
  });
});

describe("demo mode", () => {
  it("seeds the agencies and one account per role, with the password on the sign-in data", async () => {
    const storage = await freshStorage();
    const server = await startServer(
      loadConfig({ PORT: "0", LOG_LEVEL: "silent", ...storage.env }),
      { seedDemo: true },
    );
    try {
      const session = (await server.app.inject({ method: "GET", url: "/api/auth/session" })).json();
      expect(session.demo.accounts).toHaveLength(8);
      const orgs = await server.database.db.selectFrom("organisations").select("name").execute();
      expect(orgs.map((o) => o.name)).toEqual(
        expect.arrayContaining([
          "BNNP DKI Jakarta",
          "Polres Metro Jakarta Barat",
          "Kelurahan Kedaung Kali Angke",
        ]),
      );
      for (const account of session.demo.accounts as Array<{ email: string; role: string }>) {
        const client = await signIn(server.app, {
          email: account.email,
          password: session.demo.password,
        });
        const me = (await client.request({ method: "GET", url: "/api/auth/session" })).json();
        expect(me.user.role).toBe(account.role);
      }
      // Two published rounds for Jakarta Barat with movement, and the two named locations.
      const viewer = await signIn(server.app, {
        email: "viewer@demo.tanggap.test",
        password: session.demo.password,
      });
      const rounds = (await viewer.request({ method: "GET", url: "/api/risk/rounds" })).json();
      expect(rounds).toHaveLength(2);
      expect(
        rounds.every(
          (r: { counts: { byStatus: Record<string, number> } }) =>
            r.counts.byStatus.published === 57,
        ),
      ).toBe(true);
      const [second, first] = rounds as Array<{ id: string }>;
      const changes = (
        await viewer.request({
          method: "GET",
          url: `/api/risk/changes?from=${first!.id}&to=${second!.id}`,
        })
      ).json();
      expect(changes.summary.up).toBeGreaterThan(0);
      expect(changes.summary.down).toBeGreaterThan(0);
      const locations = (
        await viewer.request({ method: "GET", url: "/api/named-locations" })
      ).json().items;
      expect(
        locations.map((l: { name: string; rw: string; geometry: unknown }) => [
          l.name,
          l.rw,
          l.geometry,
        ]),
      ).toEqual([
        ["Kompleks Permata", "07", null],
        ["Kampung Kiapang", "03", null],
      ]);
      expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
    } finally {
      await server.close();
      await storage.cleanup();
    }
  });

  it("outside demo mode the session data carries no password", async () => {
    const t = await createTestApp();
    try {
      expect(
        (await t.app.inject({ method: "GET", url: "/api/auth/session" })).json().demo,
      ).toBeNull();
    } finally {
      await t.close();
    }
  });
});
