/**
 * The official figures register: published figures with their source, filters, figures from
 * different sources that disagree (shown side by side, never merged), and, where Tanggap holds
 * the records, the value computed from them next to the published one. The standalone
 * functions ({@link headlineFigures}, {@link listFigureRows}, {@link disagreeingFigures}) are
 * what the dashboard, the public page and the reports read.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { allowedActions, can, inScope, type Role } from "../../../domain/access/roles";
import { isCalendarDate, todayInJakarta } from "../../../domain/custody/counts";
import { custodyMeasures } from "../../../domain/custody/measures";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { dateText } from "../../time";
import { AreasService } from "../areas/areas.service";
import { recordAudit } from "../audit/audit.service";
import { withinArea } from "../custody/custody.repository";
import { custodySummary } from "../custody/custody.service";
import { rehabEntriesPerYear } from "../rehab/rehab-figures.service";
import { changedFields } from "../scope";
import { type FigureFilter, type FigureRow, figureColumns } from "./figures.repository";

const nullableDate = (v: unknown) => (v === null || v === undefined ? null : dateText(v));

export function toFigure(r: FigureRow) {
  return {
    id: r.id,
    indicator: r.indicator_code,
    indicatorName: r.indicator_name,
    indicatorNameEn: r.indicator_name_en,
    label: r.label,
    value: Number(r.value),
    unit: r.unit,
    periodStart: nullableDate(r.period_start),
    periodEnd: nullableDate(r.period_end),
    periodLabel: r.period_label,
    areaCode: r.area_code,
    areaName: r.area_name ?? null,
    sourceOrganisation: r.source_organisation,
    citation: r.citation,
    link: r.link,
    publishedOn: nullableDate(r.published_on),
    notes: r.notes,
    enteredBy: r.entered_by_name ?? null,
    disagreeing: Number(r.disagreeing),
  };
}
export type Figure = ReturnType<typeof toFigure>;

/** The value Tanggap computes from its own records for a figure, when it can. */
export interface ComputedValue {
  value: number;
  basis: "custody_counts" | "incidents" | "rehab_registry";
  /** What went into it, e.g. "8/8" facilities reporting. */
  detail: string;
}

/** Figures that describe the same thing: indicator, area and period. */
function periodKey(f: Figure): string {
  return [
    f.indicator,
    f.areaCode,
    f.periodStart ?? "",
    f.periodEnd ?? "",
    f.periodEnd === null ? f.periodLabel : "",
  ].join("|");
}

/** Every visible figure for a filter (no paging), oldest period first. */
export async function listFigureRows(db: Kysely<Database>, scope: string, filter: FigureFilter) {
  const rows = await figureColumns(db, scope, filter)
    .orderBy(sql`coalesce(f.period_end, f.period_start)`, "asc")
    .orderBy("f.indicator_code")
    .orderBy("f.source_organisation")
    .execute();
  return rows.map(toFigure);
}

