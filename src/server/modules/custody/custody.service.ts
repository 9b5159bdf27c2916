/**
 * Custody: facilities, dated counts (form and CSV/XLSX import, all-or-nothing), the latest
 * totals for an area and trends. Ratios come from domain/custody and are never stored. The
 * standalone functions ({@link custodySummary}, {@link custodyTrendFor},
 * {@link listFacilityStatus}) are what the dashboard and the public page read.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { allowedActions, inScope } from "../../../domain/access/roles";
import {
  COUNT_COLUMNS,
  type CountProblem,
  type CountRecord,
  type FacilityType,
  parseCount,
  REQUIRED_COUNT_COLUMNS,
  todayInJakarta,
} from "../../../domain/custody/counts";
import { custodyMeasures, sumCounts } from "../../../domain/custody/measures";
import {
  custodyTrend,
  type DatedCount,
  latestPerFacility,
  type TrendPeriod,
} from "../../../domain/custody/trend";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { dateText } from "../../time";
import { AreasService } from "../areas/areas.service";
import { recordAudit } from "../audit/audit.service";
import { readTable } from "../risk/risk-files.service";
import { changedFields } from "../scope";
import { type CountRow, visibleCounts, visibleFacilities, withinArea } from "./custody.repository";

/** A count as the API shows it: values, derived measures (labelled), source. */
export function toCount(r: CountRow) {
  const values = {
    capacity: Number(r.capacity),
    occupants: Number(r.occupants),
    drugOffenders: r.drug_offenders === null ? null : Number(r.drug_offenders),
  };
  return {
    id: r.id,
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    countedOn: dateText(r.counted_on),
    ...values,
    drugUsers: r.drug_users === null ? null : Number(r.drug_users),
    drugDealers: r.drug_dealers === null ? null : Number(r.drug_dealers),
    source: r.source,
    notes: r.notes,
    enteredBy: r.entered_by_name ?? null,
    ...custodyMeasures(values),
  };
}
export type Count = ReturnType<typeof toCount>;

function notFound(what: "facility" | "count"): AppError {
  return new AppError(
    "NOT_FOUND",
    404,
    what === "facility" ? "No such custody facility." : "No such custody count.",
  );
}

function problemsError(message: string, problems: CountProblem[]) {
  return new AppError(
    "VALIDATION_FAILED",
    400,
    message,
    problems.map((p) => ({ field: p.column, problem: p.code })),
  );
}

async function countsOf(
  db: Kysely<Database>,
  scope: string,
  filter: { area?: string | undefined; facilityId?: string | undefined; activeOnly?: boolean },
) {
  let q = visibleCounts(db, scope);
  if (filter.area) q = q.where(withinArea("f.area_code", filter.area!));
  if (filter.facilityId) q = q.where("c.facility_id", "=", filter.facilityId);
  if (filter.activeOnly) q = q.where("f.active", "=", true);
  const rows = await q.orderBy("c.counted_on").execute();
  return rows.map(toCount);
}

function dated(c: Count): DatedCount & { source: string } {
  return {
    facilityId: c.facilityId,
    countedOn: c.countedOn,
    capacity: c.capacity,
    occupants: c.occupants,
    drugOffenders: c.drugOffenders,
    source: c.source,
  };
}

/**
 * Totals for an area (default DKI, 31) on each active facility's latest count on or before
 * `asOf` (default today), with the derived measures and every source used.
 */
