/**
 * The workflow of a round's assessments (verify, return to draft, publish) and explicit
 * reclassification with another rule version, which keeps the classification history.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { can } from "../../../domain/access/roles";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.service";
import { classify } from "./risk.classify";
import { catalogueByVersion, rulesByVersion } from "./risk.repository";
import { RiskService } from "./risk.service";

export class RiskWorkflowService {
  private readonly risk: RiskService;

  constructor(private readonly db: Kysely<Database>) {
    this.risk = new RiskService(db);
  }

  /**
   * Move assessments between workflow states. `ids` limits to some; otherwise every
   * assessment of the round in scope that is in the `from` state.
   */
  async transition(
    ctx: AuthedContext,
    roundId: string,
    step: "verify" | "return" | "publish",
    options: { ids?: string[] | undefined; comment?: string | undefined } = {},
  ): Promise<{ changed: number }> {
    await this.risk.loadRound(ctx, roundId);
    const from = step === "publish" ? "verified" : step === "verify" ? "draft" : "verified";
    const to = step === "publish" ? "published" : step === "verify" ? "verified" : "draft";
    const needed = step === "publish" ? "publish" : "verify";
    if (!can(ctx.user.role, needed, "assessment"))
      throw new AppError("FORBIDDEN", 403, "Your role cannot do this step.");
    return this.db.transaction().execute(async (trx) => {
      let query = this.risk
        .visibleAssessments(ctx, roundId, trx)
        .clearSelect()
        .select(["s.id", "s.status"]);
      if (options.ids)
        query = query.where(
          "s.id",
          "in",
          options.ids.length > 0 ? options.ids : ["00000000-0000-0000-0000-000000000000"],
        );
      const rows = await query.execute();
      if (options.ids) {
        if (rows.length !== options.ids.length)
          throw new AppError("ASSESSMENT_NOT_FOUND", 404, "No such assessment.");
        if (rows.some((r) => r.status !== from))
          throw new AppError(
            "INVALID_TRANSITION",
            409,
            `Only a ${from} assessment can be moved to ${to}.`,
          );
      }
      const ids = rows.filter((r) => r.status === from).map((r) => r.id);
      if (ids.length === 0) return { changed: 0 };
      const stamp =
        step === "verify"
          ? {
              verified_by: ctx.user.id,
              verified_at: sql<Date>`now()`,
              verify_comment: options.comment ?? "",
            }
          : step === "publish"
            ? { published_by: ctx.user.id, published_at: sql<Date>`now()` }
            : { verify_comment: options.comment ?? "", verified_by: null, verified_at: null };
      await trx
        .updateTable("assessments")
        .set({ status: to, ...stamp, updated_at: sql`now()` })
        .where("id", "in", ids)
        .execute();
      for (const id of ids) {
        await recordAudit(trx, ctx, {
          action: `assessment.${step}`,
          resource: "assessment",
          recordId: id,
          changedFields: ["status"],
        });
      }
      return { changed: ids.length };
    });
  }

  /** Reclassify every assessment of a round with another rule version; history is kept. */
  async reclassify(ctx: AuthedContext, roundId: string, ruleVersion: number) {
    const round = await this.risk.loadRound(ctx, roundId);
    const rules = await rulesByVersion(this.db, ruleVersion);
    if (!rules || rules.method !== round.method)
      throw new AppError(
        "RULES_INVALID",
        400,
        "No rule set of that version for this round's method.",
      );
    const catalogue = await catalogueByVersion(this.db, round.catalogue_version);
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("assessments")
        .select(["id", "indicators", "survey_items"])
        .where("round_id", "=", roundId)
        .execute();
      for (const row of rows) {
        const result = classify(
          rules.rules,
          catalogue.indicators,
          row.indicators as never,
          row.survey_items as never,
        );
        await trx
          .insertInto("assessment_classifications")
          .values({
            assessment_id: row.id,
            rule_version: ruleVersion,
            class: result.class,
            pokok: result.pokok,
            pendukung: result.pendukung,
            survey_score: result.surveyScore,
            computed_by: ctx.user.id,
          })
          .execute();
        await trx
          .updateTable("assessments")
          .set({
            class: result.class,
            pokok: result.pokok,
            pendukung: result.pendukung,
            survey_score: result.surveyScore,
            rule_version: ruleVersion,
            updated_at: sql`now()`,
          })
          .where("id", "=", row.id)
          .execute();
      }
      await trx
        .updateTable("assessment_rounds")
        .set({ rule_version: ruleVersion, updated_at: sql`now()` })
        .where("id", "=", roundId)
        .execute();
      await recordAudit(trx, ctx, {
        action: "assessment_round.reclassify",
        resource: "assessment",
        recordId: roundId,
        changedFields: ["ruleVersion", "class"],
      });
      return { changed: rows.length };
    });
  }
}
