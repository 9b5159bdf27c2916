/**
 * Work done outside a request (CLI, demo start): the first administrator and the demo
 * organisations and accounts. Every change is audited with no acting person (system).
 */
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../db/schema";
import type { OrganisationType } from "../../domain/access/organisations";
import type { Role } from "../../domain/access/roles";
import { isAreaCode } from "../../domain/areas/codes";
import { type RequestContext, systemContext } from "../context";
import { AppError } from "../errors";
import { recordAudit } from "../modules/audit/audit.service";
import { assertStrongPassword, hashPassword } from "../modules/auth/auth.service";
import type { DemoContext } from "./demo-context";
import { seedDemoIncidents } from "./demo-incidents";
import { seedDemoKnow } from "./demo-know";
import { seedDemoMeetings } from "./demo-meetings";
import { seedDemoProgrammes } from "./demo-programmes";
import { seedDemoRehab } from "./demo-rehab";
import { seedDemoRisk } from "./demo-risk";

/** Find an organisation by name, or create it; returns its id. */
async function ensureOrganisation(
  trx: Kysely<Database>,
  ctx: RequestContext,
  org: { name: string; type: OrganisationType; areaCode: string },
): Promise<string> {
  const existing = await trx
    .selectFrom("organisations")
    .select("id")
    .where("name", "=", org.name)
    .executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await trx
    .insertInto("organisations")
    .values({ name: org.name, type: org.type, area_code: org.areaCode })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: "organisation.create",
    resource: "organisation",
    recordId: id,
    changedFields: ["name", "type", "areaCode"],
  });
  return id;
}

async function insertAccount(
  trx: Kysely<Database>,
  ctx: RequestContext,
  account: {
    email: string;
    name: string;
    organisationId: string;
    role: Role;
    scope: string;
    passwordHash: string;
  },
): Promise<string> {
  const taken = await trx
    .selectFrom("users")
    .select("id")
    .where(sql<string>`lower(email)`, "=", account.email.toLowerCase())
    .executeTakeFirst();
  if (taken)
    throw new AppError("EMAIL_TAKEN", 409, `An account with e-mail ${account.email} exists.`);
  const { id } = await trx
    .insertInto("users")
    .values({
      email: account.email,
      name: account.name,
      organisation_id: account.organisationId,
      role: account.role,
      scope_area_code: account.scope,
      password_hash: account.passwordHash,
      password_changed_at: sql`now()`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: "user.create",
    resource: "user",
    recordId: id,
    changedFields: ["email", "name", "organisationId", "role", "scope", "password"],
  });
  return id;
}

export interface CreateAdminInput {
  email: string;
  name: string;
  password: string;
  organisation: string;
  organisationType: OrganisationType;
  scope: string;
}

/** Create an administrator (the first one, typically) from the command line. */
export async function createAdministrator(
  db: Kysely<Database>,
  input: CreateAdminInput,
): Promise<string> {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) {
    throw new AppError("VALIDATION_FAILED", 400, "The e-mail address is not valid.");
  }
  if (!isAreaCode(input.scope))
    throw new AppError("AREA_CODE_MALFORMED", 400, `Malformed area code ${input.scope}.`);
  const area = await db
    .selectFrom("areas")
    .select("code")
    .where("code", "=", input.scope)
    .executeTakeFirst();
  if (!area) throw new AppError("AREA_NOT_FOUND", 400, `No area with code ${input.scope}.`);
  assertStrongPassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  const ctx = systemContext("cli:users:create-admin");
  return db.transaction().execute(async (trx) => {
    const organisationId = await ensureOrganisation(trx, ctx, {
      name: input.organisation,
      type: input.organisationType,
      areaCode: input.scope,
    });
    return insertAccount(trx, ctx, {
      email: input.email,
      name: input.name,
      organisationId,
      role: "administrator",
      scope: input.scope,
      passwordHash,
    });
  });
}

