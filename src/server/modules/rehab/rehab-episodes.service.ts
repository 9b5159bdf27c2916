/**
 * Episodes of care: entry details and TDI items, ASSIST screenings, the status transitions of
 * `domain/rehab/episodes`, visits, discharge, aftercare follow-ups. Writes need the episode's
 * facility to be the person's own (clinician) or inside their scope (supervisor); a
 * break-the-glass grant reads only.
 */
import { type Kysely, sql } from "kysely";
import { type Database, json } from "../../../db/schema";
import { allowedActions } from "../../../domain/access/roles";
import { type AssistAnswers, assistProblems, scoreAssist } from "../../../domain/rehab/assist";
import {
  type DischargeOutcome,
  type EpisodeEvent,
  type EpisodeStatus,
  eventsFrom,
  transition,
} from "../../../domain/rehab/episodes";
import type { AuthedContext } from "../../context";
import { dateText } from "../../time";
import { recordAudit } from "../audit/audit.service";
import type { Episode, EpisodeInput, EpisodePatch } from "./rehab.schema";
import { activeGrant, visibleClient, worksAt } from "./rehab-access";
import { rehabError } from "./rehab-cipher";
import { assertFacility, checkEpisodeInput, insertEpisode } from "./rehab-clients.service";

type Db = Kysely<Database>;
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : dateText(v));
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

const PATCH_COLUMNS: Record<keyof EpisodePatch, string> = {
  entryRoute: "entry_route",
  entryNote: "entry_note",
  tatRecommendation: "tat_recommendation",
  tatAssessedOn: "tat_assessed_on",
  tatReference: "tat_reference",
  consentGiven: "consent_given",
  consentDate: "consent_date",
  consentBy: "consent_by",
  consentNote: "consent_note",
  treatmentPlan: "treatment_plan",
  serviceType: "service_type",
  primarySubstance: "primary_substance",
  secondarySubstances: "secondary_substances",
  route: "route",
  frequency: "frequency",
  ageAtFirstUse: "age_first_use",
  previousTreatment: "previous_treatment",
  injecting: "injecting",
};

export class RehabEpisodesService {
  constructor(private readonly db: Db) {}

  /** The episode with its facility, when the person may see it; `write` also needs the facility. */
  private async load(ctx: AuthedContext, id: string, write: boolean, db: Db = this.db) {
    const row = await db
      .selectFrom("rehab_episodes as e")
      .innerJoin("organisations as o", "o.id", "e.facility_id")
      .innerJoin("rehab_clients as c", "c.id", "e.client_id")
      .selectAll("e")
      .select([
        "o.name as facility_name",
        "o.area_code as facility_area",
        "c.code as client_code",
        "c.child",
      ])
      .where("e.id", "=", id)
      .executeTakeFirst();
    if (!row) throw rehabError("REHAB_EPISODE_NOT_FOUND", 404, "No such episode.");
    const works = worksAt(ctx.user, { id: row.facility_id, area_code: row.facility_area });
    if (!works) {
      // Visible through a break-the-glass grant: reading only. Otherwise: not found.
      const grant = await activeGrant(db, ctx.user, row.client_id);
      if (!grant) throw rehabError("REHAB_EPISODE_NOT_FOUND", 404, "No such episode.");
      if (write)
        throw rehabError(
          "REHAB_READ_ONLY_GRANT",
          403,
          "A break-the-glass grant allows reading only.",
        );
    }
    return row;
  }

