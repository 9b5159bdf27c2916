/**
 * What the reports read: areas with their geometry, latest published classes, named
 * locations, incidents, and aggregates of the Act, Treat and Know registers. Those registers
 * are read with plain SQL behind a table-exists check, so a report works on a database that
 * does not have them yet and includes them once they exist. Nothing here returns identity.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";
import { isRiskClass, type RiskClass } from "../../../domain/risk/classes";
import { dateText } from "../../time";

export interface AreaInfo {
  code: string;
  level: string;
  name: string;
  parentCode: string | null;
}

/** `code = area or code under area`, for a column holding area codes. */
function within(column: string, area: string) {
  return sql<boolean>`(${sql.ref(column)} = ${area} or ${sql.ref(column)} like ${scopePrefix(area)})`;
}

/** True when the table exists in the current schema. */
export async function tableExists(db: Kysely<Database>, table: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables
    where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

export async function findArea(db: Kysely<Database>, code: string): Promise<AreaInfo | null> {
  const row = await db
    .selectFrom("areas")
    .select(["code", "level", "name", "parent_code"])
    .where("code", "=", code)
    .executeTakeFirst();
  return row
    ? { code: row.code, level: row.level, name: row.name, parentCode: row.parent_code }
    : null;
}

/** The area and its ancestors, nearest first (kelurahan, kecamatan, city, province). */
export async function areaLineage(db: Kysely<Database>, code: string): Promise<AreaInfo[]> {
  const codes: string[] = [];
  for (let c: string | null = code; c; c = c.includes(".") ? c.slice(0, c.lastIndexOf(".")) : null)
    codes.push(c);
  const rows = await db
    .selectFrom("areas")
    .select(["code", "level", "name", "parent_code"])
    .where("code", "in", codes)
    .execute();
  return rows
    .map((r) => ({ code: r.code, level: r.level, name: r.name, parentCode: r.parent_code }))
    .sort((a, b) => b.code.length - a.code.length);
}

export interface KelurahanShape {
  code: string;
  name: string;
  kecamatan: string;
  geometry: unknown;
  labelLon: number | null;
  labelLat: number | null;
}

/** Kelurahan under an area, with boundaries. */
export async function kelurahanShapes(
  db: Kysely<Database>,
  area: string,
): Promise<KelurahanShape[]> {
  const rows = await db
    .selectFrom("areas as a")
    .leftJoin("areas as p", "p.code", "a.parent_code")
    .select(["a.code", "a.name", "p.name as kecamatan", "a.geometry", "a.label_lon", "a.label_lat"])
    .where("a.level", "=", "kelurahan")
    .where(within("a.code", area))
    .orderBy("a.code")
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kecamatan: r.kecamatan ?? "",
    geometry: r.geometry,
    labelLon: r.label_lon,
    labelLat: r.label_lat,
  }));
}

export interface LatestClass {
  areaCode: string;
  class: RiskClass;
  roundName: string;
  periodEnd: string;
  pokok: number | null;
  pendukung: number | null;
}

/** The latest published class of each kelurahan under an area (whole-kelurahan assessments). */
export async function latestClasses(db: Kysely<Database>, area: string): Promise<LatestClass[]> {
  const rows = await db
    .selectFrom("assessments as s")
    .innerJoin("assessment_rounds as r", "r.id", "s.round_id")
    .select([
      "s.area_code",
      "s.class",
      "s.pokok",
      "s.pendukung",
      "r.name as round_name",
      "r.period_end",
    ])
    .where("s.status", "=", "published")
    .where("s.named_location_id", "is", null)
    .where(within("s.area_code", area))
    .orderBy("s.area_code")
    .orderBy("r.period_end", "desc")
    .orderBy("s.published_at", "desc")
    .execute();
  const latest = new Map<string, LatestClass>();
  for (const r of rows) {
    if (latest.has(r.area_code) || !isRiskClass(r.class)) continue;
    latest.set(r.area_code, {
      areaCode: r.area_code,
      class: r.class,
      roundName: r.round_name,
      periodEnd: dateText(r.period_end),
      pokok: r.pokok,
      pendukung: r.pendukung,
    });
  }
  return [...latest.values()];
}

export interface LocationMarker {
  name: string;
  kelurahanCode: string;
  geometry: unknown;
}

/** Named locations under an area that have a geometry (markers on the map). */
export async function locatedPlaces(db: Kysely<Database>, area: string): Promise<LocationMarker[]> {
  const rows = await db
    .selectFrom("named_locations as l")
    .select(["l.name", "l.kelurahan_code", "l.geometry"])
    .where(within("l.kelurahan_code", area))
    .where("l.geometry", "is not", null)
    .orderBy("l.name")
    .execute();
  return rows.map((r) => ({ name: r.name, kelurahanCode: r.kelurahan_code, geometry: r.geometry }));
}