export async function custodySummary(
  db: Kysely<Database>,
  scope: string,
  options: { area?: string | undefined; asOf?: string | undefined } = {},
) {
  const area = options.area ?? "31";
  const asOf = options.asOf ?? todayInJakarta();
  const active = await visibleFacilities(db, scope)
    .where(withinArea("f.area_code", area))
    .where("f.active", "=", true)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  const counts = await countsOf(db, scope, { area, activeOnly: true });
  const latest = latestPerFacility(counts.map(dated), asOf);
  const total = sumCounts(latest);
  const dates = latest.map((c) => c.countedOn).sort();
  return {
    area,
    asOf,
    facilities: Number(active.n),
    reporting: latest.length,
    earliestCount: dates[0] ?? null,
    latestCount: dates[dates.length - 1] ?? null,
    ...total,
    drugOffenders: latest.length === 0 ? null : total.drugOffenders,
    ...custodyMeasures(total),
    sources: [...new Set(latest.map((c) => c.source))].sort(),
  };
}
export type CustodySummary = Awaited<ReturnType<typeof custodySummary>>;

/** The series for one facility, or for all facilities of an area (default DKI). */
export async function custodyTrendFor(
  db: Kysely<Database>,
  scope: string,
  options: { area?: string | undefined; facilityId?: string | undefined; by?: TrendPeriod },
) {
  const by = options.by ?? "month";
  if (options.facilityId) {
    const facility = await visibleFacilities(db, scope)
      .select(["f.id", "f.name"])
      .where("f.id", "=", options.facilityId)
      .executeTakeFirst();
    if (!facility) throw notFound("facility");
    const counts = await countsOf(db, scope, { facilityId: facility.id });
    return {
      area: null,
      facilityId: facility.id,
      facilityName: facility.name,
      by,
      points: custodyTrend(counts.map(dated), by),
    };
  }
  const area = options.area ?? "31";
  const counts = await countsOf(db, scope, { area });
  return {
    area,
    facilityId: null,
    facilityName: null,
    by,
    points: custodyTrend(counts.map(dated), by),
  };
}

/** Facilities in scope with their latest count and its measures. */
export async function listFacilityStatus(
  db: Kysely<Database>,
  scope: string,
  filter: { area?: string | undefined; includeInactive?: boolean } = {},
) {
  let q = visibleFacilities(db, scope).selectAll("f");
  if (filter.area) q = q.where(withinArea("f.area_code", filter.area!));
  if (!filter.includeInactive) q = q.where("f.active", "=", true);
  const facilities = await q.orderBy("f.type").orderBy("f.name").execute();
  const latest = await visibleCounts(db, scope)
    .where(
      "c.id",
      "in",
      db
        .selectFrom("custody_counts as c2")
        .select("c2.id")
        .distinctOn("c2.facility_id")
        .orderBy("c2.facility_id")
        .orderBy("c2.counted_on", "desc"),
    )
    .execute();
  const byFacility = new Map(latest.map((r) => [r.facility_id, toCount(r)]));
  return facilities.map((f) => ({
    id: f.id,
    name: f.name,
    type: f.type as FacilityType,
    areaCode: f.area_code,
    active: f.active,
    notes: f.notes,
    latest: byFacility.get(f.id) ?? null,
  }));
}

interface FacilityInput {
  name?: string | undefined;
  type?: string | undefined;
  areaCode?: string | undefined;
  active?: boolean | undefined;
  notes?: string | undefined;
}

export interface CountInput {
  facilityId?: string | undefined;
  date?: string | undefined;
  capacity?: number | string | null | undefined;
  occupants?: number | string | null | undefined;
  drugOffenders?: number | string | null | undefined;
  drugUsers?: number | string | null | undefined;
  drugDealers?: number | string | null | undefined;
  source?: string | undefined;
  notes?: string | undefined;
}

function countRaw(input: CountInput): Record<string, unknown> {
  return {
    date: input.date,
    capacity: input.capacity,
    occupants: input.occupants,
    drug_offenders: input.drugOffenders,
    drug_users: input.drugUsers,
    drug_dealers: input.drugDealers,
    source: input.source,
    notes: input.notes,
  };
}

function countValues(r: CountRecord) {
  return {
    counted_on: r.countedOn,
    capacity: r.capacity,
    occupants: r.occupants,
    drug_offenders: r.drugOffenders,
    drug_users: r.drugUsers,
    drug_dealers: r.drugDealers,
    source: r.source,
    notes: r.notes,
  };
}