  async get(ctx: AuthedContext, id: string, audit = true): Promise<Episode> {
    const row = await this.load(ctx, id, false);
    const [screenings, visits, followUps] = await Promise.all([
      this.db
        .selectFrom("rehab_screenings")
        .selectAll()
        .where("episode_id", "=", id)
        .orderBy("screened_on")
        .orderBy("created_at")
        .execute(),
      this.db
        .selectFrom("rehab_visits")
        .selectAll()
        .where("episode_id", "=", id)
        .orderBy("visit_date")
        .orderBy("created_at")
        .execute(),
      this.db
        .selectFrom("rehab_follow_ups")
        .selectAll()
        .where("episode_id", "=", id)
        .orderBy("follow_up_date")
        .orderBy("created_at")
        .execute(),
    ]);
    if (audit)
      await this.db.transaction().execute((trx) =>
        recordAudit(trx, ctx, {
          action: "rehab_episode.read",
          resource: "rehab_client",
          recordId: id,
        }),
      );
    const last = screenings[screenings.length - 1];
    return {
      id: row.id,
      clientId: row.client_id,
      clientCode: row.client_code,
      facilityId: row.facility_id,
      facilityName: row.facility_name,
      status: row.status as EpisodeStatus,
      entryRoute: row.entry_route as Episode["entryRoute"],
      entryNote: row.entry_note,
      tatRecommendation: row.tat_recommendation as Episode["tatRecommendation"],
      tatAssessedOn: dateOrNull(row.tat_assessed_on),
      tatReference: row.tat_reference,
      intakeDate: dateText(row.intake_date),
      consentGiven: row.consent_given,
      consentDate: dateOrNull(row.consent_date),
      consentBy: row.consent_by as Episode["consentBy"],
      consentNote: row.consent_note,
      serviceType: row.service_type as Episode["serviceType"],
      startDate: dateOrNull(row.start_date),
      treatmentPlan: row.treatment_plan,
      primarySubstance: row.primary_substance,
      secondarySubstances: row.secondary_substances,
      route: row.route,
      frequency: row.frequency,
      ageAtFirstUse: row.age_first_use,
      previousTreatment: row.previous_treatment,
      injecting: row.injecting,
      dischargeDate: dateOrNull(row.discharge_date),
      dischargeOutcome: row.discharge_outcome as Episode["dischargeOutcome"],
      dischargeNote: row.discharge_note,
      aftercareStart: dateOrNull(row.aftercare_start),
      closedDate: dateOrNull(row.closed_date),
      closeNote: row.close_note,
      highestBand: (last?.highest_band ?? null) as Episode["highestBand"],
      screenings: screenings.map((s) => ({
        id: s.id,
        instrument: s.instrument,
        screenedOn: dateText(s.screened_on),
        answers: s.answers as AssistAnswers,
        scores: (s.scores as { scores: Episode["screenings"][number]["scores"] }).scores,
        highestBand: s.highest_band as Episode["highestBand"] & string,
        injection: s.injection,
        createdAt: iso(s.created_at),
      })),
      visits: visits.map((v) => ({
        id: v.id,
        date: dateText(v.visit_date),
        kind: v.kind as Episode["visits"][number]["kind"],
        urineResult: v.urine_result as Episode["visits"][number]["urineResult"],
        note: v.note,
      })),
      followUps: followUps.map((f) => ({
        id: f.id,
        date: dateText(f.follow_up_date),
        relapseStatus: f.relapse_status as Episode["followUps"][number]["relapseStatus"],
        note: f.note,
      })),
      events: eventsFrom(row.status as EpisodeStatus),
      actions: allowedActions(ctx.user.role, "rehab_client"),
    };
  }

  /** A new episode for a client already registered (e.g. a return after discharge). */
  async create(ctx: AuthedContext, clientId: string, input: EpisodeInput): Promise<Episode> {
    const client = await visibleClient(this.db, ctx.user, clientId);
    const facility = await assertFacility(this.db, ctx.user, input.facilityId);
    const child = client.child || Number(input.intakeDate.slice(0, 4)) - client.birth_year < 18;
    checkEpisodeInput(input, child, input.intakeDate);
    const id = await this.db.transaction().execute(async (trx) => {
      const open = await trx
        .selectFrom("rehab_episodes")
        .select("id")
        .where("client_id", "=", clientId)
        .where("facility_id", "=", facility.id)
        .where("status", "not in", ["closed"])
        .executeTakeFirst();
      if (open)
        throw rehabError(
          "REHAB_EPISODE_OPEN",
          409,
          "The client already has an open episode at this facility.",
          {
            episodeId: open.id,
          },
        );
      const id = await insertEpisode(trx, ctx.user, clientId, facility.id, input);
      if (child && !client.child)
        await trx
          .updateTable("rehab_clients")
          .set({ child: true })
          .where("id", "=", clientId)
          .execute();
      await recordAudit(trx, ctx, {
        action: "rehab_episode.create",
        resource: "rehab_client",
        recordId: id,
        changedFields: Object.keys(input),
      });
      return id;
    });
    return this.get(ctx, id, false);
  }