/** Incidents per month (YYYY-MM) under an area, from `from` (inclusive) to `to` (inclusive). */
export async function incidentsPerMonth(
  db: Kysely<Database>,
  area: string,
  from: string,
  to: string,
): Promise<Map<string, { incidents: number; arrests: number }>> {
  const { rows } = await sql<{ month: string; incidents: number; arrests: number }>`
    select to_char(occurred_on, 'YYYY-MM') as month, count(*)::int as incidents,
           coalesce(sum(arrests), 0)::int as arrests
    from incidents
    where ${within("kelurahan_code", area)} and occurred_on >= ${from} and occurred_on <= ${to}
    group by 1 order by 1`.execute(db);
  return new Map(rows.map((r) => [r.month, { incidents: r.incidents, arrests: r.arrests }]));
}

export interface FigureRow {
  indicator: string;
  indicatorName: string;
  label: string;
  value: number;
  unit: string;
  period: string;
  periodEnd: string | null;
  areaCode: string;
  areaName: string;
  source: string;
  citation: string;
  link: string | null;
  publishedOn: string | null;
}

/**
 * Official figures (register of issue 8) about the area, its ancestors (context such as DKI
 * totals) or areas inside it, newest period first. Empty when the register does not exist.
 */
export async function officialFigures(
  db: Kysely<Database>,
  area: string,
  ancestors: string[],
  limit = 60,
): Promise<FigureRow[]> {
  if (!(await tableExists(db, "official_figures"))) return [];
  const { rows } = await sql<{
    indicator_code: string;
    indicator_name: string | null;
    label: string;
    value: string;
    unit: string;
    period_label: string;
    period_start: unknown;
    period_end: unknown;
    area_code: string;
    area_name: string | null;
    source_organisation: string;
    citation: string;
    link: string | null;
    published_on: unknown;
  }>`
    select f.indicator_code, i.name as indicator_name, f.label, f.value::text as value, f.unit,
           f.period_label, f.period_start, f.period_end, f.area_code, a.name as area_name,
           f.source_organisation, f.citation, f.link, f.published_on
    from official_figures f
    left join official_figure_indicators i on i.code = f.indicator_code
    left join areas a on a.code = f.area_code
    where ${within("f.area_code", area)} or f.area_code in (${sql.join(ancestors.length > 0 ? ancestors : [""])})
    order by f.indicator_code, f.period_end desc nulls last, f.published_on desc nulls last
    limit ${limit}`.execute(db);
  return rows.map((r) => {
    const start = r.period_start ? dateText(r.period_start) : null;
    const end = r.period_end ? dateText(r.period_end) : null;
    return {
      indicator: r.indicator_code,
      indicatorName: r.indicator_name ?? r.indicator_code,
      label: r.label,
      value: Number(r.value),
      unit: r.unit,
      period: r.period_label || [start, end].filter(Boolean).join(" – "),
      periodEnd: end,
      areaCode: r.area_code,
      areaName: r.area_name ?? r.area_code,
      source: r.source_organisation,
      citation: r.citation,
      link: r.link,
      publishedOn: r.published_on ? dateText(r.published_on) : null,
    };
  });
}

export interface CustodySummary {
  facilities: number;
  countedOn: string;
  capacity: number;
  occupants: number;
  drugOffenders: number | null;
  sources: string[];
}

/**
 * The latest count of each active custody facility serving the area (placed in the area, an
 * ancestor of it, or inside it), summed. Null when there are none or no register.
 */
export async function custodySummary(
  db: Kysely<Database>,
  area: string,
  ancestors: string[],
): Promise<CustodySummary | null> {
  if (!(await tableExists(db, "custody_counts"))) return null;
  const { rows } = await sql<{
    counted_on: unknown;
    capacity: number;
    occupants: number;
    drug_offenders: number | null;
    source: string;
  }>`
    select distinct on (c.facility_id) c.counted_on, c.capacity, c.occupants, c.drug_offenders,
           c.source
    from custody_counts c join custody_facilities f on f.id = c.facility_id
    where f.active and (${within("f.area_code", area)}
      or f.area_code in (${sql.join(ancestors.length > 0 ? ancestors : [""])}))
    order by c.facility_id, c.counted_on desc`.execute(db);
  if (rows.length === 0) return null;
  const dates = rows.map((r) => dateText(r.counted_on)).sort();
  const withDrug = rows.filter((r) => r.drug_offenders !== null);
  return {
    facilities: rows.length,
    countedOn: dates[dates.length - 1] ?? "",
    capacity: rows.reduce((s, r) => s + r.capacity, 0),
    occupants: rows.reduce((s, r) => s + r.occupants, 0),
    drugOffenders:
      withDrug.length === rows.length
        ? withDrug.reduce((s, r) => s + (r.drug_offenders ?? 0), 0)
        : null,
    sources: [...new Set(rows.map((r) => r.source))].sort(),
  };
}

