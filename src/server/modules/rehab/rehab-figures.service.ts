/**
 * The registry's figures: clients entering treatment per period (first episode in the
 * period, one count per person, as the TDI protocol counts) and clients in care, by one
 * dimension; the aftercare KPI; BNN-style weekly and monthly recaps; a TDI-style table.
 * Figures never carry identity. Scope: a clinician's own facility, anyone else the
 * facilities inside their area scope.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";
import { AGE_BANDS, ageBand } from "../../../domain/rehab/clients";
import {
  isoWeek,
  type Period,
  periodEnd,
  periodLabel,
  periodStart,
  periodStarts,
} from "../../../domain/rehab/periods";
import type { SessionUser } from "../../context";
import { dateText } from "../../time";
import { facilityCondition } from "./rehab-access";
import { rehabError } from "./rehab-cipher";

type Db = Kysely<Database>;

export const FIGURE_DIMENSIONS = [
  "none",
  "sex",
  "age_band",
  "primary_substance",
  "route",
  "service_type",
  "entry_route",
  "facility",
  "residence_area",
] as const;
export type FigureDimension = (typeof FIGURE_DIMENSIONS)[number];
export const FIGURE_MEASURES = ["entries", "in_care"] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];
export const AREA_LEVELS = ["city", "kecamatan", "kelurahan"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

const AREA_PREFIX: Record<AreaLevel, number> = { city: 5, kecamatan: 8, kelurahan: 13 };

function dimensionSql(by: FigureDimension, level: AreaLevel): RawBuilder<string> {
  switch (by) {
    case "none":
      return sql<string>`'all'`;
    case "sex":
      return sql<string>`c.sex`;
    case "age_band":
      return sql<string>`(extract(year from e.intake_date)::int - c.birth_year)::text`;
    case "primary_substance":
      return sql<string>`coalesce(e.primary_substance, 'unknown')`;
    case "route":
      return sql<string>`coalesce(e.route, 'unknown')`;
    case "service_type":
      return sql<string>`coalesce(e.service_type, 'unknown')`;
    case "entry_route":
      return sql<string>`e.entry_route`;
    case "facility":
      return sql<string>`e.facility_id::text`;
    case "residence_area":
      return sql<string>`coalesce(left(c.residence_kelurahan_code, ${AREA_PREFIX[level]}), 'unknown')`;
  }
}

/** Where the statistics of a person come from: their facility, or facilities in their scope. */
export type FigureScope = { user: SessionUser } | { areaScope: string } | { all: true };

function scopeSql(scope: FigureScope): RawBuilder<boolean> {
  if ("user" in scope) return facilityCondition(scope.user);
  if ("areaScope" in scope)
    return sql<boolean>`(o.area_code = ${scope.areaScope} or o.area_code like ${scopePrefix(scope.areaScope)})`;
  return sql<boolean>`true`;
}

export interface EntriesQuery {
  measure: FigureMeasure;
  period: Period;
  from: string;
  to: string;
  by: FigureDimension;
  areaLevel: AreaLevel;
  facilityId?: string | undefined;
  /** Leave out synthetic (demo) clients. */
  excludeSynthetic?: boolean | undefined;
}

export interface EntriesResult {
  measure: FigureMeasure;
  period: Period;
  from: string;
  to: string;
  by: FigureDimension;
  buckets: Array<{ period: string; start: string; end: string; total: number }>;
  keys: Array<{ key: string; label: string; total: number }>;
  rows: Array<{ period: string; key: string; label: string; count: number }>;
}

const MAX_BUCKETS = 400;