export class CustodyService {
  private readonly areas: AreasService;

  constructor(private readonly db: Kysely<Database>) {
    this.areas = new AreasService(db);
  }

  async facilities(
    ctx: AuthedContext,
    filter: { area?: string | undefined; includeInactive?: boolean },
    page: number,
    pageSize: number,
  ) {
    const all = await listFacilityStatus(this.db, ctx.user.scope, filter);
    const actions = allowedActions(ctx.user.role, "custody");
    return {
      items: all.slice((page - 1) * pageSize, page * pageSize).map((f) => ({ ...f, actions })),
      total: all.length,
      page,
      pageSize,
    };
  }

  async facility(ctx: AuthedContext, id: string) {
    const all = await listFacilityStatus(this.db, ctx.user.scope, { includeInactive: true });
    const found = all.find((f) => f.id === id);
    if (!found) throw notFound("facility");
    return { ...found, actions: allowedActions(ctx.user.role, "custody") };
  }

  /** A facility the person may write: visible and inside their scope. */
  private async writableFacility(ctx: AuthedContext, id: string) {
    const row = await visibleFacilities(this.db, ctx.user.scope)
      .selectAll("f")
      .where("f.id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("facility");
    if (!inScope(ctx.user.scope, row.area_code))
      throw new AppError("SCOPE_VIOLATION", 403, "That facility is outside your scope.");
    return row;
  }

  private async checkArea(ctx: AuthedContext, areaCode: string) {
    if (!(await this.areas.exists(areaCode)))
      throw new AppError("AREA_NOT_FOUND", 400, `No area with code ${areaCode}.`);
    if (!inScope(ctx.user.scope, areaCode))
      throw new AppError("SCOPE_VIOLATION", 403, "That area is outside your scope.");
  }

  private async assertNameFree(name: string, exceptId?: string) {
    let q = this.db
      .selectFrom("custody_facilities")
      .select("id")
      .where(sql<string>`lower(name)`, "=", name.toLowerCase());
    if (exceptId) q = q.where("id", "<>", exceptId);
    if (await q.executeTakeFirst())
      throw new AppError("NAME_TAKEN", 409, "A facility with that name exists.");
  }

  async createFacility(
    ctx: AuthedContext,
    input: Required<Pick<FacilityInput, "name" | "type" | "areaCode">> & FacilityInput,
  ) {
    await this.checkArea(ctx, input.areaCode);
    await this.assertNameFree(input.name);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("custody_facilities")
        .values({
          name: input.name,
          type: input.type,
          area_code: input.areaCode,
          active: input.active ?? true,
          notes: input.notes ?? "",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "custody_facility.create",
        resource: "custody",
        recordId: id,
        changedFields: Object.keys(input),
      });
      return id;
    });
    return this.facility(ctx, id);
  }

  async updateFacility(ctx: AuthedContext, id: string, input: FacilityInput) {
    const current = await this.writableFacility(ctx, id);
    if (input.areaCode !== undefined) await this.checkArea(ctx, input.areaCode);
    if (input.name !== undefined) await this.assertNameFree(input.name, id);
    const changed = changedFields(
      {
        name: current.name,
        type: current.type,
        areaCode: current.area_code,
        active: current.active,
        notes: current.notes,
      },
      input,
    );
    if (changed.length > 0)
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("custody_facilities")
          .set({
            ...(input.name !== undefined && { name: input.name }),
            ...(input.type !== undefined && { type: input.type }),
            ...(input.areaCode !== undefined && { area_code: input.areaCode }),
            ...(input.active !== undefined && { active: input.active }),
            ...(input.notes !== undefined && { notes: input.notes }),
            updated_at: sql`now()`,
          })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, ctx, {
          action: "custody_facility.update",
          resource: "custody",
          recordId: id,
          changedFields: changed,
        });
      });
    return this.facility(ctx, id);
  }

  async counts(
    ctx: AuthedContext,
    filter: {
      facilityId?: string | undefined;
      area?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
    },
    page: number,
    pageSize: number,
  ) {
    let q = visibleCounts(this.db, ctx.user.scope);
    if (filter.facilityId) q = q.where("c.facility_id", "=", filter.facilityId);
    if (filter.area) q = q.where(withinArea("f.area_code", filter.area!));
    if (filter.from) q = q.where("c.counted_on", ">=", filter.from);
    if (filter.to) q = q.where("c.counted_on", "<=", filter.to);
    const total = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await q
      .orderBy("c.counted_on", "desc")
      .orderBy("f.name")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const actions = allowedActions(ctx.user.role, "custody");
    return {
      items: rows.map((r) => ({ ...toCount(r), actions })),
      total: Number(total.n),
      page,
      pageSize,
    };
  }

  async count(ctx: AuthedContext, id: string) {
    const row = await visibleCounts(this.db, ctx.user.scope)
      .where("c.id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("count");
    return { ...toCount(row), actions: allowedActions(ctx.user.role, "custody") };
  }

  private async assertDateFree(facilityId: string, date: string, exceptId?: string) {
    let q = this.db
      .selectFrom("custody_counts")
      .select("id")
      .where("facility_id", "=", facilityId)
      .where("counted_on", "=", date);
    if (exceptId) q = q.where("id", "<>", exceptId);
    if (await q.executeTakeFirst())
      throw new AppError("CONFLICT", 409, "That facility already has a count on that date.");
  }

  async createCount(ctx: AuthedContext, input: CountInput & { facilityId: string }) {
    const facility = await this.writableFacility(ctx, input.facilityId);
    const { record, problems } = parseCount(countRaw(input), 1, todayInJakarta());
    if (!record) throw problemsError("The count is not valid.", problems);
    await this.assertDateFree(facility.id, record.countedOn);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("custody_counts")
        .values({ facility_id: facility.id, entered_by: ctx.user.id, ...countValues(record) })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "custody_count.create",
        resource: "custody",
        recordId: id,
        changedFields: Object.keys(input),
      });
      return id;
    });
    return this.count(ctx, id);
  }

  async updateCount(ctx: AuthedContext, id: string, input: CountInput) {
    const current = await this.count(ctx, id);
    await this.writableFacility(ctx, current.facilityId);
    const merged: CountInput = {
      date: current.countedOn,
      capacity: current.capacity,
      occupants: current.occupants,
      drugOffenders: current.drugOffenders,
      drugUsers: current.drugUsers,
      drugDealers: current.drugDealers,
      source: current.source,
      notes: current.notes,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    };
    const { record, problems } = parseCount(countRaw(merged), 1, todayInJakarta());
    if (!record) throw problemsError("The count is not valid.", problems);
    await this.assertDateFree(current.facilityId, record.countedOn, id);
    const changed = changedFields(
      {
        date: current.countedOn,
        capacity: current.capacity,
        occupants: current.occupants,
        drugOffenders: current.drugOffenders,
        drugUsers: current.drugUsers,
        drugDealers: current.drugDealers,
        source: current.source,
        notes: current.notes,
      } as Record<string, unknown>,
      {
        date: record.countedOn,
        capacity: record.capacity,
        occupants: record.occupants,
        drugOffenders: record.drugOffenders,
        drugUsers: record.drugUsers,
        drugDealers: record.drugDealers,
        source: record.source,
        notes: record.notes,
      },
    );
    if (changed.length > 0)
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("custody_counts")
          .set({ ...countValues(record), updated_at: sql`now()` })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, ctx, {
          action: "custody_count.update",
          resource: "custody",
          recordId: id,
          changedFields: changed,
        });
      });
    return this.count(ctx, id);
  }

  /**
   * Dry run (default) or commit a CSV/XLSX of counts. Every row is checked first; one bad row
   * and nothing is written (the problems name the row and column). A facility is named by its
   * exact name or id; a count for a facility and date that exists is replaced.
   */
  async importCounts(ctx: AuthedContext, file: Buffer, format: "csv" | "xlsx", dryRun: boolean) {
    const table = await readTable(file, format);
    const header = table.header.map((h) => h.trim().toLowerCase());
    const problems: CountProblem[] = [];
    for (const column of REQUIRED_COUNT_COLUMNS)
      if (!header.includes(column)) problems.push({ row: 0, column, code: "MISSING_COLUMN" });
    const facilities = await visibleFacilities(this.db, ctx.user.scope)
      .select(["f.id", "f.name", "f.area_code"])
      .execute();
    const byKey = new Map<string, (typeof facilities)[number]>();
    for (const f of facilities) {
      byKey.set(f.id.toLowerCase(), f);
      byKey.set(f.name.trim().toLowerCase(), f);
    }
    const today = todayInJakarta();
    const records: Array<{ facilityId: string; record: CountRecord }> = [];
    const seen = new Map<string, number>();
    if (problems.length === 0)
      table.rows.forEach((raw, index) => {
        const row = index + 1;
        const lower = Object.fromEntries(
          Object.entries(raw).map(([k, v]) => [k.trim().toLowerCase(), v]),
        );
        const parsed = parseCount(lower, row, today);
        problems.push(...parsed.problems);
        const key = String(lower.facility ?? "")
          .trim()
          .toLowerCase();
        const facility = byKey.get(key);
        if (!key) problems.push({ row, column: "facility", code: "MISSING_VALUE" });
        else if (!facility || !inScope(ctx.user.scope, facility.area_code))
          problems.push({ row, column: "facility", code: "FACILITY_UNKNOWN" });
        if (facility && parsed.record) {
          const dup = `${facility.id}|${parsed.record.countedOn}`;
          if (seen.has(dup)) problems.push({ row, column: "date", code: "DUPLICATE_ROW" });
          seen.set(dup, row);
          records.push({ facilityId: facility.id, record: parsed.record });
        }
      });
    if (problems.length === 0 && table.rows.length === 0)
      problems.push({ row: 0, column: "facility", code: "MISSING_VALUE" });
    problems.sort((a, b) => a.row - b.row);
    const report = {
      valid: problems.length === 0,
      committed: false,
      rows: table.rows.length,
      created: 0,
      updated: 0,
      problems,
      columns: [...COUNT_COLUMNS],
    };
    if (!report.valid) {
      if (dryRun) return report;
      throw new AppError("IMPORT_INVALID", 400, "The file has problems; nothing was imported.", {
        problems,
      });
    }
    const existing = new Set(
      (
        await this.db
          .selectFrom("custody_counts")
          .select(["facility_id", "counted_on"])
          .where("facility_id", "in", [...new Set(records.map((r) => r.facilityId))])
          .execute()
      ).map((r) => `${r.facility_id}|${dateText(r.counted_on)}`),
    );
    for (const r of records) {
      if (existing.has(`${r.facilityId}|${r.record.countedOn}`)) report.updated += 1;
      else report.created += 1;
    }
    if (!dryRun) {
      await this.db.transaction().execute(async (trx) => {
        for (const r of records) {
          await trx
            .insertInto("custody_counts")
            .values({
              facility_id: r.facilityId,
              entered_by: ctx.user.id,
              ...countValues(r.record),
            })
            .onConflict((oc) =>
              oc.columns(["facility_id", "counted_on"]).doUpdateSet({
                ...countValues(r.record),
                entered_by: ctx.user.id,
                updated_at: sql`now()`,
              }),
            )
            .execute();
        }
        await recordAudit(trx, ctx, {
          action: "custody_count.import",
          resource: "custody",
          changedFields: ["created", "updated"],
        });
      });
      report.committed = true;
    }
    return report;
  }
}