/**
 * Rehabilitation clients per intake year whose residence lies under the area: distinct
 * clients, erased records excluded. Counts only; null without a registry.
 */
export async function rehabClientsPerYear(
  db: Kysely<Database>,
  area: string,
): Promise<{ year: number; clients: number }[] | null> {
  if (!(await tableExists(db, "rehab_episodes"))) return null;
  const { rows } = await sql<{ year: number; clients: number }>`
    select extract(year from e.intake_date)::int as year, count(distinct c.id)::int as clients
    from rehab_episodes e join rehab_clients c on c.id = e.client_id
    where c.erased_at is null and c.residence_kelurahan_code is not null
      and ${within("c.residence_kelurahan_code", area)}
    group by 1 order by 1`.execute(db);
  return rows;
}

export interface ProgrammeRow {
  name: string;
  pillar: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  lead: string;
  activities: number;
}

/** Programmes placed in the area or covering a place in it, with their activity counts. */
export async function programmesIn(
  db: Kysely<Database>,
  area: string,
): Promise<ProgrammeRow[] | null> {
  if (!(await tableExists(db, "programmes"))) return null;
  const hasAreas = await tableExists(db, "programme_areas");
  const hasActivities = await tableExists(db, "activities");
  const { rows } = await sql<{
    name: string;
    pillar: string;
    status: string;
    period_start: unknown;
    period_end: unknown;
    lead: string | null;
    activities: number;
  }>`
    select p.name, p.pillar, p.status, p.period_start, p.period_end, o.name as lead,
      ${
        hasActivities
          ? sql`(select count(*)::int from activities x where x.programme_id = p.id and ${within("x.area_code", area)})`
          : sql`0`
      } as activities
    from programmes p left join organisations o on o.id = p.lead_organisation_id
    where ${within("p.area_code", area)}
      ${
        hasAreas
          ? sql`or exists (select 1 from programme_areas pa where pa.programme_id = p.id and ${within("pa.area_code", area)})`
          : sql``
      }
    order by p.period_end desc, p.name
    limit 50`.execute(db);
  return rows.map((r) => ({
    name: r.name,
    pillar: r.pillar,
    status: r.status,
    periodStart: dateText(r.period_start),
    periodEnd: dateText(r.period_end),
    lead: r.lead ?? "",
    activities: r.activities,
  }));
}

export interface ActionRow {
  title: string;
  owner: string;
  dueOn: string;
  status: string;
  overdue: boolean;
  meeting: string;
}

/**
 * Follow-up actions still open (open or in progress) about places in the area: their input
 * item names a kelurahan or named location under it. Overdue ones first.
 */
export async function openActionsIn(
  db: Kysely<Database>,
  area: string,
  today: string,
): Promise<ActionRow[] | null> {
  if (!(await tableExists(db, "follow_up_actions"))) return null;
  const hasAreas = await tableExists(db, "input_item_areas");
  const hasLocations = await tableExists(db, "input_item_locations");
  const { rows } = await sql<{
    title: string;
    owner: string | null;
    due_on: unknown;
    status: string;
    meeting: string | null;
  }>`
    select f.title, o.name as owner, f.due_on, f.status, m.title as meeting
    from follow_up_actions f
    join input_items i on i.id = f.input_item_id
    left join meetings m on m.id = i.meeting_id
    left join organisations o on o.id = f.owner_organisation_id
    where f.status in ('open', 'in_progress') and (false
      ${hasAreas ? sql`or exists (select 1 from input_item_areas ia where ia.input_item_id = i.id and ${within("ia.area_code", area)})` : sql``}
      ${hasLocations ? sql`or exists (select 1 from input_item_locations il join named_locations l on l.id = il.named_location_id where il.input_item_id = i.id and ${within("l.kelurahan_code", area)})` : sql``}
    )
    order by f.due_on, f.title
    limit 60`.execute(db);
  return rows.map((r) => {
    const due = dateText(r.due_on);
    return {
      title: r.title,
      owner: r.owner ?? "",
      dueOn: due,
      status: r.status,
      overdue: due < today,
      meeting: r.meeting ?? "",
    };
  });
}