/** Clients entering treatment (first episode in each period) or in care, by one dimension. */
export async function entriesFigures(
  db: Db,
  scope: FigureScope,
  q: EntriesQuery,
): Promise<EntriesResult> {
  if (q.from > q.to)
    throw rehabError("VALIDATION_FAILED", 400, "The period starts after it ends.", [
      { field: "from", problem: "after to" },
    ]);
  const starts = periodStarts(q.period, q.from, q.to);
  if (starts.length > MAX_BUCKETS)
    throw rehabError(
      "VALIDATION_FAILED",
      400,
      "Too many periods: choose a longer period or a shorter range.",
      [{ field: "period", problem: "too many" }],
    );
  const first = starts[0]!;
  const end = periodEnd(q.period, starts[starts.length - 1]!);
  const unit = sql.raw(`'${q.period}'`);
  const step = sql.raw(`'${q.period === "quarter" ? "3 months" : `1 ${q.period}`}'::interval`);
  const dim = dimensionSql(q.by, q.areaLevel);
  const filters = [scopeSql(scope)];
  if (q.facilityId) filters.push(sql<boolean>`e.facility_id = ${q.facilityId}`);
  if (q.excludeSynthetic) filters.push(sql<boolean>`not c.synthetic`);
  const where = sql.join(filters, sql` and `);
  const result =
    q.measure === "entries"
      ? await sql<{ bucket: unknown; key: string; n: number }>`
        with x as (
          select distinct on (e.client_id, date_trunc(${unit}, e.intake_date))
            e.client_id, date_trunc(${unit}, e.intake_date)::date as bucket, ${dim} as key
          from rehab_episodes e
          join rehab_clients c on c.id = e.client_id
          join organisations o on o.id = e.facility_id
          where e.intake_date >= ${first}::date and e.intake_date <= ${end}::date and ${where}
          order by e.client_id, date_trunc(${unit}, e.intake_date), e.intake_date, e.created_at, e.id
        )
        select bucket, key, count(*)::int as n from x group by bucket, key`.execute(db)
      : await sql<{ bucket: unknown; key: string; n: number }>`
        with b as (
          select gs::date as b_start, (gs + ${step} - interval '1 day')::date as b_end
          from generate_series(${first}::timestamp, ${end}::timestamp, ${step}) gs
        ), x as (
          select distinct on (e.client_id, b.b_start) e.client_id, b.b_start as bucket, ${dim} as key
          from b
          join rehab_episodes e on e.intake_date <= b.b_end
            and coalesce(e.discharge_date, e.closed_date, '9999-12-31'::date) >= b.b_start
          join rehab_clients c on c.id = e.client_id
          join organisations o on o.id = e.facility_id
          where ${where}
          order by e.client_id, b.b_start, e.intake_date desc, e.created_at desc, e.id
        )
        select bucket, key, count(*)::int as n from x group by bucket, key`.execute(db);

  // Age bands are grouped here from whole ages; every other key is final.
  const counts = new Map<string, number>();
  for (const r of result.rows) {
    const key = q.by === "age_band" ? ageBand(Number(r.key)) : r.key;
    const id = `${dateText(r.bucket)}|${key}`;
    counts.set(id, (counts.get(id) ?? 0) + Number(r.n));
  }
  const labels = await labelsFor(db, q.by, [
    ...new Set([...counts.keys()].map((k) => k.split("|")[1]!)),
  ]);
  const rows = [...counts.entries()]
    .map(([id, count]) => {
      const [start, key] = id.split("|") as [string, string];
      return { period: periodLabel(q.period, start), key, label: labels.get(key) ?? key, count };
    })
    .sort((a, b) =>
      a.period === b.period ? a.key.localeCompare(b.key) : a.period.localeCompare(b.period),
    );
  const buckets = starts.map((start) => {
    const label = periodLabel(q.period, start);
    return {
      period: label,
      start,
      end: periodEnd(q.period, start),
      total: rows.filter((r) => r.period === label).reduce((s, r) => s + r.count, 0),
    };
  });
  const keyTotals = new Map<string, number>();
  for (const r of rows) keyTotals.set(r.key, (keyTotals.get(r.key) ?? 0) + r.count);
  const order =
    q.by === "age_band" ? (k: string) => (AGE_BANDS as readonly string[]).indexOf(k) : null;
  const keys = [...keyTotals.entries()]
    .map(([key, total]) => ({ key, label: labels.get(key) ?? key, total }))
    .sort((a, b) =>
      order ? order(a.key) - order(b.key) : b.total - a.total || a.key.localeCompare(b.key),
    );
  return {
    measure: q.measure,
    period: q.period,
    from: first,
    to: end,
    by: q.by,
    buckets,
    keys,
    rows,
  };
}

