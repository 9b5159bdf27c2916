/** Factories for test data, and a signed-in client that speaks to the app like the browser. */
import { randomBytes } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema";
import type { OrganisationType } from "../src/domain/access/organisations";
import type { Role } from "../src/domain/access/roles";
import { hashPassword } from "../src/server/modules/auth/auth.service";

let counter = 0;
/** A unique suffix for names and e-mails. */
export function unique(prefix = "t"): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString("hex")}`;
}

export async function newOrganisation(
  db: Kysely<Database>,
  values: { areaCode: string; name?: string; type?: OrganisationType },
): Promise<string> {
  const { id } = await db
    .insertInto("organisations")
    .values({
      name: values.name ?? unique("Org"),
      type: values.type ?? "community_organisation",
      area_code: values.areaCode,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  scope: string;
}

export async function newUser(
  db: Kysely<Database>,
  values: { role: Role; scope: string; organisationId?: string; password?: string },
): Promise<TestUser> {
  const password = values.password ?? TEST_PASSWORD;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = password === TEST_PASSWORD ? await cachedHash : await hashPassword(password);
  const organisationId =
    values.organisationId ?? (await newOrganisation(db, { areaCode: values.scope }));
  const email = `${unique(values.role)}@example.test`;
  const { id } = await db
    .insertInto("users")
    .values({
      email,
      name: `Test ${values.role}`,
      organisation_id: organisationId,
      role: values.role,
      scope_area_code: values.scope,
      password_hash: passwordHash,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, email, password, role: values.role, scope: values.scope };
}

/** Cookies from a response's set-cookie headers, by name. */
export function cookiesOf(res: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
}

export interface Client {
  cookies: Record<string, string>;
  csrfToken: string;
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

/** A browser-like client: keeps cookies, sends the CSRF header on unsafe methods. */
export async function anonymousClient(app: FastifyInstance): Promise<Client> {
  const first = await app.inject({ method: "GET", url: "/api/auth/session" });
  const client: Client = {
    cookies: cookiesOf(first),
    csrfToken: (first.json() as { csrfToken: string }).csrfToken,
    async request(options) {
      const unsafe = !["GET", "HEAD", undefined].includes(options.method as string | undefined);
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (unsafe && options.csrf !== false) headers["x-csrf-token"] = client.csrfToken;
      const { csrf: _csrf, ...rest } = options;
      const res = await app.inject({
        ...rest,
        headers,
        cookies: { ...client.cookies, ...(options.cookies ?? {}) },
      });
      for (const c of res.cookies) {
        if (c.value === "" || (c.expires && c.expires.getTime() < Date.now()))
          delete client.cookies[c.name];
        else client.cookies[c.name] = c.value;
      }
      return res;
    },
  };
  return client;
}

/** Sign in as a user; throws when sign-in fails. */
export async function signIn(
  app: FastifyInstance,
  user: { email: string; password: string },
): Promise<Client> {
  const client = await anonymousClient(app);
  const res = await client.request({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: user.email, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const session = await client.request({ method: "GET", url: "/api/auth/session" });
  client.csrfToken = (session.json() as { csrfToken: string }).csrfToken;
  return client;
}
