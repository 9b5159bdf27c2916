/** The risk method's configuration: versioned indicator catalogues and rule sets. */
import type { Kysely } from "kysely";
import { type Database, json } from "../../../db/schema";
import { catalogueProblems, type Indicator } from "../../../domain/risk/indicators";
import { type RuleSet, ruleProblems } from "../../../domain/risk/rules";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.service";
import { latestCatalogue, latestRules, nextVersion } from "./risk.repository";

export class RiskConfigService {
  constructor(private readonly db: Kysely<Database>) {}

  async config() {
    const catalogue = await latestCatalogue(this.db);
    const rules = await Promise.all(["indicator", "survey"].map((m) => latestRules(this.db, m)));
    return {
      catalogue: {
        version: catalogue.version,
        note: catalogue.note,
        indicators: catalogue.indicators,
      },
      rules: rules.map((r) => ({
        version: r.version,
        method: r.method as "indicator" | "survey",
        note: r.note,
        rules: r.rules,
      })),
    };
  }

  async newCatalogue(ctx: AuthedContext, indicators: Indicator[], note: string) {
    const problems = catalogueProblems(indicators);
    if (problems.length > 0)
      throw new AppError("RULES_INVALID", 400, "The catalogue is not valid.", { problems });
    return this.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx, "indicator_catalogues");
      await trx
        .insertInto("indicator_catalogues")
        .values({ version, indicators: json(indicators), note, created_by: ctx.user.id })
        .execute();
      await recordAudit(trx, ctx, {
        action: "risk_config.catalogue",
        resource: "risk_config",
        recordId: `catalogue:${version}`,
        changedFields: ["indicators"],
      });
      return { version };
    });
  }

  async newRules(ctx: AuthedContext, rules: RuleSet, note: string) {
    const problems = ruleProblems(rules);
    if (problems.length > 0)
      throw new AppError("RULES_INVALID", 400, "The rule set is not valid.", { problems });
    return this.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx, "rule_sets");
      await trx
        .insertInto("rule_sets")
        .values({
          version,
          method: rules.method,
          rules: json(rules),
          note,
          created_by: ctx.user.id,
        })
        .execute();
      await recordAudit(trx, ctx, {
        action: "risk_config.rules",
        resource: "risk_config",
        recordId: `rules:${version}`,
        changedFields: ["rules"],
      });
      return { version };
    });
  }
}