  async update(ctx: AuthedContext, id: string, patch: EpisodePatch): Promise<Episode> {
    const row = await this.load(ctx, id, true);
    if (row.status === "closed")
      throw rehabError("REHAB_EPISODE_CLOSED", 409, "A closed episode cannot change.");
    if (
      patch.serviceType !== undefined &&
      row.status !== "intake" &&
      row.status !== "assessment" &&
      row.status !== "in_care"
    )
      throw rehabError(
        "EPISODE_INVALID_TRANSITION",
        409,
        "The service type is fixed once care has ended.",
      );
    const merged = {
      entryRoute: patch.entryRoute ?? (row.entry_route as EpisodeInput["entryRoute"]),
      tatRecommendation:
        patch.tatRecommendation !== undefined
          ? patch.tatRecommendation
          : (row.tat_recommendation as EpisodeInput["tatRecommendation"]),
      consentGiven: patch.consentGiven ?? row.consent_given,
      consentDate:
        patch.consentDate !== undefined ? patch.consentDate : dateOrNull(row.consent_date),
      consentBy:
        patch.consentBy !== undefined
          ? patch.consentBy
          : (row.consent_by as EpisodeInput["consentBy"]),
      tatAssessedOn:
        patch.tatAssessedOn !== undefined ? patch.tatAssessedOn : dateOrNull(row.tat_assessed_on),
      primarySubstance:
        patch.primarySubstance !== undefined
          ? patch.primarySubstance
          : (row.primary_substance as EpisodeInput["primarySubstance"]),
      secondarySubstances: (patch.secondarySubstances ??
        row.secondary_substances) as EpisodeInput["secondarySubstances"],
    };
    checkEpisodeInput(merged, row.child, dateText(row.intake_date));
    if (row.status === "in_care" && merged.consentGiven === false)
      throw rehabError(
        "EPISODE_CONSENT_REQUIRED",
        409,
        "Care has started: the consent stays recorded.",
      );
    const values: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [key, column] of Object.entries(PATCH_COLUMNS)) {
      const value = patch[key as keyof EpisodePatch];
      if (value === undefined) continue;
      values[column] = value;
      changed.push(key);
    }
    if (changed.length > 0)
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("rehab_episodes")
          .set({ ...values, updated_at: sql`now()` })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, ctx, {
          action: "rehab_episode.update",
          resource: "rehab_client",
          recordId: id,
          changedFields: changed,
        });
      });
    return this.get(ctx, id, false);
  }

  /** Apply a transition of the domain's table, with the columns it sets, in one transaction. */
  private async move(
    ctx: AuthedContext,
    id: string,
    event: EpisodeEvent,
    input: { date?: string | undefined; outcome?: DischargeOutcome | undefined },
    values: Record<string, unknown>,
  ): Promise<Episode> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.load(ctx, id, true, trx);
      await sql`select id from rehab_episodes where id = ${id} for update`.execute(trx);
      const result = transition(
        {
          status: row.status as EpisodeStatus,
          intakeDate: dateText(row.intake_date),
          startDate: dateOrNull(row.start_date),
          dischargeDate: dateOrNull(row.discharge_date),
          dischargeOutcome: row.discharge_outcome as DischargeOutcome | null,
          consentGiven: row.consent_given,
        },
        event,
        input,
      );
      if (!result.ok) throw rehabError(result.problem, 409, result.message);
      if (result.to !== row.status || Object.keys(values).length > 0) {
        await trx
          .updateTable("rehab_episodes")
          .set({ ...values, status: result.to, updated_at: sql`now()` })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, ctx, {
          action: `rehab_episode.${event}`,
          resource: "rehab_client",
          recordId: id,
          changedFields: ["status", ...Object.keys(values)],
        });
      }
    });
    return this.get(ctx, id, false);
  }

  start(
    ctx: AuthedContext,
    id: string,
    input: { date: string; serviceType: string; treatmentPlan?: string | undefined },
  ) {
    return this.move(ctx, id, "start_care", input, {
      start_date: input.date,
      service_type: input.serviceType,
      ...(input.treatmentPlan !== undefined ? { treatment_plan: input.treatmentPlan } : {}),
    });
  }

  discharge(
    ctx: AuthedContext,
    id: string,
    input: { date: string; outcome: DischargeOutcome; note?: string | undefined },
  ) {
    return this.move(ctx, id, "discharge", input, {
      discharge_date: input.date,
      discharge_outcome: input.outcome,
      discharge_note: input.note ?? "",
    });
  }

  beginAftercare(ctx: AuthedContext, id: string, input: { date: string }) {
    return this.move(ctx, id, "begin_aftercare", input, { aftercare_start: input.date });
  }

  close(ctx: AuthedContext, id: string, input: { date: string; note?: string | undefined }) {
    return this.move(ctx, id, "close", input, {
      closed_date: input.date,
      close_note: input.note ?? "",
    });
  }

  /** Record a WHO ASSIST v3.1 screening; an episode at intake moves to assessment. */
  async screen(
    ctx: AuthedContext,
    id: string,
    input: { screenedOn: string; answers: AssistAnswers },
  ): Promise<Episode> {
    const problems = assistProblems(input.answers);
    if (problems.length > 0)
      throw rehabError(
        "VALIDATION_FAILED",
        400,
        "The ASSIST answers do not follow the questionnaire.",
        problems.map((p) => ({ field: `answers.${p.field}`, problem: p.problem })),
      );
    const result = scoreAssist(input.answers);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.load(ctx, id, true, trx);
      if (!["intake", "assessment", "in_care"].includes(row.status))
        throw rehabError(
          "EPISODE_INVALID_TRANSITION",
          409,
          "Screenings belong before or during care.",
        );
      if (input.screenedOn < dateText(row.intake_date))
        throw rehabError(
          "EPISODE_DATE_BEFORE_INTAKE",
          409,
          "The screening is before the intake date.",
        );
      await trx
        .insertInto("rehab_screenings")
        .values({
          episode_id: id,
          screened_on: input.screenedOn,
          answers: json(input.answers),
          scores: json({ version: result.version, scores: result.scores }),
          highest_band: result.highestBand,
          injection: result.injection,
          created_by: ctx.user.id,
        })
        .execute();
      if (row.status === "intake")
        await trx
          .updateTable("rehab_episodes")
          .set({ status: "assessment", updated_at: sql`now()` })
          .where("id", "=", id)
          .execute();
      await recordAudit(trx, ctx, {
        action: "rehab_screening.create",
        resource: "rehab_client",
        recordId: id,
        changedFields: ["answers", ...(row.status === "intake" ? ["status"] : [])],
      });
    });
    return this.get(ctx, id, false);
  }

  async addVisit(
    ctx: AuthedContext,
    id: string,
    input: {
      date: string;
      kind: string;
      urineResult?: string | null | undefined;
      note?: string | undefined;
    },
  ): Promise<Episode> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.load(ctx, id, true, trx);
      if (row.status !== "in_care")
        throw rehabError(
          "EPISODE_INVALID_TRANSITION",
          409,
          "Visits are recorded while the client is in care.",
        );
      if (input.date < dateText(row.start_date))
        throw rehabError("EPISODE_DATE_BEFORE_START", 409, "The visit is before care started.");
      await trx
        .insertInto("rehab_visits")
        .values({
          episode_id: id,
          visit_date: input.date,
          kind: input.kind,
          urine_result: input.urineResult ?? null,
          note: input.note ?? "",
          created_by: ctx.user.id,
        })
        .execute();
      await recordAudit(trx, ctx, {
        action: "rehab_visit.create",
        resource: "rehab_client",
        recordId: id,
        changedFields: [
          "date",
          "kind",
          ...(input.urineResult ? ["urineResult"] : []),
          ...(input.note ? ["note"] : []),
        ],
      });
    });
    return this.get(ctx, id, false);
  }

  async addFollowUp(
    ctx: AuthedContext,
    id: string,
    input: { date: string; relapseStatus: string; note?: string | undefined },
  ): Promise<Episode> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.load(ctx, id, true, trx);
      if (row.status !== "aftercare")
        throw rehabError(
          "EPISODE_INVALID_TRANSITION",
          409,
          "Follow-ups are recorded during aftercare.",
        );
      if (input.date < dateText(row.aftercare_start))
        throw rehabError(
          "EPISODE_DATE_BEFORE_DISCHARGE",
          409,
          "The follow-up is before aftercare started.",
        );
      await trx
        .insertInto("rehab_follow_ups")
        .values({
          episode_id: id,
          follow_up_date: input.date,
          relapse_status: input.relapseStatus,
          note: input.note ?? "",
          created_by: ctx.user.id,
        })
        .execute();
      await recordAudit(trx, ctx, {
        action: "rehab_follow_up.create",
        resource: "rehab_client",
        recordId: id,
        changedFields: ["date", "relapseStatus", ...(input.note ? ["note"] : [])],
      });
    });
    return this.get(ctx, id, false);
  }
}
