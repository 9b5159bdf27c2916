/**
 * Assessment rounds and the workflow of each area's assessment: drafted by an officer in
 * scope, verified by a supervisor with a comment, published for shared maps. Every step is
 * audited; classifications keep the rule version that produced them.
 */
import { type Kysely, sql } from "kysely";
import { type Database, json } from "../../../db/schema";
import {
  allowedActions,
  inScope,
  scopePrefix,
  seesUnpublished,
} from "../../../domain/access/roles";
import { codeDepth, isWithin } from "../../../domain/areas/codes";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { canonicalJson } from "../../json";
import { dateText } from "../../time";
import { recordAudit } from "../audit/audit.service";
import { classify } from "./risk.classify";
import {
  type AssessmentRow,
  assessmentColumns,
  catalogueByVersion,
  latestCatalogue,
  latestRules,
  type RoundRow,
  roundColumns,
  rulesByVersion,
} from "./risk.repository";

export type AssessmentInput = {
  areaCode: string;
  locationId: string | null;
  indicators: Record<string, { present: boolean; evidence: string }>;
  surveyItems: Record<string, number>;
  notes: string;
  source: string;
};

/** A round is visible when it covers the person's scope or lies inside it. */
export function roundVisible(scope: string, roundArea: string): boolean {
  return isWithin(scope, roundArea) || isWithin(roundArea, scope);
}