/** Groups of figures with the same indicator, area and period but different values. */
export async function disagreeingFigures(
  db: Kysely<Database>,
  scope: string,
  filter: FigureFilter = {},
) {
  const all = await listFigureRows(db, scope, filter);
  const groups = new Map<string, Figure[]>();
  for (const f of all) {
    if (f.disagreeing === 0) continue;
    const key = periodKey(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((figures) => {
    const first = figures[0]!;
    return {
      indicator: first.indicator,
      indicatorName: first.indicatorName,
      indicatorNameEn: first.indicatorNameEn,
      areaCode: first.areaCode,
      areaName: first.areaName,
      periodStart: first.periodStart,
      periodEnd: first.periodEnd,
      periodLabel: first.periodLabel,
      values: [...new Set(figures.map((f) => f.value))].sort((a, b) => b - a),
      figures,
    };
  });
}

/** Which records a person may read, for the values computed next to published figures. */
export interface RecordReads {
  custody: boolean;
  incidents: boolean;
  rehabStatistics: boolean;
}
export const ALL_READS: RecordReads = { custody: true, incidents: true, rehabStatistics: true };

/** The reads of a role: a computed value needs the right to read what it is computed from. */
export function readsOf(role: Role): RecordReads {
  return {
    custody: can(role, "read", "custody"),
    incidents: can(role, "read", "incident"),
    rehabStatistics: can(role, "read", "rehab_statistics"),
  };
}

/**
 * The value Tanggap can compute from its records for a figure, when the person may read those
 * records: custody counts (totals of the area's facilities on their latest count by the
 * period end); incidents in the area and period, and rehabilitation clients entering
 * treatment in a calendar year (rehab registry, one per person), both only when the whole
 * area is in the person's scope, so nothing is undercounted. Otherwise null.
 */
export async function computedFromRecords(
  db: Kysely<Database>,
  scope: string,
  f: Pick<Figure, "indicator" | "areaCode" | "periodStart" | "periodEnd">,
  reads: RecordReads = ALL_READS,
): Promise<ComputedValue | null> {
  if (!f.periodEnd) return null;
  if (f.indicator.startsWith("custody_") && reads.custody) {
    const summary = await custodySummary(db, scope, { area: f.areaCode, asOf: f.periodEnd });
    if (summary.reporting === 0) return null;
    const detail = `${summary.reporting}/${summary.facilities} ${summary.earliestCount ?? ""}..${summary.latestCount ?? ""}`;
    if (f.indicator === "custody_capacity")
      return { value: summary.capacity, basis: "custody_counts", detail };
    if (f.indicator === "custody_occupants")
      return { value: summary.occupants, basis: "custody_counts", detail };
    if (f.indicator === "custody_drug_offenders" && summary.drugOffenders !== null)
      return { value: summary.drugOffenders, basis: "custody_counts", detail };
    return null;
  }
  if (!f.periodStart || !inScope(scope, f.areaCode)) return null;
  if (f.indicator === "drug_incidents" && reads.incidents) {
    const row = await db
      .selectFrom("incidents as i")
      .where(withinArea("i.kelurahan_code", f.areaCode))
      .where("i.occurred_on", ">=", f.periodStart)
      .where("i.occurred_on", "<=", f.periodEnd)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const n = Number(row.n);
    return n === 0
      ? null
      : { value: n, basis: "incidents", detail: `${f.periodStart}..${f.periodEnd}` };
  }
  const year = Number(f.periodStart.slice(0, 4));
  const wholeYear = f.periodStart === `${year}-01-01` && f.periodEnd === `${year}-12-31`;
  if (f.indicator === "rehab_clients" && reads.rehabStatistics && wholeYear) {
    const rows = await rehabEntriesPerYear(db, { areaScope: f.areaCode, from: year, to: year });
    const clients = rows.find((r) => r.year === year)?.clients ?? 0;
    return clients === 0 ? null : { value: clients, basis: "rehab_registry", detail: String(year) };
  }
  return null;
}

/**
 * The headline figures for an area (default DKI): the latest registered custody capacity,
 * occupants and drug offenders with their sources and the measures computed from them, the
 * same from the custody counts, and rehabilitation clients per period with every source.
 */
export async function headlineFigures(db: Kysely<Database>, scope: string, area = "31") {
  const figures = await listFigureRows(db, scope, { exactArea: area });
  const latestOf = (indicator: string, periodEnd?: string | null) => {
    const matching = figures.filter(
      (f) => f.indicator === indicator && (periodEnd === undefined || f.periodEnd === periodEnd),
    );
    return matching.length === 0 ? null : matching[matching.length - 1]!;
  };
  const capacity = latestOf("custody_capacity");
  const sameSource = (indicator: string) => {
    const candidates = figures.filter(
      (f) => f.indicator === indicator && f.periodEnd === (capacity?.periodEnd ?? null),
    );
    return (
      candidates.find((f) => f.sourceOrganisation === capacity?.sourceOrganisation) ??
      candidates[candidates.length - 1] ??
      null
    );
  };
  const occupants = capacity ? sameSource("custody_occupants") : latestOf("custody_occupants");
  const drugOffenders = capacity
    ? sameSource("custody_drug_offenders")
    : latestOf("custody_drug_offenders");
  const measures =
    capacity && occupants
      ? custodyMeasures({
          capacity: capacity.value,
          occupants: occupants.value,
          drugOffenders: drugOffenders?.value ?? null,
        })
      : { occupancyRatio: null, overcrowdingExcess: null, drugShare: null };
  const rehab = new Map<string, Figure[]>();
  for (const f of figures.filter((x) => x.indicator === "rehab_clients")) {
    const key = periodKey(f);
    rehab.set(key, [...(rehab.get(key) ?? []), f]);
  }
  return {
    area,
    custody: {
      fromFigures: { capacity, occupants, drugOffenders, ...measures },
      fromCounts: await custodySummary(db, scope, { area }),
    },
    rehabClients: [...rehab.values()].map((list) => ({
      periodStart: list[0]!.periodStart,
      periodEnd: list[0]!.periodEnd,
      periodLabel: list[0]!.periodLabel,
      figures: list,
    })),
  };
}
export type HeadlineFigures = Awaited<ReturnType<typeof headlineFigures>>;

export interface FigureInput {
  indicator: string;
  label?: string | undefined;
  value: number;
  unit?: string | undefined;
  periodStart?: string | null | undefined;
  periodEnd?: string | null | undefined;
  periodLabel?: string | undefined;
  areaCode: string;
  sourceOrganisation: string;
  citation?: string | undefined;
  link?: string | null | undefined;
  publishedOn?: string | null | undefined;
  notes?: string | undefined;
}

function invalid(field: string, problem: string): AppError {
  return new AppError("VALIDATION_FAILED", 400, "The figure is not valid.", [{ field, problem }]);
}

export class FiguresService {
  private readonly areas: AreasService;

  constructor(private readonly db: Kysely<Database>) {
    this.areas = new AreasService(db);
  }

  indicators() {
    return this.db
      .selectFrom("official_figure_indicators")
      .selectAll()
      .orderBy("code")
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          code: r.code,
          name: r.name,
          nameEn: r.name_en,
          unit: r.unit,
          active: r.active,
        })),
      );
  }

  async saveIndicator(
    ctx: AuthedContext,
    code: string,
    input: { name: string; nameEn: string; unit: string; active: boolean },
  ) {
    await this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom("official_figure_indicators")
        .selectAll()
        .where("code", "=", code)
        .executeTakeFirst();
      const values = {
        name: input.name,
        name_en: input.nameEn,
        unit: input.unit,
        active: input.active,
      };
      if (existing)
        await trx
          .updateTable("official_figure_indicators")
          .set(values)
          .where("code", "=", code)
          .execute();
      else
        await trx
          .insertInto("official_figure_indicators")
          .values({ code, ...values })
          .execute();
      await recordAudit(trx, ctx, {
        action: existing ? "official_figure_indicator.update" : "official_figure_indicator.create",
        resource: "official_figure",
        recordId: null,
        changedFields: ["code", ...Object.keys(input)],
      });
    });
    return (await this.indicators()).find((i) => i.code === code)!;
  }

  async list(ctx: AuthedContext, filter: FigureFilter, page: number, pageSize: number) {
    const q = figureColumns(this.db, ctx.user.scope, filter);
    const total = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await q
      .orderBy(sql`coalesce(f.period_end, f.period_start)`, sql`desc nulls last`)
      .orderBy("f.indicator_code")
      .orderBy("f.source_organisation")
      .orderBy("f.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const actions = allowedActions(ctx.user.role, "official_figure");
    const items = [];
    for (const r of rows) {
      const figure = toFigure(r);
      items.push({
        ...figure,
        computed: await computedFromRecords(
          this.db,
          ctx.user.scope,
          figure,
          readsOf(ctx.user.role),
        ),
        actions,
      });
    }
    return { items, total: Number(total.n), page, pageSize };
  }

  async get(ctx: AuthedContext, id: string) {
    const row = await figureColumns(this.db, ctx.user.scope)
      .where("f.id", "=", id)
      .executeTakeFirst();
    if (!row) throw new AppError("NOT_FOUND", 404, "No such figure.");
    const figure = toFigure(row);
    const siblings =
      figure.disagreeing > 0
        ? (
            await listFigureRows(this.db, ctx.user.scope, {
              indicator: figure.indicator,
              exactArea: figure.areaCode,
            })
          ).filter((f) => f.id !== id && periodKey(f) === periodKey(figure))
        : [];
    return {
      ...figure,
      computed: await computedFromRecords(this.db, ctx.user.scope, figure, readsOf(ctx.user.role)),
      otherSources: siblings,
      actions: allowedActions(ctx.user.role, "official_figure"),
    };
  }

  private async check(ctx: AuthedContext, input: FigureInput) {
    const indicator = await this.db
      .selectFrom("official_figure_indicators")
      .select(["code", "active"])
      .where("code", "=", input.indicator)
      .executeTakeFirst();
    if (!indicator?.active) throw invalid("indicator", "INDICATOR_UNKNOWN");
    if (!Number.isFinite(input.value)) throw invalid("value", "NOT_A_NUMBER");
    const today = todayInJakarta();
    for (const field of ["periodStart", "periodEnd", "publishedOn"] as const) {
      const v = input[field];
      if (v !== null && v !== undefined && !isCalendarDate(v)) throw invalid(field, "DATE_INVALID");
    }
    if (!input.periodEnd && !input.periodLabel?.trim())
      throw invalid("periodEnd", "PERIOD_REQUIRED");
    if (input.periodStart && !input.periodEnd) throw invalid("periodEnd", "PERIOD_REQUIRED");
    if (input.periodStart && input.periodEnd && input.periodStart > input.periodEnd)
      throw invalid("periodStart", "PERIOD_ORDER");
    if (input.publishedOn && input.publishedOn > today)
      throw invalid("publishedOn", "DATE_IN_FUTURE");
    if (!input.sourceOrganisation.trim()) throw invalid("sourceOrganisation", "MISSING_VALUE");
    if (!(await this.areas.exists(input.areaCode)))
      throw new AppError("AREA_NOT_FOUND", 400, `No area with code ${input.areaCode}.`);
    // A person registers figures about their area or an area containing it.
    if (!inScope(ctx.user.scope, input.areaCode) && !inScope(input.areaCode, ctx.user.scope))
      throw new AppError("SCOPE_VIOLATION", 403, "That area is outside your scope.");
  }

  private values(input: FigureInput) {
    return {
      indicator_code: input.indicator,
      label: input.label?.trim() ?? "",
      value: input.value,
      unit: input.unit?.trim() ?? "",
      period_start: input.periodStart ?? null,
      period_end: input.periodEnd ?? null,
      period_label: input.periodLabel?.trim() ?? "",
      area_code: input.areaCode,
      source_organisation: input.sourceOrganisation.trim(),
      citation: input.citation?.trim() ?? "",
      link: input.link?.trim() || null,
      published_on: input.publishedOn ?? null,
      notes: input.notes?.trim() ?? "",
    };
  }

  async create(ctx: AuthedContext, input: FigureInput) {
    await this.check(ctx, input);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("official_figures")
        .values({ ...this.values(input), entered_by: ctx.user.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "official_figure.create",
        resource: "official_figure",
        recordId: id,
        changedFields: Object.keys(input),
      });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedContext, id: string, patch: Partial<FigureInput>) {
    const current = await this.get(ctx, id);
    const currentInput: FigureInput = {
      indicator: current.indicator,
      label: current.label,
      value: current.value,
      unit: current.unit,
      periodStart: current.periodStart,
      periodEnd: current.periodEnd,
      periodLabel: current.periodLabel,
      areaCode: current.areaCode,
      sourceOrganisation: current.sourceOrganisation,
      citation: current.citation,
      link: current.link,
      publishedOn: current.publishedOn,
      notes: current.notes,
    };
    // The person must be able to write the figure where it is now, and where it goes.
    if (!inScope(ctx.user.scope, current.areaCode) && !inScope(current.areaCode, ctx.user.scope))
      throw new AppError("NOT_FOUND", 404, "No such figure.");
    const merged: FigureInput = {
      ...currentInput,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    await this.check(ctx, merged);
    const changed = changedFields(currentInput as unknown as Record<string, unknown>, patch);
    if (changed.length > 0)
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("official_figures")
          .set({ ...this.values(merged), updated_at: sql`now()` })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, ctx, {
          action: "official_figure.update",
          resource: "official_figure",
          recordId: id,
          changedFields: changed,
        });
      });
    return this.get(ctx, id);
  }
}
