/**
 * Programmes: pillar, lead and partners, target areas, period, budget with its source,
 * targets, and the input items and risk round that motivated them. Visible in and above the
 * person's scope; edited only inside it. Every change is audited in its transaction.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { allowedActions, inScope, scopePrefix } from "../../../domain/access/roles";
import { codeDepth, isWithin } from "../../../domain/areas/codes";
import type {
  ActivityFigures,
  BudgetSource,
  Pillar,
  ProgrammeStatus,
  TargetIndicator,
} from "../../../domain/programmes/catalogue";
import {
  achievedShare,
  elapsedShare,
  type TrafficLight,
  targetLight,
  worstLight,
} from "../../../domain/programmes/progress";
import { occurrenceSummary, occurrences } from "../../../domain/programmes/schedule";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { dateText, todayInJakarta } from "../../time";
import { AreasService } from "../areas/areas.service";
import { recordAudit } from "../audit/audit.service";
import { assertAreaInScope } from "../scope";
import {
  EMPTY_FIGURES,
  programmeFigures,
  targetsOf,
  visibleProgrammes,
  withinScope,
} from "./programmes.repository";
import type {
  ProgrammeDetail,
  ProgrammeInput,
  ProgrammePatch,
  ProgrammeSummary,
} from "./programmes.schema";

function notFound(): AppError {
  return new AppError("NOT_FOUND", 404, "No such programme in your scope.");
}

function invalid(field: string, problem: string): AppError {
  return new AppError("VALIDATION_FAILED", 400, "The request is not valid.", [{ field, problem }]);
}

type Row = Awaited<ReturnType<ReturnType<typeof summaryQuery>["execute"]>>[number];

function summaryQuery(db: Kysely<Database>, scope: string) {
  return visibleProgrammes(db, scope)
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .leftJoin("areas as ar", "ar.code", "p.area_code")
    .select([
      "p.id",
      "p.name",
      "p.pillar",
      "p.description",
      "p.area_code",
      "ar.name as area_name",
      "p.lead_organisation_id",
      "o.name as lead_name",
      "p.period_start",
      "p.period_end",
      "p.budget_amount",
      "p.budget_source",
      "p.risk_round_id",
      "p.status",
    ]);
}

/** Achieved value of a target from the programme's figures (or its manual value). */
function achievedOf(indicator: TargetIndicator, figures: ActivityFigures, manual: number | null) {
  return indicator === "manual" ? (manual ?? 0) : figures[indicator];
}

export class ProgrammesService {
  private readonly areas: AreasService;

  constructor(private readonly db: Kysely<Database>) {
    this.areas = new AreasService(db);
  }

  /** Summaries with the traffic light of each, computed on `asOf`. */
  private async summaries(rows: Row[], asOf: string): Promise<ProgrammeSummary[]> {
    const ids = rows.map((r) => r.id);
    const figures = await programmeFigures(this.db, ids);
    const targets = await targetsOf(this.db, ids);
    return rows.map((r) => {
      const start = dateText(r.period_start);
      const end = dateText(r.period_end);
      const elapsed = elapsedShare(start, end, asOf);
      const f = figures.get(r.id) ?? EMPTY_FIGURES;
      const lights = targets
        .filter((t) => t.programme_id === r.id)
        .map((t) =>
          targetLight(
            achievedOf(t.indicator as TargetIndicator, f, t.manual_achieved),
            t.target_value,
            elapsed,
          ),
        );
      return {
        id: r.id,
        name: r.name,
        pillar: r.pillar as Pillar,
        areaCode: r.area_code,
        areaName: r.area_name,
        leadOrganisation: { id: r.lead_organisation_id, name: r.lead_name },
        periodStart: start,
        periodEnd: end,
        budgetAmount: Number(r.budget_amount),
        budgetSource: r.budget_source as BudgetSource,
        status: r.status as ProgrammeStatus,
        activityCount: f.activities,
        elapsedShare: elapsed,
        light: r.status === "cancelled" ? "none" : worstLight(lights),
      };
    });
  }

