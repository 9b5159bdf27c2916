/** Read views of published results: the map, changes between rounds, an area's profile. */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { inScope, scopePrefix, seesUnpublished } from "../../../domain/access/roles";
import { classChange, type RiskClass } from "../../../domain/risk/classes";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { dateText } from "../../time";
import { RiskService, roundVisible } from "./risk.service";

export class RiskViewsService {
  private readonly risk: RiskService;

  constructor(private readonly db: Kysely<Database>) {
    this.risk = new RiskService(db);
  }

  /**
   * The class of each kelurahan of a city: from the given round, or the latest published
   * round that assessed it. Only published results appear here, whoever asks.
   */
  async map(ctx: AuthedContext, city: string, roundId?: string) {
    const round = roundId ? await this.risk.loadRound(ctx, roundId) : null;
    let query = this.db
      .selectFrom("assessments as s")
      .innerJoin("assessment_rounds as r", "r.id", "s.round_id")
      .innerJoin("areas as a", "a.code", "s.area_code")
      .select([
        "s.area_code",
        "a.name as area_name",
        "s.class",
        "r.id as round_id",
        "r.name as round_name",
        "r.period_end",
        "r.area_code as round_area",
      ])
      .where("s.status", "=", "published")
      .where("s.named_location_id", "is", null)
      .where("s.area_code", "like", scopePrefix(city))
      .orderBy("s.area_code")
      .orderBy("r.period_end", "desc")
      .orderBy("s.published_at", "desc");
    if (round) query = query.where("r.id", "=", round.id);
    const rows = (await query.execute()).filter((r) => roundVisible(ctx.user.scope, r.round_area));
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) if (!latest.has(row.area_code)) latest.set(row.area_code, row);
    const locations = await this.db
      .selectFrom("named_locations as l")
      // Every location of the city appears; its class comes from the chosen round (or the
      // latest published one), and is null when that round did not assess it.
      .leftJoin("assessments as s", (join) => {
        const published = join
          .onRef("s.named_location_id", "=", "l.id")
          .on("s.status", "=", "published");
        return round ? published.on("s.round_id", "=", round.id) : published;
      })
      .leftJoin("assessment_rounds as r", "r.id", "s.round_id")
      .select(["l.id", "l.name", "l.kelurahan_code", "l.geometry", "s.class", "r.period_end"])
      .where("l.kelurahan_code", "like", scopePrefix(city))
      .orderBy("l.name")
      .orderBy("r.period_end", "desc")
      .execute();
    const byLocation = new Map<string, (typeof locations)[number]>();
    for (const l of locations) if (!byLocation.has(l.id)) byLocation.set(l.id, l);
    return {
      city,
      round: round ? { id: round.id, name: round.name } : null,
      areas: [...latest.values()].map((r) => ({
        areaCode: r.area_code,
        areaName: r.area_name,
        class: r.class as RiskClass,
        roundId: r.round_id,
        roundName: r.round_name,
        periodEnd: dateText(r.period_end),
      })),
      locations: [...byLocation.values()].map((l) => ({
        id: l.id,
        name: l.name,
        kelurahanCode: l.kelurahan_code,
        class: (l.class ?? null) as RiskClass | null,
        geometry: l.geometry ?? null,
      })),
    };
  }

  /** Published kelurahan classes in two rounds, and how each moved. */
  async changes(ctx: AuthedContext, fromId: string, toId: string) {
    const [from, to] = [
      await this.risk.loadRound(ctx, fromId),
      await this.risk.loadRound(ctx, toId),
    ];
    const classes = async (roundId: string) => {
      const rows = await this.db
        .selectFrom("assessments as s")
        .innerJoin("areas as a", "a.code", "s.area_code")
        .select(["s.area_code", "a.name", "s.class"])
        .where("s.round_id", "=", roundId)
        .where("s.status", "=", "published")
        .where("s.named_location_id", "is", null)
        .where((eb) =>
          eb.or([
            eb("s.area_code", "=", ctx.user.scope),
            eb("s.area_code", "like", scopePrefix(ctx.user.scope)),
          ]),
        )
        .execute();
      return new Map(rows.map((r) => [r.area_code, { name: r.name, class: r.class as RiskClass }]));
    };
    const before = await classes(from.id);
    const after = await classes(to.id);
    const codes = [...new Set([...before.keys(), ...after.keys()])].sort();
    const areas = codes.map((code) => {
      const b = before.get(code)?.class ?? null;
      const a = after.get(code)?.class ?? null;
      return {
        areaCode: code,
        areaName: (after.get(code) ?? before.get(code))!.name,
        before: b,
        after: a,
        change: classChange(b, a),
      };
    });
    const summary = { up: 0, down: 0, same: 0, new: 0, gone: 0 };
    for (const area of areas) summary[area.change] += 1;
    return {
      from: { id: from.id, name: from.name },
      to: { id: to.id, name: to.name },
      areas,
      summary,
    };
  }

  /** An area's class history, indicators with evidence per round, and its named locations. */
  async profile(ctx: AuthedContext, areaCode: string) {
    if (!roundVisible(ctx.user.scope, areaCode))
      throw new AppError("AREA_NOT_FOUND", 404, "No such area in your scope.");
    let query = this.db
      .selectFrom("assessments as s")
      .innerJoin("assessment_rounds as r", "r.id", "s.round_id")
      .select([
        "r.id as round_id",
        "r.name as round_name",
        "r.period_end",
        "s.status",
        "s.class",
        "s.pokok",
        "s.pendukung",
        "s.survey_score",
        "s.indicators",
        "s.notes",
        "s.source",
      ])
      .where("s.area_code", "=", areaCode)
      .where("s.named_location_id", "is", null)
      .orderBy("r.period_end", "desc");
    if (!seesUnpublished(ctx.user.role) || !inScope(ctx.user.scope, areaCode))
      query = query.where("s.status", "=", "published");
    const history = await query.execute();
    const locations = await this.db
      .selectFrom("named_locations")
      .select(["id", "name", "aliases", "rw"])
      .where("kelurahan_code", "=", areaCode)
      .orderBy("name")
      .execute();
    return {
      areaCode,
      history: history.map((h) => ({
        roundId: h.round_id,
        roundName: h.round_name,
        periodEnd: dateText(h.period_end),
        status: h.status as "draft" | "verified" | "published",
        class: h.class as RiskClass,
        pokok: h.pokok,
        pendukung: h.pendukung,
        surveyScore: h.survey_score,
        indicators: h.indicators as unknown as Record<
          string,
          { present: boolean; evidence: string }
        >,
        notes: h.notes,
        source: h.source,
      })),
      locations,
    };
  }
}
