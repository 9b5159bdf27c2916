/**
 * Clients of the registry: registration with NIK de-duplication, search, detail without
 * identity, the audited "show identity", data-subject export and erasure.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { allowedActions } from "../../../domain/access/roles";
import { codeDepth } from "../../../domain/areas/codes";
import {
  ageFromBirthYear,
  ageOn,
  clientCodeFrom,
  isChild,
  normaliseClientCode,
  normaliseNik,
} from "../../../domain/rehab/clients";
import type { AuthedContext, SessionUser } from "../../context";
import { dateText } from "../../time";
import { recordAudit } from "../audit/audit.service";
import type {
  ClientDetail,
  ClientPatch,
  ClientSummary,
  EpisodeInput,
  EpisodeSummary,
  Identity,
  RegisterInput,
} from "./rehab.schema";
import {
  activeGrant,
  FACILITY_TYPES,
  reachesWithoutGrant,
  visibleClient,
  visibleClientIds,
  worksAt,
} from "./rehab-access";
import { IDENTITY_COLUMNS, IDENTITY_KEYS, type RehabCipher, rehabError } from "./rehab-cipher";

type Db = Kysely<Database>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : dateText(v));

interface SummaryRow {
  id: string;
  code: string;
  sex: string;
  birth_year: number;
  child: boolean;
  synthetic: boolean;
  erased_at: Date | string | null;
  residence_kelurahan_code: string | null;
  residence_name: string | null;
  facility_name: string | null;
  status: string | null;
  last_intake: unknown;
}

function toSummary(r: SummaryRow): ClientSummary {
  return {
    id: r.id,
    code: r.code,
    sex: r.sex as ClientSummary["sex"],
    birthYear: r.birth_year,
    child: r.child,
    synthetic: r.synthetic,
    erased: r.erased_at !== null,
    residenceKelurahanCode: r.residence_kelurahan_code,
    residenceKelurahanName: r.residence_name,
    facilityName: r.facility_name,
    status: r.status as ClientSummary["status"],
    lastEpisodeStart: dateOrNull(r.last_intake),
  };
}

const SUMMARY_SELECT = sql`c.id, c.code, c.sex, c.birth_year, c.child, c.synthetic, c.erased_at,
  c.residence_kelurahan_code, a.name as residence_name,
  le.facility_name, le.status, le.intake_date as last_intake`;
const SUMMARY_FROM = sql`rehab_clients c
  left join areas a on a.code = c.residence_kelurahan_code
  left join lateral (
    select o.name as facility_name, e.status, e.intake_date
    from rehab_episodes e join organisations o on o.id = e.facility_id
    where e.client_id = c.id
    order by e.intake_date desc, e.created_at desc limit 1
  ) le on true`;

/** Validate a facility the person registers at or moves an episode to. */
export async function assertFacility(db: Db, user: SessionUser, facilityId: string | undefined) {
  const id = facilityId ?? user.organisationId;
  const facility = await db
    .selectFrom("organisations")
    .select(["id", "name", "type", "area_code", "active"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!facility?.active)
    throw rehabError("REHAB_FACILITY_NOT_FOUND", 400, "No such facility.", [
      { field: "episode.facilityId", problem: "not found" },
    ]);
  if (!(FACILITY_TYPES as readonly string[]).includes(facility.type))
    throw rehabError(
      "REHAB_NOT_A_FACILITY",
      400,
      "That organisation is not a rehabilitation facility.",
      [{ field: "episode.facilityId", problem: "not a facility" }],
    );
  if (!worksAt(user, facility))
    throw rehabError("SCOPE_VIOLATION", 403, "That facility is outside your scope.");
  return facility;
}

/** Insert an episode (status intake) and return its id. */
export async function insertEpisode(
  trx: Db,
  user: SessionUser,
  clientId: string,
  facilityId: string,
  e: EpisodeInput,
): Promise<string> {
  const { id } = await trx
    .insertInto("rehab_episodes")
    .values({
      client_id: clientId,
      facility_id: facilityId,
      status: "intake",
      entry_route: e.entryRoute,
      entry_note: e.entryNote ?? "",
      tat_recommendation: e.tatRecommendation ?? null,
      tat_assessed_on: e.tatAssessedOn ?? null,
      tat_reference: e.tatReference ?? "",
      intake_date: e.intakeDate,
      consent_given: e.consentGiven ?? false,
      consent_date: e.consentDate ?? null,
      consent_by: e.consentBy ?? null,
      consent_note: e.consentNote ?? "",
      treatment_plan: e.treatmentPlan ?? "",
      service_type: e.serviceType ?? null,
      primary_substance: e.primarySubstance ?? null,
      secondary_substances: e.secondarySubstances ?? [],
      route: e.route ?? null,
      frequency: e.frequency ?? null,
      age_first_use: e.ageAtFirstUse ?? null,
      previous_treatment: e.previousTreatment ?? null,
      injecting: e.injecting ?? null,
      created_by: user.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Checks on an episode's entry details that depend on the client. */
export function checkEpisodeInput(
  e: Partial<EpisodeInput>,
  child: boolean,
  intakeDate: string,
): void {
  const problems: Array<{ field: string; problem: string }> = [];
  if (e.entryRoute === "legal_tat" && !e.tatRecommendation)
    problems.push({
      field: "episode.tatRecommendation",
      problem: "REHAB_TAT_RECOMMENDATION_REQUIRED",
    });
  if (e.consentGiven && !e.consentDate)
    problems.push({ field: "episode.consentDate", problem: "REHAB_CONSENT_DATE_REQUIRED" });
  if (e.consentGiven && child && e.consentBy === "client")
    problems.push({ field: "episode.consentBy", problem: "REHAB_GUARDIAN_CONSENT_REQUIRED" });
  if (e.tatAssessedOn && e.tatAssessedOn > intakeDate)
    problems.push({ field: "episode.tatAssessedOn", problem: "REHAB_DATE_AFTER_INTAKE" });
  if (
    e.secondarySubstances &&
    e.primarySubstance &&
    e.secondarySubstances.includes(e.primarySubstance)
  )
    problems.push({ field: "episode.secondarySubstances", problem: "REHAB_SECONDARY_IS_PRIMARY" });
  if (problems.length > 0)
    throw rehabError("VALIDATION_FAILED", 400, "The episode is not valid.", problems);
}

export class RehabClientsService {
  constructor(
    private readonly db: Db,
    private readonly cipher: RehabCipher,
  ) {}

  private async assertKelurahan(code: string | null | undefined) {
    if (!code) return;
    const area = await this.db
      .selectFrom("areas")
      .select("code")
      .where("code", "=", code)
      .executeTakeFirst();
    if (!area || codeDepth(code) !== 4)
      throw rehabError("VALIDATION_FAILED", 400, "The residence is a kelurahan.", [
        { field: "residenceKelurahanCode", problem: area ? "not a kelurahan" : "AREA_NOT_FOUND" },
      ]);
  }

  async list(
    ctx: AuthedContext,
    filter: {
      code?: string | undefined;
      facilityId?: string | undefined;
      status?: string | undefined;
      child?: string | undefined;
    },
    page: number,
    pageSize: number,
  ) {
    const conditions = [sql`c.id in ${visibleClientIds(ctx.user)}`];
    if (filter.code) {
      const code = normaliseClientCode(filter.code).replace(/[%_\\]/g, "\\$&");
      conditions.push(sql`c.code like ${`${code}%`}`);
    }
    if (filter.facilityId)
      conditions.push(
        sql`exists (select 1 from rehab_episodes f where f.client_id = c.id and f.facility_id = ${filter.facilityId})`,
      );
    if (filter.status) conditions.push(sql`le.status = ${filter.status}`);
    if (filter.child) conditions.push(sql`c.child = ${filter.child === "true"}`);
    const where = sql.join(conditions, sql` and `);
    return this.db.transaction().execute(async (trx) => {
      const total = await sql<{
        n: string;
      }>`select count(*) as n from ${SUMMARY_FROM} where ${where}`.execute(trx);
      const rows =
        await sql<SummaryRow>`select ${SUMMARY_SELECT} from ${SUMMARY_FROM} where ${where}
        order by le.intake_date desc nulls last, c.code limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(
          trx,
        );
      await recordAudit(trx, ctx, { action: "rehab_client.list", resource: "rehab_client" });
      return { items: rows.rows.map(toSummary), total: Number(total.rows[0]!.n), page, pageSize };
    });
  }

  private async summary(db: Db, id: string): Promise<ClientSummary> {
    const rows =
      await sql<SummaryRow>`select ${SUMMARY_SELECT} from ${SUMMARY_FROM} where c.id = ${id}`.execute(
        db,
      );
    return toSummary(rows.rows[0]!);
  }

  /** A client's detail (no identity values); audited as a read of a person's record. */
  async get(ctx: AuthedContext, id: string, audit = true): Promise<ClientDetail> {
    const row = await visibleClient(this.db, ctx.user, id);
    return this.db.transaction().execute(async (trx) => {
      const detail = await this.detail(trx, ctx, row);
      if (audit)
        await recordAudit(trx, ctx, {
          action: "rehab_client.read",
          resource: "rehab_client",
          recordId: id,
        });
      return detail;
    });
  }

  private async detail(
    db: Db,
    ctx: AuthedContext,
    row: Awaited<ReturnType<typeof visibleClient>>,
  ): Promise<ClientDetail> {
    const summary = await this.summary(db, row.id);
    const episodes = await db
      .selectFrom("rehab_episodes as e")
      .innerJoin("organisations as o", "o.id", "e.facility_id")
      .select([
        "e.id",
        "e.facility_id",
        "o.name as facility_name",
        "e.status",
        "e.entry_route",
        "e.intake_date",
        "e.service_type",
        "e.start_date",
        "e.discharge_date",
        "e.discharge_outcome",
        "e.aftercare_start",
        "e.closed_date",
        "e.primary_substance",
        (eb) =>
          eb
            .selectFrom("rehab_screenings as s")
            .select("s.highest_band")
            .whereRef("s.episode_id", "=", "e.id")
            .orderBy("s.screened_on", "desc")
            .orderBy("s.created_at", "desc")
            .limit(1)
            .as("highest_band"),
      ])
      .where("e.client_id", "=", row.id)
      .orderBy("e.intake_date", "desc")
      .orderBy("e.created_at", "desc")
      .execute();
    const grant = await activeGrant(db, ctx.user, row.id);
    return {
      ...summary,
      identityPresent: {
        fullName: row.full_name_enc !== null,
        nik: row.nik_enc !== null,
        dateOfBirth: row.date_of_birth_enc !== null,
        phone: row.phone_enc !== null,
        address: row.address_enc !== null,
      },
      erasedAt: row.erased_at ? iso(row.erased_at) : null,
      createdAt: iso(row.created_at),
      episodes: episodes.map(
        (e): EpisodeSummary => ({
          id: e.id,
          facilityId: e.facility_id,
          facilityName: e.facility_name,
          status: e.status as EpisodeSummary["status"],
          entryRoute: e.entry_route as EpisodeSummary["entryRoute"],
          intakeDate: dateText(e.intake_date),
          serviceType: e.service_type as EpisodeSummary["serviceType"],
          startDate: dateOrNull(e.start_date),
          dischargeDate: dateOrNull(e.discharge_date),
          dischargeOutcome: e.discharge_outcome as EpisodeSummary["dischargeOutcome"],
          aftercareStart: dateOrNull(e.aftercare_start),
          closedDate: dateOrNull(e.closed_date),
          primarySubstance: e.primary_substance,
          highestBand: (e.highest_band ?? null) as EpisodeSummary["highestBand"],
        }),
      ),
      breakGlass: grant ? { id: grant.id, expiresAt: iso(grant.expires_at) } : null,
      actions: allowedActions(ctx.user.role, "rehab_client"),
      identityActions: row.erased_at ? [] : allowedActions(ctx.user.role, "rehab_identity"),
    };
  }

  /**
   * Register a client with a first episode at a facility. When the NIK's blind index finds
   * a client already registered (at any facility), no second client is made: the episode
   * is added to that client, and the answer says so.
   */
  async register(ctx: AuthedContext, input: RegisterInput) {
    const facility = await assertFacility(this.db, ctx.user, input.episode.facilityId);
    await this.assertKelurahan(input.residenceKelurahanCode);
    const dob = input.identity.dateOfBirth;
    const intake = input.episode.intakeDate;
    if (dob && dob > intake)
      throw rehabError("VALIDATION_FAILED", 400, "The date of birth is after the intake.", [
        { field: "identity.dateOfBirth", problem: "REHAB_BIRTH_AFTER_INTAKE" },
      ]);
    const birthYear = dob ? Number(dob.slice(0, 4)) : input.birthYear;
    if (birthYear === undefined)
      throw rehabError("VALIDATION_FAILED", 400, "Give the birth year or the date of birth.", [
        { field: "birthYear", problem: "REHAB_BIRTH_YEAR_REQUIRED" },
      ]);
    if (dob && input.birthYear !== undefined && input.birthYear !== birthYear)
      throw rehabError("VALIDATION_FAILED", 400, "The birth year differs from the date of birth.", [
        { field: "birthYear", problem: "REHAB_BIRTH_YEAR_MISMATCH" },
      ]);
    const child = isChild(dob ? ageOn(dob, intake) : ageFromBirthYear(birthYear, intake));
    checkEpisodeInput(input.episode, child, intake);
    const nik = input.identity.nik ? normaliseNik(input.identity.nik) : null;

    const result = await this.db.transaction().execute(async (trx) => {
      const keyId = await this.cipher.currentKeyId(trx, true);
      const nikIndex = this.cipher.nikIndex(keyId, nik);
      if (nikIndex) {
        const existing = await trx
          .selectFrom("rehab_clients")
          .select(["id", "child"])
          .where("nik_index", "=", nikIndex)
          .executeTakeFirst();
        if (existing) {
          const open = await trx
            .selectFrom("rehab_episodes")
            .select("id")
            .where("client_id", "=", existing.id)
            .where("facility_id", "=", facility.id)
            .where("status", "!=", "closed")
            .executeTakeFirst();
          const episodeId =
            open?.id ??
            (await insertEpisode(trx, ctx.user, existing.id, facility.id, input.episode));
          if (child && !existing.child)
            await trx
              .updateTable("rehab_clients")
              .set({ child: true })
              .where("id", "=", existing.id)
              .execute();
          await recordAudit(trx, ctx, {
            action: "rehab_client.match_nik",
            resource: "rehab_client",
            recordId: existing.id,
            changedFields: open ? [] : ["episode"],
          });
          return { id: existing.id, episodeId, matchedExisting: true };
        }
      }
      const id = randomUUID();
      let code = clientCodeFrom(randomBytes(8));
      while (
        await trx
          .selectFrom("rehab_clients")
          .select("id")
          .where("code", "=", code)
          .executeTakeFirst()
      )
        code = clientCodeFrom(randomBytes(8));
      const identity: Partial<Identity> = { ...input.identity, nik };
      await trx
        .insertInto("rehab_clients")
        .values({
          id,
          code,
          ...this.cipher.encryptIdentity(keyId, id, identity),
          nik_index: nikIndex,
          key_id: keyId,
          sex: input.sex,
          birth_year: birthYear,
          residence_kelurahan_code: input.residenceKelurahanCode ?? null,
          child,
          created_by: ctx.user.id,
        })
        .execute();
      const episodeId = await insertEpisode(trx, ctx.user, id, facility.id, input.episode);
      await recordAudit(trx, ctx, {
        action: "rehab_client.create",
        resource: "rehab_client",
        recordId: id,
        changedFields: [
          ...IDENTITY_KEYS.filter((k) => identity[k]),
          "sex",
          "birthYear",
          ...(input.residenceKelurahanCode ? ["residenceKelurahanCode"] : []),
        ],
      });
      await recordAudit(trx, ctx, {
        action: "rehab_episode.create",
        resource: "rehab_client",
        recordId: episodeId,
        changedFields: Object.keys(input.episode),
      });
      return { id, episodeId, matchedExisting: false };
    });
    const row = await visibleClient(this.db, ctx.user, result.id);
    const client = await this.detail(this.db, ctx, row);
    return { client, episodeId: result.episodeId, matchedExisting: result.matchedExisting };
  }

  /** Find a client by NIK through the blind index; null when none is visible to the person. */
  async lookup(ctx: AuthedContext, nikInput: string): Promise<{ client: ClientSummary | null }> {
    const nik = normaliseNik(nikInput);
    return this.db.transaction().execute(async (trx) => {
      const keyId = await this.cipher.currentKeyId(trx, true);
      const index = this.cipher.nikIndex(keyId, nik);
      const found = await trx
        .selectFrom("rehab_clients as c")
        .select("c.id")
        .where("c.nik_index", "=", index)
        .where(sql<boolean>`c.id in ${visibleClientIds(ctx.user)}`)
        .executeTakeFirst();
      await recordAudit(trx, ctx, {
        action: "rehab_client.lookup_nik",
        resource: "rehab_client",
        recordId: found?.id ?? null,
      });
      return { client: found ? await this.summary(trx, found.id) : null };
    });
  }

  async update(ctx: AuthedContext, id: string, patch: ClientPatch): Promise<ClientDetail> {
    const row = await visibleClient(this.db, ctx.user, id);
    if (!(await reachesWithoutGrant(this.db, ctx.user, id)))
      throw rehabError(
        "REHAB_READ_ONLY_GRANT",
        403,
        "A break-the-glass grant allows reading only.",
      );
    if (row.erased_at && patch.identity)
      throw rehabError("REHAB_CLIENT_ERASED", 409, "This client's identity was erased.");
    await this.assertKelurahan(patch.residenceKelurahanCode);
    const dob = patch.identity?.dateOfBirth;
    const birthYear = dob ? Number(dob.slice(0, 4)) : patch.birthYear;
    await this.db.transaction().execute(async (trx) => {
      const changed: string[] = [];
      const values: Record<string, unknown> = {};
      if (patch.sex !== undefined && patch.sex !== row.sex) {
        values.sex = patch.sex;
        changed.push("sex");
      }
      if (birthYear !== undefined && birthYear !== row.birth_year) {
        values.birth_year = birthYear;
        changed.push("birthYear");
      }
      if (patch.residenceKelurahanCode !== undefined) {
        values.residence_kelurahan_code = patch.residenceKelurahanCode;
        changed.push("residenceKelurahanCode");
      }
      if (patch.identity) {
        const keyId = await this.cipher.currentKeyId(trx, true);
        // Fields must all be under one key: re-encrypt the unchanged ones when the key moved on.
        const current = row.key_id !== keyId ? this.cipher.decryptIdentity(id, row) : null;
        const next: Partial<Identity> = { ...(current ?? {}), ...patch.identity };
        if (patch.identity.nik !== undefined) {
          next.nik = patch.identity.nik ? normaliseNik(patch.identity.nik) : null;
          values.nik_index = this.cipher.nikIndex(keyId, next.nik);
        } else if (current) values.nik_index = this.cipher.nikIndex(keyId, current.nik);
        Object.assign(values, this.cipher.encryptIdentity(keyId, id, next), { key_id: keyId });
        changed.push(...IDENTITY_KEYS.filter((k) => patch.identity![k] !== undefined));
      }
      if (changed.length === 0) return;
      await trx
        .updateTable("rehab_clients")
        .set({ ...values, updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, ctx, {
        action: "rehab_client.update",
        resource: "rehab_client",
        recordId: id,
        changedFields: changed,
      });
    });
    return this.get(ctx, id, false);
  }

  /** Decrypt and return the identity; every view is recorded with its reason and audited. */
  async showIdentity(
    ctx: AuthedContext,
    id: string,
    request: { reasonCode: string; reason: string },
  ) {
    const row = await visibleClient(this.db, ctx.user, id);
    if (row.erased_at)
      throw rehabError("REHAB_CLIENT_ERASED", 409, "This client's identity was erased.");
    const direct = await reachesWithoutGrant(this.db, ctx.user, id);
    const grant = direct ? undefined : await activeGrant(this.db, ctx.user, id);
    if (!direct && !grant) throw rehabError("REHAB_CLIENT_NOT_FOUND", 404, "No such client.");
    const identity = this.cipher.decryptIdentity(id, row);
    const viewId = await this.db.transaction().execute(async (trx) => {
      const view = await trx
        .insertInto("rehab_identity_views")
        .values({
          client_id: id,
          user_id: ctx.user.id,
          reason_code: request.reasonCode,
          reason: request.reason,
          break_glass_id: grant?.id ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: grant ? "rehab_identity.read_break_glass" : "rehab_identity.read",
        resource: "rehab_identity",
        recordId: id,
        changedFields: [
          ...IDENTITY_KEYS.filter((k) => identity[k] !== null),
          `reason:${request.reasonCode}`,
          `view:${view.id}`,
          ...(grant ? [`break_glass:${grant.id}`] : []),
        ],
      });
      return view.id;
    });
    return { clientId: id, code: row.code, identity, viewId };
  }

  /** Who saw this client's identity, when and why (no values). */
  async identityViews(ctx: AuthedContext, id: string) {
    await visibleClient(this.db, ctx.user, id);
    const rows = await this.db
      .selectFrom("rehab_identity_views as v")
      .innerJoin("users as u", "u.id", "v.user_id")
      .select([
        "v.id",
        "u.name as user_name",
        "v.reason_code",
        "v.reason",
        "v.break_glass_id",
        "v.viewed_at",
      ])
      .where("v.client_id", "=", id)
      .orderBy("v.viewed_at", "desc")
      .limit(200)
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        userName: r.user_name,
        reasonCode: r.reason_code,
        reason: r.reason,
        breakGlass: r.break_glass_id !== null,
        viewedAt: iso(r.viewed_at),
      })),
    };
  }

  /** Everything held about a client, identity included (a data-subject access request). */
  async exportAll(ctx: AuthedContext, id: string, reason: string) {
    const row = await visibleClient(this.db, ctx.user, id);
    if (!(await reachesWithoutGrant(this.db, ctx.user, id)))
      throw rehabError(
        "REHAB_READ_ONLY_GRANT",
        403,
        "A break-the-glass grant does not allow exports.",
      );
    const identity = row.erased_at ? null : this.cipher.decryptIdentity(id, row);
    const episodes = await this.db
      .selectFrom("rehab_episodes")
      .selectAll()
      .where("client_id", "=", id)
      .orderBy("intake_date")
      .execute();
    const episodeIds = episodes.map((e) => e.id);
    const none = ["00000000-0000-0000-0000-000000000000"];
    const ids = episodeIds.length > 0 ? episodeIds : none;
    const [screenings, visits, followUps, views, grants] = await Promise.all([
      this.db.selectFrom("rehab_screenings").selectAll().where("episode_id", "in", ids).execute(),
      this.db.selectFrom("rehab_visits").selectAll().where("episode_id", "in", ids).execute(),
      this.db.selectFrom("rehab_follow_ups").selectAll().where("episode_id", "in", ids).execute(),
      this.db
        .selectFrom("rehab_identity_views as v")
        .innerJoin("users as u", "u.id", "v.user_id")
        .select(["u.name as user_name", "v.reason_code", "v.reason", "v.viewed_at"])
        .where("v.client_id", "=", id)
        .execute(),
      this.db
        .selectFrom("rehab_break_glass as g")
        .innerJoin("users as u", "u.id", "g.user_id")
        .select(["u.name as user_name", "g.reason", "g.created_at", "g.expires_at"])
        .where("g.client_id", "=", id)
        .execute(),
    ]);
    const clean = (r: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          v instanceof Date ? (k.endsWith("_at") ? v.toISOString() : dateText(v)) : v,
        ]),
      );
    // The export shows identity: it is an identity view like any other, with its reason.
    await this.db.transaction().execute(async (trx) => {
      const view = identity
        ? await trx
            .insertInto("rehab_identity_views")
            .values({
              client_id: id,
              user_id: ctx.user.id,
              reason_code: "data_subject_request",
              reason,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        : null;
      await recordAudit(trx, ctx, {
        action: "rehab_client.export",
        resource: "rehab_client",
        recordId: id,
        changedFields: [
          "all",
          ...(view ? ["identity", "reason:data_subject_request", `view:${view.id}`] : []),
        ],
      });
    });
    const {
      full_name_enc,
      nik_enc,
      date_of_birth_enc,
      phone_enc,
      address_enc,
      nik_index,
      key_id,
      ...clear
    } = row;
    void [full_name_enc, nik_enc, date_of_birth_enc, phone_enc, address_enc, nik_index, key_id];
    return {
      exportedAt: new Date().toISOString(),
      client: { ...clean(clear), identity },
      episodes: episodes.map((e) => ({
        ...clean(e),
        screenings: screenings.filter((s) => s.episode_id === e.id).map(clean),
        visits: visits.filter((v) => v.episode_id === e.id).map(clean),
        followUps: followUps.filter((f) => f.episode_id === e.id).map(clean),
      })),
      identityViews: views.map(clean),
      breakGlassGrants: grants.map(clean),
    };
  }

  /**
   * Erase or anonymise on a lawful request: identity and free text are destroyed; coded data
   * (sex, birth year, residence, substances, dates, outcomes) stays for statistics.
   */
  async erase(ctx: AuthedContext, id: string, input: { basis: string; reference: string }) {
    const row = await visibleClient(this.db, ctx.user, id);
    if (!(await reachesWithoutGrant(this.db, ctx.user, id)))
      throw rehabError(
        "REHAB_READ_ONLY_GRANT",
        403,
        "A break-the-glass grant does not allow erasure.",
      );
    if (row.erased_at)
      throw rehabError("REHAB_CLIENT_ERASED", 409, "This client's identity was already erased.");
    await this.db.transaction().execute(async (trx) => {
      const nulls = Object.fromEntries(Object.values(IDENTITY_COLUMNS).map((c) => [c, null]));
      await trx
        .updateTable("rehab_clients")
        .set({
          ...nulls,
          nik_index: null,
          key_id: null,
          erased_at: sql`now()`,
          erased_by: ctx.user.id,
          erasure_basis: input.basis,
          erasure_reference: input.reference,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
      const episodes = trx.selectFrom("rehab_episodes").select("id").where("client_id", "=", id);
      await trx
        .updateTable("rehab_episodes")
        .set({
          entry_note: "",
          tat_reference: "",
          consent_note: "",
          treatment_plan: "",
          discharge_note: "",
          close_note: "",
          updated_at: sql`now()`,
        })
        .where("client_id", "=", id)
        .execute();
      await trx
        .updateTable("rehab_visits")
        .set({ note: "" })
        .where("episode_id", "in", episodes)
        .execute();
      await trx
        .updateTable("rehab_follow_ups")
        .set({ note: "" })
        .where("episode_id", "in", episodes)
        .execute();
      await recordAudit(trx, ctx, {
        action: "rehab_client.erase",
        resource: "rehab_client",
        recordId: id,
        changedFields: [...IDENTITY_KEYS, "nikIndex", "freeText", `basis:${input.basis}`],
      });
    });
    return this.get(ctx, id, false);
  }

  /** Facilities the person may register clients at. */
  async facilities(ctx: AuthedContext) {
    const rows = await this.db
      .selectFrom("organisations as o")
      .select(["o.id", "o.name", "o.type", "o.area_code"])
      .where("o.active", "=", true)
      .where("o.type", "in", [...FACILITY_TYPES])
      .where(
        ctx.user.role === "rehab_clinician"
          ? sql<boolean>`o.id = ${ctx.user.organisationId}`
          : sql<boolean>`(o.area_code = ${ctx.user.scope} or o.area_code like ${`${ctx.user.scope}.%`})`,
      )
      .orderBy("o.name")
      .execute();
    return {
      items: rows.map((r) => ({ id: r.id, name: r.name, type: r.type, areaCode: r.area_code })),
    };
  }
}