export class RiskService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Rounds the person may see, newest period first, with counts of what they may see. */
  async listRounds(ctx: AuthedContext) {
    const rows = await roundColumns(this.db)
      .orderBy("r.period_end", "desc")
      .orderBy("r.name")
      .execute();
    const visible = rows.filter((r) => roundVisible(ctx.user.scope, r.area_code));
    return Promise.all(visible.map((r) => this.toRound(ctx, r)));
  }

  async getRound(ctx: AuthedContext, id: string) {
    return this.toRound(ctx, await this.loadRound(ctx, id));
  }

  async loadRound(
    ctx: AuthedContext,
    id: string,
    db: Kysely<Database> = this.db,
  ): Promise<RoundRow> {
    const row = await roundColumns(db).where("r.id", "=", id).executeTakeFirst();
    if (!row || !roundVisible(ctx.user.scope, row.area_code))
      throw new AppError("ROUND_NOT_FOUND", 404, "No such assessment round.");
    return row;
  }

  private async toRound(ctx: AuthedContext, r: RoundRow) {
    const counts = await this.visibleAssessments(ctx, r.id)
      .clearSelect()
      .select(["s.status", "s.class", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy(["s.status", "s.class"])
      .execute();
    const byStatus: Record<string, number> = {};
    const byClass: Record<string, number> = {};
    for (const c of counts) {
      byStatus[c.status] = (byStatus[c.status] ?? 0) + Number(c.n);
      if (c.status === "published") byClass[c.class] = (byClass[c.class] ?? 0) + Number(c.n);
    }
    return {
      id: r.id,
      name: r.name,
      method: r.method as "indicator" | "survey",
      areaCode: r.area_code,
      areaName: r.area_name,
      periodStart: dateText(r.period_start),
      periodEnd: dateText(r.period_end),
      catalogueVersion: r.catalogue_version,
      ruleVersion: r.rule_version,
      counts: { byStatus, byClass },
      actions: allowedActions(ctx.user.role, "assessment"),
    };
  }

  async createRound(
    ctx: AuthedContext,
    input: {
      name: string;
      method: "indicator" | "survey";
      areaCode: string;
      periodStart: string;
      periodEnd: string;
    },
  ) {
    if (!inScope(ctx.user.scope, input.areaCode))
      throw new AppError("SCOPE_VIOLATION", 403, "That area is outside your scope.");
    const area = await this.db
      .selectFrom("areas")
      .select("code")
      .where("code", "=", input.areaCode)
      .executeTakeFirst();
    if (!area) throw new AppError("AREA_NOT_FOUND", 400, `No area with code ${input.areaCode}.`);
    const catalogue = await latestCatalogue(this.db);
    const rules = await latestRules(this.db, input.method);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("assessment_rounds")
        .values({
          name: input.name,
          method: input.method,
          area_code: input.areaCode,
          period_start: input.periodStart,
          period_end: input.periodEnd,
          catalogue_version: catalogue.version,
          rule_version: rules.version,
          created_by: ctx.user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "assessment_round.create",
        resource: "assessment",
        recordId: id,
        changedFields: Object.keys(input),
      });
      return id;
    });
    return this.getRound(ctx, id);
  }

  /** Assessments of a round inside the person's scope (published only, for readers). */
  visibleAssessments(ctx: AuthedContext, roundId: string, db: Kysely<Database> = this.db) {
    let query = assessmentColumns(db)
      .where("s.round_id", "=", roundId)
      .where((eb) =>
        eb.or([
          eb("s.area_code", "=", ctx.user.scope),
          eb("s.area_code", "like", scopePrefix(ctx.user.scope)),
        ]),
      );
    if (!seesUnpublished(ctx.user.role)) query = query.where("s.status", "=", "published");
    return query;
  }

  async listAssessments(ctx: AuthedContext, roundId: string, status?: string) {
    await this.loadRound(ctx, roundId);
    let query = this.visibleAssessments(ctx, roundId);
    if (status) query = query.where("s.status", "=", status);
    const rows = await query.orderBy("s.area_code").orderBy("l.name").execute();
    return rows.map((r) => this.toAssessment(ctx, r));
  }

  toAssessment(ctx: AuthedContext, r: AssessmentRow) {
    return {
      id: r.id,
      roundId: r.round_id,
      areaCode: r.area_code,
      areaName: r.area_name,
      kecamatanName: r.kecamatan_name,
      locationId: r.named_location_id,
      locationName: r.location_name,
      status: r.status as "draft" | "verified" | "published",
      indicators: r.indicators as unknown as Record<string, { present: boolean; evidence: string }>,
      surveyItems: r.survey_items as unknown as Record<string, number>,
      notes: r.notes,
      source: r.source,
      pokok: r.pokok,
      pendukung: r.pendukung,
      surveyScore: r.survey_score,
      class: r.class as "bahaya" | "waspada" | "siaga" | "aman",
      ruleVersion: r.rule_version,
      verifyComment: r.verify_comment,
      actions: allowedActions(ctx.user.role, "assessment").filter(
        (a) => r.status === "draft" || (a !== "update" && a !== "create"),
      ),
    };
  }

  /**
   * Create or update the draft assessment of one kelurahan (or named location) in a round.
   * Returns null when nothing changed. Used by the form and, row by row, by the importer.
   */
  async saveDraft(
    ctx: AuthedContext,
    round: RoundRow,
    input: AssessmentInput,
    trx: Kysely<Database>,
  ): Promise<{ id: string; created: boolean } | null> {
    if (codeDepth(input.areaCode) !== 4 || !isWithin(input.areaCode, round.area_code)) {
      throw new AppError("AREA_NOT_FOUND", 400, "The area is not a kelurahan of this round.");
    }
    if (!inScope(ctx.user.scope, input.areaCode))
      throw new AppError("SCOPE_VIOLATION", 403, "That area is outside your scope.");
    if (input.locationId) {
      const location = await trx
        .selectFrom("named_locations")
        .select("kelurahan_code")
        .where("id", "=", input.locationId)
        .executeTakeFirst();
      if (location?.kelurahan_code !== input.areaCode)
        throw new AppError("LOCATION_NOT_FOUND", 400, "No such named location in that kelurahan.");
    }
    const catalogue = await catalogueByVersion(trx, round.catalogue_version);
    const rules = await rulesByVersion(trx, round.rule_version);
    const activeCodes = new Set(catalogue.indicators.filter((i) => !i.retired).map((i) => i.code));
    const unknown = Object.keys(input.indicators).filter((c) => !activeCodes.has(c));
    if (unknown.length > 0)
      throw new AppError("VALIDATION_FAILED", 400, "Unknown indicators.", [
        { field: "indicators", problem: unknown.join(",") },
      ]);
    const result = classify(
      rules!.rules,
      catalogue.indicators,
      input.indicators,
      input.surveyItems,
    );
    const existing = await trx
      .selectFrom("assessments")
      .select(["id", "status", "indicators", "survey_items", "notes", "source"])
      .where("round_id", "=", round.id)
      .where("area_code", "=", input.areaCode)
      .where((eb) =>
        input.locationId
          ? eb("named_location_id", "=", input.locationId)
          : eb("named_location_id", "is", null),
      )
      .executeTakeFirst();
    const values = {
      indicators: json(input.indicators),
      survey_items: json(input.surveyItems),
      notes: input.notes,
      source: input.source,
      pokok: result.pokok,
      pendukung: result.pendukung,
      survey_score: result.surveyScore,
      class: result.class,
      rule_version: round.rule_version,
    };
    let id: string;
    let created = false;
    if (existing) {
      const same =
        canonicalJson(existing.indicators) === canonicalJson(input.indicators) &&
        canonicalJson(existing.survey_items) === canonicalJson(input.surveyItems) &&
        existing.notes === input.notes &&
        existing.source === input.source;
      if (same) return null;
      if (existing.status !== "draft")
        throw new AppError(
          "INVALID_TRANSITION",
          409,
          "Only a draft can be changed; return it to draft first.",
        );
      id = existing.id;
      await trx
        .updateTable("assessments")
        .set({ ...values, drafted_by: ctx.user.id, updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
    } else {
      created = true;
      ({ id } = await trx
        .insertInto("assessments")
        .values({
          ...values,
          round_id: round.id,
          area_code: input.areaCode,
          named_location_id: input.locationId,
          drafted_by: ctx.user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow());
    }
    await trx
      .insertInto("assessment_classifications")
      .values({
        assessment_id: id,
        rule_version: round.rule_version,
        class: result.class,
        pokok: result.pokok,
        pendukung: result.pendukung,
        survey_score: result.surveyScore,
        computed_by: ctx.user.id,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: created ? "assessment.create" : "assessment.update",
      resource: "assessment",
      recordId: id,
      changedFields: ["indicators", "surveyItems", "notes", "source", "class"],
    });
    return { id, created };
  }

  async save(ctx: AuthedContext, roundId: string, input: AssessmentInput) {
    const round = await this.loadRound(ctx, roundId);
    const saved = await this.db
      .transaction()
      .execute((trx) => this.saveDraft(ctx, round, input, trx));
    const query = this.visibleAssessments(ctx, roundId)
      .where("s.area_code", "=", input.areaCode)
      .where((eb) =>
        input.locationId
          ? eb("s.named_location_id", "=", input.locationId)
          : eb("s.named_location_id", "is", null),
      );
    const row = saved
      ? await query.where("s.id", "=", saved.id).executeTakeFirstOrThrow()
      : await query.executeTakeFirstOrThrow();
    return this.toAssessment(ctx, row);
  }
}