/* ---------- BNNK formation brief: one row per city of DKI ---------- */

export interface CityRow {
  code: string;
  name: string;
}

export async function dkiCities(db: Kysely<Database>): Promise<CityRow[]> {
  return db
    .selectFrom("areas")
    .select(["code", "name"])
    .where("parent_code", "=", "31")
    .orderBy("code")
    .execute();
}

/** Latest population figure per city: indicator `population`, or `other` labelled so. */
export async function populationByCity(db: Kysely<Database>) {
  const result = new Map<string, { value: number; period: string; source: string }>();
  if (!(await tableExists(db, "official_figures"))) return result;
  const { rows } = await sql<{
    area_code: string;
    value: string;
    period_label: string;
    period_end: unknown;
    source_organisation: string;
    citation: string;
  }>`
    select distinct on (area_code) area_code, value::text as value, period_label, period_end,
           source_organisation, citation
    from official_figures
    where area_code like '31.__' and (indicator_code = 'population'
      or (indicator_code = 'other' and (label ilike '%penduduk%' or label ilike '%population%')))
    order by area_code, period_end desc nulls last, published_on desc nulls last`.execute(db);
  for (const r of rows)
    result.set(r.area_code, {
      value: Number(r.value),
      period: r.period_label || (r.period_end ? dateText(r.period_end).slice(0, 4) : ""),
      source: [r.source_organisation, r.citation].filter(Boolean).join(", "),
    });
  return result;
}

/** Bahaya and Waspada kelurahan per city (latest published class of each kelurahan). */
export async function rawanByCity(db: Kysely<Database>) {
  const { rows } = await sql<{ city: string; class: string; n: number }>`
    with latest as (
      select distinct on (s.area_code) s.area_code, s.class
      from assessments s join assessment_rounds r on r.id = s.round_id
      where s.status = 'published' and s.named_location_id is null and s.area_code like '31.%'
      order by s.area_code, r.period_end desc, s.published_at desc
    )
    select substr(area_code, 1, 5) as city, class, count(*)::int as n
    from latest group by 1, 2`.execute(db);
  const result = new Map<string, { bahaya: number; waspada: number; assessed: number }>();
  for (const r of rows) {
    const entry = result.get(r.city) ?? { bahaya: 0, waspada: 0, assessed: 0 };
    if (r.class === "bahaya") entry.bahaya += r.n;
    if (r.class === "waspada") entry.waspada += r.n;
    entry.assessed += r.n;
    result.set(r.city, entry);
  }
  return result;
}

export async function kelurahanCountByCity(db: Kysely<Database>) {
  const { rows } = await sql<{ city: string; n: number }>`
    select substr(code, 1, 5) as city, count(*)::int as n from areas
    where level = 'kelurahan' and code like '31.%' group by 1`.execute(db);
  return new Map(rows.map((r) => [r.city, r.n]));
}

/** Incidents per city in a date range. */
export async function incidentsByCity(db: Kysely<Database>, from: string, to: string) {
  const { rows } = await sql<{ city: string; n: number }>`
    select substr(kelurahan_code, 1, 5) as city, count(*)::int as n from incidents
    where kelurahan_code like '31.%' and occurred_on >= ${from} and occurred_on <= ${to}
    group by 1`.execute(db);
  return new Map(rows.map((r) => [r.city, r.n]));
}

/** Rehabilitation clients by residence city with an intake in the range; null without registry. */
export async function rehabClientsByCity(db: Kysely<Database>, from: string, to: string) {
  if (!(await tableExists(db, "rehab_episodes"))) return null;
  const { rows } = await sql<{ city: string; n: number }>`
    select substr(c.residence_kelurahan_code, 1, 5) as city, count(distinct c.id)::int as n
    from rehab_episodes e join rehab_clients c on c.id = e.client_id
    where c.erased_at is null and c.residence_kelurahan_code like '31.%'
      and e.intake_date >= ${from} and e.intake_date <= ${to}
    group by 1`.execute(db);
  return new Map(rows.map((r) => [r.city, r.n]));
}

/** P4GN activities held per city in the range; null without the programmes register. */
export async function activitiesByCity(db: Kysely<Database>, from: string, to: string) {
  if (!(await tableExists(db, "activities"))) return null;
  const { rows } = await sql<{ city: string; n: number; reached: number }>`
    select substr(area_code, 1, 5) as city, count(*)::int as n,
           coalesce(sum(participants_total), 0)::int as reached
    from activities
    where area_code like '31.%' and held_on >= ${from} and held_on <= ${to}
    group by 1`.execute(db);
  return new Map(rows.map((r) => [r.city, { activities: r.n, participants: r.reached }]));
}