  async list(
    ctx: AuthedContext,
    filter: {
      area?: string | undefined;
      pillar?: Pillar | undefined;
      status?: ProgrammeStatus | undefined;
      q?: string | undefined;
      inputItem?: string | undefined;
    },
    page: number,
    pageSize: number,
    asOf = todayInJakarta(),
  ) {
    let query = summaryQuery(this.db, ctx.user.scope);
    if (filter.area) {
      const area = filter.area;
      // Programmes in the area, and those targeting a place inside it.
      query = query.where((eb) =>
        eb.or([
          withinScope(eb, "p.area_code", area),
          eb.exists(
            eb
              .selectFrom("programme_areas as pa")
              .select("pa.id")
              .whereRef("pa.programme_id", "=", "p.id")
              .where((e) => withinScope(e, "pa.area_code", area)),
          ),
        ]),
      );
    }
    if (filter.pillar) query = query.where("p.pillar", "=", filter.pillar);
    if (filter.status) query = query.where("p.status", "=", filter.status);
    if (filter.inputItem) {
      const item = filter.inputItem;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom("programme_input_items as pi")
            .select("pi.input_item_id")
            .whereRef("pi.programme_id", "=", "p.id")
            .where("pi.input_item_id", "=", item),
        ),
      );
    }
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`;
      query = query.where("p.name", "ilike", pattern);
    }
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy("p.period_start", "desc")
      .orderBy("p.name")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: await this.summaries(rows, asOf),
      total: Number(total.n),
      page,
      pageSize,
    };
  }

  /** Every visible programme in an area with its light, and counts for the dashboard. */
  async dashboard(ctx: AuthedContext, area: string | undefined, asOf = todayInJakarta()) {
    let query = summaryQuery(this.db, ctx.user.scope);
    if (area) query = query.where((eb) => withinScope(eb, "p.area_code", area));
    const rows = await query
      .orderBy("p.period_start", "desc")
      .orderBy("p.name")
      .limit(1000)
      .execute();
    const programmes = await this.summaries(rows, asOf);
    const tally = (key: (p: ProgrammeSummary) => string, value = (_p: ProgrammeSummary) => 1) => {
      const out: Record<string, number> = {};
      for (const p of programmes) out[key(p)] = (out[key(p)] ?? 0) + value(p);
      return out;
    };
    return {
      asOf,
      programmes,
      byStatus: tally((p) => p.status),
      byLight: tally((p) => p.light),
      byPillar: tally((p) => p.pillar),
      budgetBySource: tally(
        (p) => p.budgetSource,
        (p) => p.budgetAmount,
      ),
    };
  }

  /** The raw row of a visible programme, or 404. */
  async load(ctx: AuthedContext, id: string): Promise<Row> {
    const row = await summaryQuery(this.db, ctx.user.scope)
      .where("p.id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  async get(ctx: AuthedContext, id: string, asOf = todayInJakarta()): Promise<ProgrammeDetail> {
    const row = await this.load(ctx, id);
    const [summary] = await this.summaries([row], asOf);
    const figures = (await programmeFigures(this.db, [id])).get(id) ?? EMPTY_FIGURES;
    const elapsed = summary!.elapsedShare;
    const partners = await this.db
      .selectFrom("programme_partners as pp")
      .innerJoin("organisations as o", "o.id", "pp.organisation_id")
      .select(["o.id", "o.name"])
      .where("pp.programme_id", "=", id)
      .orderBy("o.name")
      .execute();
    const targetAreas = await this.db
      .selectFrom("programme_areas as pa")
      .leftJoin("areas as a", "a.code", "pa.area_code")
      .leftJoin("named_locations as l", "l.id", "pa.named_location_id")
      .select([
        "pa.area_code",
        "a.name as area_name",
        "pa.named_location_id",
        "l.name as location_name",
      ])
      .where("pa.programme_id", "=", id)
      .orderBy("pa.area_code")
      .orderBy("l.name")
      .execute();
    const targets = await targetsOf(this.db, [id]);
    const inputItems = await this.db
      .selectFrom("programme_input_items as pi")
      .innerJoin("input_items as i", "i.id", "pi.input_item_id")
      .innerJoin("meetings as m", "m.id", "i.meeting_id")
      .select(["i.id", "i.topic", "m.id as meeting_id", "m.title as meeting_title"])
      .where("pi.programme_id", "=", id)
      .orderBy("m.held_on")
      .orderBy("i.topic")
      .execute();
    const round = row.risk_round_id
      ? await this.db
          .selectFrom("assessment_rounds")
          .select(["id", "name"])
          .where("id", "=", row.risk_round_id)
          .executeTakeFirst()
      : undefined;
    return {
      ...summary!,
      description: row.description,
      partners,
      targetAreas: targetAreas.map((t) => ({
        areaCode: t.area_code,
        areaName: t.area_name,
        namedLocationId: t.named_location_id,
        namedLocationName: t.location_name,
      })),
      targets: targets.map((t) => {
        const achieved = achievedOf(t.indicator as TargetIndicator, figures, t.manual_achieved);
        return {
          id: t.id,
          indicator: t.indicator as TargetIndicator,
          label: t.label,
          baseline: t.baseline,
          targetValue: t.target_value,
          manualAchieved: t.manual_achieved,
          achieved,
          share: achievedShare(achieved, t.target_value),
          light: (row.status === "cancelled"
            ? "none"
            : targetLight(achieved, t.target_value, elapsed)) as TrafficLight,
        };
      }),
      inputItems: inputItems.map((i) => ({
        id: i.id,
        topic: i.topic,
        meetingId: i.meeting_id,
        meetingTitle: i.meeting_title,
      })),
      riskRound: round ?? null,
      figures,
      schedules: await this.schedules(id, asOf),
      asOf,
      actions: inScope(ctx.user.scope, row.area_code)
        ? allowedActions(ctx.user.role, "programme")
        : allowedActions(ctx.user.role, "programme").filter((a) => a === "read"),
    };
  }

  /** Schedules of a programme with their occurrences on `asOf`. */
  private async schedules(programmeId: string, asOf: string) {
    const rows = await this.db
      .selectFrom("activity_schedules as s")
      .leftJoin("areas as a", "a.code", "s.area_code")
      .leftJoin("named_locations as l", "l.id", "s.named_location_id")
      .selectAll("s")
      .select(["a.name as area_name", "l.name as location_name"])
      .where("s.programme_id", "=", programmeId)
      .orderBy("s.start_on")
      .orderBy("s.title")
      .execute();
    if (rows.length === 0) return [];
    const acts = await this.db
      .selectFrom("activities")
      .select(["id", "schedule_id", "held_on"])
      .where(
        "schedule_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((s) => {
      const spec = {
        frequency: s.frequency as "weekly" | "monthly",
        interval: s.interval,
        startOn: dateText(s.start_on),
        endOn: dateText(s.end_on),
      };
      const list = occurrences(
        spec,
        acts
          .filter((a) => a.schedule_id === s.id)
          .map((a) => ({ id: a.id, heldOn: dateText(a.held_on) })),
        asOf,
      );
      return {
        id: s.id,
        title: s.title,
        typeCode: s.type_code,
        areaCode: s.area_code,
        areaName: s.area_name,
        namedLocationId: s.named_location_id,
        namedLocationName: s.location_name,
        ...spec,
        occurrences: list,
        summary: occurrenceSummary(list),
      };
    });
  }

  /**
   * Active organisations a person may name in a programme or activity: those inside their
   * scope and those above it (BNNP for the province, the city's offices), by name.
   */
  async organisationOptions(ctx: AuthedContext) {
    const scope = ctx.user.scope;
    return this.db
      .selectFrom("organisations as o")
      .select(["o.id", "o.name"])
      .where("o.active", "=", true)
      .where((eb) =>
        eb.or([
          eb("o.area_code", "=", scope),
          eb("o.area_code", "like", scopePrefix(scope)),
          eb(sql.val(scope), "like", sql<string>`o.area_code || '.%'`),
        ]),
      )
      .orderBy("o.name")
      .execute();
  }

  /** Throws unless the person may change this programme (visible and placed in scope). */
  async loadEditable(ctx: AuthedContext, id: string): Promise<Row> {
    const row = await this.load(ctx, id);
    if (!inScope(ctx.user.scope, row.area_code))
      throw new AppError("SCOPE_VIOLATION", 403, "That programme is outside your scope.");
    return row;
  }

  /** Checks the references of an input against the database and the person's scope. */
  private async checkReferences(
    ctx: AuthedContext,
    areaCode: string,
    input: Partial<ProgrammeInput>,
  ): Promise<void> {
    const orgIds = [
      ...(input.leadOrganisationId ? [input.leadOrganisationId] : []),
      ...(input.partnerOrganisationIds ?? []),
    ];
    if (orgIds.length > 0) {
      const found = await this.db
        .selectFrom("organisations")
        .select("id")
        .where("id", "in", orgIds)
        .execute();
      if (new Set(found.map((o) => o.id)).size !== new Set(orgIds).size)
        throw new AppError("ORGANISATION_NOT_FOUND", 400, "An organisation does not exist.");
    }
    for (const [k, t] of (input.targetAreas ?? []).entries()) {
      if (!isWithin(t.areaCode, areaCode))
        throw invalid(`targetAreas.${k}.areaCode`, "not inside the programme's area");
      if (codeDepth(t.areaCode) < 3)
        throw invalid(`targetAreas.${k}.areaCode`, "a target area is a kecamatan or kelurahan");
      if (!(await this.areas.exists(t.areaCode)))
        throw new AppError("AREA_NOT_FOUND", 400, `No area with code ${t.areaCode}.`);
      if (t.namedLocationId) {
        const loc = await this.db
          .selectFrom("named_locations")
          .select("kelurahan_code")
          .where("id", "=", t.namedLocationId)
          .executeTakeFirst();
        if (!loc) throw new AppError("LOCATION_NOT_FOUND", 400, "No such named location.");
        if (loc.kelurahan_code !== t.areaCode)
          throw invalid(`targetAreas.${k}.namedLocationId`, "not in that kelurahan");
      }
    }
    if (input.inputItemIds && input.inputItemIds.length > 0) {
      const scope = ctx.user.scope;
      const found = await this.db
        .selectFrom("input_items as i")
        .innerJoin("meetings as m", "m.id", "i.meeting_id")
        .select("i.id")
        .where("i.id", "in", input.inputItemIds)
        .where((eb) =>
          eb.or([
            eb("m.area_code", "=", scope),
            eb("m.area_code", "like", scopePrefix(scope)),
            eb(sql.val(scope), "like", sql<string>`m.area_code || '.%'`),
          ]),
        )
        .execute();
      if (new Set(found.map((i) => i.id)).size !== new Set(input.inputItemIds).size)
        throw new AppError("NOT_FOUND", 400, "An input item does not exist in your scope.", [
          { field: "inputItemIds", problem: "unknown input item" },
        ]);
    }
    if (input.riskRoundId) {
      const round = await this.db
        .selectFrom("assessment_rounds")
        .select("id")
        .where("id", "=", input.riskRoundId)
        .executeTakeFirst();
      if (!round) throw new AppError("ROUND_NOT_FOUND", 400, "No such assessment round.");
    }
  }

  /** Replaces the child rows named in the input. */
  private async writeChildren(
    trx: Transaction<Database>,
    id: string,
    input: Partial<ProgrammeInput>,
  ) {
    if (input.partnerOrganisationIds) {
      await trx.deleteFrom("programme_partners").where("programme_id", "=", id).execute();
      const ids = [...new Set(input.partnerOrganisationIds)];
      if (ids.length > 0)
        await trx
          .insertInto("programme_partners")
          .values(ids.map((organisation_id) => ({ programme_id: id, organisation_id })))
          .execute();
    }
    if (input.targetAreas) {
      await trx.deleteFrom("programme_areas").where("programme_id", "=", id).execute();
      const seen = new Set<string>();
      const rows = input.targetAreas.filter((t) => {
        const key = `${t.areaCode}|${t.namedLocationId ?? ""}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (rows.length > 0)
        await trx
          .insertInto("programme_areas")
          .values(
            rows.map((t) => ({
              programme_id: id,
              area_code: t.areaCode,
              named_location_id: t.namedLocationId ?? null,
            })),
          )
          .execute();
    }
    if (input.targets) {
      await trx.deleteFrom("programme_targets").where("programme_id", "=", id).execute();
      if (input.targets.length > 0)
        await trx
          .insertInto("programme_targets")
          .values(
            input.targets.map((t, k) => ({
              programme_id: id,
              indicator: t.indicator,
              label: t.label,
              baseline: t.baseline,
              target_value: t.targetValue,
              manual_achieved: t.indicator === "manual" ? (t.manualAchieved ?? null) : null,
              sort: k,
            })),
          )
          .execute();
    }
    if (input.inputItemIds) {
      await trx.deleteFrom("programme_input_items").where("programme_id", "=", id).execute();
      const ids = [...new Set(input.inputItemIds)];
      if (ids.length > 0)
        await trx
          .insertInto("programme_input_items")
          .values(ids.map((input_item_id) => ({ programme_id: id, input_item_id })))
          .execute();
    }
  }

  async create(ctx: AuthedContext, input: ProgrammeInput): Promise<ProgrammeDetail> {
    await assertAreaInScope(this.areas, ctx, input.areaCode);
    await this.checkReferences(ctx, input.areaCode, input);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("programmes")
        .values({
          name: input.name,
          pillar: input.pillar,
          description: input.description,
          lead_organisation_id: input.leadOrganisationId,
          area_code: input.areaCode,
          period_start: input.periodStart,
          period_end: input.periodEnd,
          budget_amount: input.budgetAmount,
          budget_source: input.budgetSource,
          risk_round_id: input.riskRoundId,
          status: input.status,
          created_by: ctx.user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.writeChildren(trx, id, input);
      await recordAudit(trx, ctx, {
        action: "programme.create",
        resource: "programme",
        recordId: id,
        changedFields: Object.keys(input),
      });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedContext, id: string, input: ProgrammePatch): Promise<ProgrammeDetail> {
    const row = await this.loadEditable(ctx, id);
    const areaCode = input.areaCode ?? row.area_code;
    if (input.areaCode !== undefined && input.areaCode !== row.area_code)
      await assertAreaInScope(this.areas, ctx, input.areaCode);
    const start = input.periodStart ?? dateText(row.period_start);
    const end = input.periodEnd ?? dateText(row.period_end);
    if (end < start) throw invalid("periodEnd", "period end must not be before its start");
    // Moving the programme must keep its current target areas inside it.
    if (input.areaCode !== undefined && input.targetAreas === undefined) {
      const outside = await this.db
        .selectFrom("programme_areas")
        .select("area_code")
        .where("programme_id", "=", id)
        .execute();
      if (outside.some((t) => !isWithin(t.area_code, areaCode)))
        throw invalid("areaCode", "target areas would fall outside the programme's area");
    }
    await this.checkReferences(ctx, areaCode, input);
    const changed = Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    if (changed.length === 0) return this.get(ctx, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("programmes")
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.pillar !== undefined ? { pillar: input.pillar } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.leadOrganisationId !== undefined
            ? { lead_organisation_id: input.leadOrganisationId }
            : {}),
          ...(input.areaCode !== undefined ? { area_code: input.areaCode } : {}),
          ...(input.periodStart !== undefined ? { period_start: input.periodStart } : {}),
          ...(input.periodEnd !== undefined ? { period_end: input.periodEnd } : {}),
          ...(input.budgetAmount !== undefined ? { budget_amount: input.budgetAmount } : {}),
          ...(input.budgetSource !== undefined ? { budget_source: input.budgetSource } : {}),
          ...(input.riskRoundId !== undefined ? { risk_round_id: input.riskRoundId } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
      await this.writeChildren(trx, id, input);
      await recordAudit(trx, ctx, {
        action: "programme.update",
        resource: "programme",
        recordId: id,
        changedFields: changed,
      });
    });
    return this.get(ctx, id);
  }

  /** Plan a recurring activity under a programme. */
  async createSchedule(
    ctx: AuthedContext,
    programmeId: string,
    input: {
      title: string;
      typeCode: string;
      areaCode: string;
      namedLocationId: string | null;
      frequency: "weekly" | "monthly";
      interval: number;
      startOn: string;
      endOn: string;
    },
  ) {
    const row = await this.loadEditable(ctx, programmeId);
    if (!isWithin(input.areaCode, row.area_code))
      throw invalid("areaCode", "not inside the programme's area");
    if (codeDepth(input.areaCode) !== 4) throw invalid("areaCode", "not a kelurahan");
    await assertAreaInScope(this.areas, ctx, input.areaCode);
    await this.assertType(input.typeCode);
    if (input.namedLocationId) await this.assertLocation(input.namedLocationId, input.areaCode);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("activity_schedules")
        .values({
          programme_id: programmeId,
          title: input.title,
          type_code: input.typeCode,
          area_code: input.areaCode,
          named_location_id: input.namedLocationId,
          frequency: input.frequency,
          interval: input.interval,
          start_on: input.startOn,
          end_on: input.endOn,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "programme.schedule_create",
        resource: "programme",
        recordId: programmeId,
        changedFields: Object.keys(input),
      });
      return id;
    });
    return id;
  }

  async updateSchedule(
    ctx: AuthedContext,
    programmeId: string,
    scheduleId: string,
    input: Partial<{
      title: string;
      frequency: "weekly" | "monthly";
      interval: number;
      startOn: string;
      endOn: string;
    }>,
  ) {
    await this.loadEditable(ctx, programmeId);
    const current = await this.db
      .selectFrom("activity_schedules")
      .select(["start_on", "end_on"])
      .where("id", "=", scheduleId)
      .where("programme_id", "=", programmeId)
      .executeTakeFirst();
    if (!current) throw new AppError("NOT_FOUND", 404, "No such schedule.");
    const start = input.startOn ?? dateText(current.start_on);
    const end = input.endOn ?? dateText(current.end_on);
    if (end < start) throw invalid("endOn", "end before start");
    const changed = Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("activity_schedules")
        .set({
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.frequency !== undefined ? { frequency: input.frequency } : {}),
          ...(input.interval !== undefined ? { interval: input.interval } : {}),
          ...(input.startOn !== undefined ? { start_on: input.startOn } : {}),
          ...(input.endOn !== undefined ? { end_on: input.endOn } : {}),
          updated_at: sql`now()`,
        })
        .where("id", "=", scheduleId)
        .execute();
      await recordAudit(trx, ctx, {
        action: "programme.schedule_update",
        resource: "programme",
        recordId: programmeId,
        changedFields: changed,
      });
    });
  }

  async assertType(code: string) {
    const type = await this.db
      .selectFrom("activity_types")
      .select(["code", "result_kind", "active"])
      .where("code", "=", code)
      .executeTakeFirst();
    if (!type?.active) throw invalid("typeCode", "unknown or inactive activity type");
    return type;
  }

  async assertLocation(id: string, kelurahan: string) {
    const loc = await this.db
      .selectFrom("named_locations")
      .select("kelurahan_code")
      .where("id", "=", id)
      .executeTakeFirst();
    if (!loc) throw new AppError("LOCATION_NOT_FOUND", 400, "No such named location.");
    if (loc.kelurahan_code !== kelurahan) throw invalid("namedLocationId", "not in that kelurahan");
  }
}