/** The agencies of Jakarta Barat's Tim Terpadu P4GN (docs: shared DOMAIN.md, section 1). */
export const DEMO_ORGANISATIONS: ReadonlyArray<{
  name: string;
  type: OrganisationType;
  areaCode: string;
}> = [
  { name: "BNNP DKI Jakarta", type: "bnn", areaCode: "31" },
  { name: "Pemerintah Kota Administrasi Jakarta Barat", type: "city", areaCode: "31.73" },
  { name: "Kesbangpol Kota Administrasi Jakarta Barat", type: "city", areaCode: "31.73" },
  { name: "Kecamatan Cengkareng", type: "kecamatan_office", areaCode: "31.73.01" },
  { name: "Kecamatan Pal Merah", type: "kecamatan_office", areaCode: "31.73.07" },
  { name: "Kelurahan Kedaung Kali Angke", type: "kelurahan_office", areaCode: "31.73.01.1004" },
  { name: "Kelurahan Kota Bambu Selatan", type: "kelurahan_office", areaCode: "31.73.07.1006" },
  { name: "Polres Metro Jakarta Barat", type: "police", areaCode: "31.73" },
  { name: "Suku Dinas Kesehatan Jakarta Barat", type: "health_office", areaCode: "31.73" },
  { name: "Suku Dinas Sosial Jakarta Barat", type: "social_office", areaCode: "31.73" },
  { name: "Suku Dinas Pendidikan Jakarta Barat", type: "city", areaCode: "31.73" },
  { name: "Puskesmas Kecamatan Cengkareng (IPWL)", type: "puskesmas_ipwl", areaCode: "31.73.01" },
  {
    name: "Klinik Rehabilitasi Rawat Jalan BNNP DKI Jakarta",
    type: "rehab_facility",
    areaCode: "31",
  },
  {
    name: "Kantor Wilayah Ditjen Pemasyarakatan DKI Jakarta",
    type: "correctional",
    areaCode: "31",
  },
];

/** One demo account per role: where it works and what it sees. */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  role: Role;
  name: string;
  organisation: string;
  scope: string;
}> = [
  { role: "administrator", name: "Admin Demo", organisation: "BNNP DKI Jakarta", scope: "31" },
  { role: "analyst", name: "Analis Demo", organisation: "BNNP DKI Jakarta", scope: "31.73" },
  {
    role: "programme_officer",
    name: "Petugas Program Demo",
    organisation: "Kesbangpol Kota Administrasi Jakarta Barat",
    scope: "31.73",
  },
  {
    role: "kelurahan_officer",
    name: "Petugas Kelurahan Demo",
    organisation: "Kelurahan Kedaung Kali Angke",
    scope: "31.73.01.1004",
  },
  {
    role: "rehab_clinician",
    name: "Klinisi Demo",
    organisation: "Puskesmas Kecamatan Cengkareng (IPWL)",
    scope: "31.73.01",
  },
  {
    role: "rehab_supervisor",
    name: "Supervisor Rehabilitasi Demo",
    organisation: "Suku Dinas Kesehatan Jakarta Barat",
    scope: "31.73",
  },
  {
    role: "correctional_liaison",
    name: "Penghubung Pemasyarakatan Demo",
    organisation: "Kantor Wilayah Ditjen Pemasyarakatan DKI Jakarta",
    scope: "31",
  },
  {
    role: "viewer",
    name: "Pengamat Demo",
    organisation: "Pemerintah Kota Administrasi Jakarta Barat",
    scope: "31.73",
  },
];

/** The demo e-mail of a role (the `.test` domain is reserved and never delivered). */
export function demoEmail(role: Role): string {
  return `${role.replaceAll("_", "-")}@demo.tanggap.test`;
}

/** Seed the demo organisations and one account per role, all with the same password. */
export async function seedDemo(db: Kysely<Database>, password: string) {
  const passwordHash = await hashPassword(password);
  const ctx = systemContext("demo:seed");
  const { users: userIds, organisations } = await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    const users = new Map<Role, string>();
    for (const org of DEMO_ORGANISATIONS)
      ids.set(org.name, await ensureOrganisation(trx, ctx, org));
    for (const account of DEMO_ACCOUNTS) {
      const id = await insertAccount(trx, ctx, {
        email: demoEmail(account.role),
        name: account.name,
        organisationId: ids.get(account.organisation)!,
        role: account.role,
        scope: account.scope,
        passwordHash,
      });
      users.set(account.role, id);
    }
    return { users, organisations: ids };
  });
  await seedDemoRisk(db, userIds.get("analyst")!);
  const demo: DemoContext = { userIds, organisationIds: organisations };
  await seedDemoIncidents(db, demo);
  await seedDemoMeetings(db, demo);
  await seedDemoProgrammes(db, demo);
  await seedDemoRehab(db, demo);
  await seedDemoKnow(db, demo);
  return DEMO_ACCOUNTS.map((a) => ({ email: demoEmail(a.role), role: a.role }));
}