async function labelsFor(
  db: Db,
  by: FigureDimension,
  keys: string[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const ids = keys.filter((k) => k !== "unknown");
  if (ids.length === 0) return labels;
  if (by === "facility") {
    const rows = await db
      .selectFrom("organisations")
      .select(["id", "name"])
      .where("id", "in", ids)
      .execute();
    for (const r of rows) labels.set(r.id, r.name);
  } else if (by === "residence_area") {
    const rows = await db
      .selectFrom("areas")
      .select(["code", "name"])
      .where("code", "in", ids)
      .execute();
    for (const r of rows) labels.set(r.code, r.name);
  }
  return labels;
}

/**
 * Clients entering treatment per calendar year (first episode in the year, one per person),
 * for the dashboard and the figures register. No identity. `areaScope` limits to facilities
 * inside an area; without it, every facility.
 */
export async function rehabEntriesPerYear(
  db: Db,
  options: { areaScope?: string; from?: number; to?: number; excludeSynthetic?: boolean } = {},
): Promise<Array<{ year: number; clients: number }>> {
  const filters = [
    options.areaScope ? scopeSql({ areaScope: options.areaScope }) : sql<boolean>`true`,
    ...(options.excludeSynthetic ? [sql<boolean>`not c.synthetic`] : []),
    ...(options.from ? [sql<boolean>`e.intake_date >= ${`${options.from}-01-01`}::date`] : []),
    ...(options.to ? [sql<boolean>`e.intake_date <= ${`${options.to}-12-31`}::date`] : []),
  ];
  const result = await sql<{ year: number; clients: number }>`
    select extract(year from e.intake_date)::int as year, count(distinct e.client_id)::int as clients
    from rehab_episodes e
    join rehab_clients c on c.id = e.client_id
    join organisations o on o.id = e.facility_id
    where ${sql.join(filters, sql` and `)}
    group by 1 order by 1`.execute(db);
  return result.rows.map((r) => ({ year: Number(r.year), clients: Number(r.clients) }));
}

/** The aftercare KPI: of the clients followed up in the range, the share not relapsed (latest follow-up). */
export async function aftercareKpi(db: Db, scope: FigureScope, from: string, to: string) {
  const result = await sql<{ relapse_status: string; n: number }>`
    with last as (
      select distinct on (f.episode_id) f.episode_id, f.relapse_status
      from rehab_follow_ups f
      join rehab_episodes e on e.id = f.episode_id
      join organisations o on o.id = e.facility_id
      where f.follow_up_date >= ${from}::date and f.follow_up_date <= ${to}::date and ${scopeSql(scope)}
      order by f.episode_id, f.follow_up_date desc, f.created_at desc
    )
    select relapse_status, count(*)::int as n from last group by relapse_status`.execute(db);
  const count = (s: string) => Number(result.rows.find((r) => r.relapse_status === s)?.n ?? 0);
  const notRelapsed = count("not_relapsed");
  const relapsed = count("relapsed");
  const unknown = count("unknown");
  const followedUp = notRelapsed + relapsed + unknown;
  const share = followedUp > 0 ? notRelapsed / followedUp : null;
  return {
    from,
    to,
    followedUp,
    notRelapsed,
    relapsed,
    unknown,
    /** Not relapsed over everyone followed up (unknown counts against the KPI). */
    share,
    target: 0.5,
    meetsTarget: share === null ? null : share >= 0.5,
  };
}

export interface RecapRow {
  no: number;
  recordNumber: string;
  sex: string;
  age: number;
  substances: Array<{ substance: string; primary: boolean; route: string | null }>;
  useYears: number | null;
  previousTreatment: string | null;
  entryRoute: string;
  serviceType: string | null;
  highestBand: string | null;
  status: string;
  facilityName: string;
  intakeDate: string;
}

/** The weekly or monthly recap in the shape of BNN's: one row per client entering, record number not name. */
export async function recap(db: Db, scope: FigureScope, kind: "weekly" | "monthly", date: string) {
  const range =
    kind === "weekly"
      ? isoWeek(date)
      : { start: periodStart("month", date), end: periodEnd("month", periodStart("month", date)) };
  const rows = await sql<{
    code: string;
    sex: string;
    birth_year: number;
    intake_date: unknown;
    primary_substance: string | null;
    secondary_substances: string[];
    route: string | null;
    age_first_use: number | null;
    previous_treatment: string | null;
    entry_route: string;
    service_type: string | null;
    status: string;
    facility_name: string;
    highest_band: string | null;
  }>`
    select c.code, c.sex, c.birth_year, e.intake_date, e.primary_substance, e.secondary_substances, e.route,
      e.age_first_use, e.previous_treatment, e.entry_route, e.service_type, e.status, o.name as facility_name,
      (select s.highest_band from rehab_screenings s where s.episode_id = e.id
        order by s.screened_on desc, s.created_at desc limit 1) as highest_band
    from rehab_episodes e
    join rehab_clients c on c.id = e.client_id
    join organisations o on o.id = e.facility_id
    where e.intake_date >= ${range.start}::date and e.intake_date <= ${range.end}::date and ${scopeSql(scope)}
    order by e.intake_date, c.code`.execute(db);
  const inCare = await sql<{ n: number }>`
    select count(distinct e.client_id)::int as n from rehab_episodes e join organisations o on o.id = e.facility_id
    where e.intake_date <= ${range.end}::date
      and coalesce(e.discharge_date, e.closed_date, '9999-12-31'::date) >= ${range.start}::date
      and ${scopeSql(scope)}`.execute(db);
  const items: RecapRow[] = rows.rows.map((r, i) => {
    const intake = dateText(r.intake_date);
    const age = Number(intake.slice(0, 4)) - r.birth_year;
    return {
      no: i + 1,
      recordNumber: r.code,
      sex: r.sex,
      age,
      substances: [
        ...(r.primary_substance
          ? [{ substance: r.primary_substance, primary: true, route: r.route }]
          : []),
        ...r.secondary_substances.map((s) => ({ substance: s, primary: false, route: null })),
      ],
      useYears: r.age_first_use !== null ? Math.max(0, age - r.age_first_use) : null,
      previousTreatment: r.previous_treatment,
      entryRoute: r.entry_route,
      serviceType: r.service_type,
      highestBand: r.highest_band,
      status: r.status,
      facilityName: r.facility_name,
      intakeDate: intake,
    };
  });
  return {
    kind,
    start: range.start,
    end: range.end,
    entries: items.length,
    male: items.filter((r) => r.sex === "male").length,
    female: items.filter((r) => r.sex === "female").length,
    inCare: Number(inCare.rows[0]?.n ?? 0),
    rows: items,
  };
}

/** A TDI-style table: one record per person starting treatment in the year, by primary drug. */
export async function tdiTable(db: Db, scope: FigureScope, year: number) {
  const rows = await sql<{
    sex: string;
    birth_year: number;
    primary_substance: string | null;
    route: string | null;
    age_first_use: number | null;
    previous_treatment: string | null;
    injecting: string | null;
  }>`
    select distinct on (e.client_id) c.sex, c.birth_year, e.primary_substance, e.route, e.age_first_use,
      e.previous_treatment, e.injecting
    from rehab_episodes e
    join rehab_clients c on c.id = e.client_id
    join organisations o on o.id = e.facility_id
    where e.intake_date >= ${`${year}-01-01`}::date and e.intake_date <= ${`${year}-12-31`}::date and ${scopeSql(scope)}
    order by e.client_id, e.intake_date, e.created_at, e.id`.execute(db);
  const groups = new Map<string, typeof rows.rows>();
  for (const r of rows.rows) {
    const key = r.primary_substance ?? "unknown";
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const summarise = (key: string, list: typeof rows.rows) => {
    const ages = list.map((r) => year - r.birth_year);
    const firstUse = list.map((r) => r.age_first_use).filter((a): a is number => a !== null);
    const route = (v: string) => list.filter((r) => (r.route ?? "unknown") === v).length;
    return {
      primarySubstance: key,
      total: list.length,
      male: list.filter((r) => r.sex === "male").length,
      female: list.filter((r) => r.sex === "female").length,
      under18: ages.filter((a) => a < 18).length,
      meanAge: ages.length
        ? Math.round((ages.reduce((s, a) => s + a, 0) / ages.length) * 10) / 10
        : null,
      meanAgeFirstUse: firstUse.length
        ? Math.round((firstUse.reduce((s, a) => s + a, 0) / firstUse.length) * 10) / 10
        : null,
      neverTreated: list.filter((r) => r.previous_treatment === "never").length,
      previouslyTreated: list.filter((r) => r.previous_treatment === "previously_treated").length,
      everInjected: list.filter((r) => r.injecting !== null && r.injecting !== "never").length,
      routeInject: route("inject"),
      routeSmokeInhale: route("smoke_inhale"),
      routeEatDrink: route("eat_drink"),
      routeSniff: route("sniff"),
      routeOther: route("other"),
      routeUnknown: route("unknown"),
    };
  };
  const table = [...groups.entries()]
    .map(([k, list]) => summarise(k, list))
    .sort((a, b) => b.total - a.total);
  return { year, rows: table, total: summarise("total", rows.rows) };
}
