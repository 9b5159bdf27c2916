/** Queries on the official figures register, always narrowed to figures the person may read. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { overlapsScope, withinArea } from "../custody/custody.repository";

export interface FigureFilter {
  indicator?: string | undefined;
  area?: string | undefined;
  /** Exact area (e.g. DKI figures only), rather than the area and what lies inside it. */
  exactArea?: string | undefined;
  /** Periods overlapping [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

/**
 * Figures whose area overlaps the scope: a figure about DKI (31) is read by a person scoped to
 * Jakarta Barat (31.73), one about Jakarta Pusat (31.71) is not.
 */
export function visibleFigures(db: Kysely<Database>, scope: string, f: FigureFilter = {}) {
  let q = db
    .selectFrom("official_figures as f")
    .innerJoin("official_figure_indicators as i", "i.code", "f.indicator_code")
    .leftJoin("areas as a", "a.code", "f.area_code")
    .leftJoin("users as u", "u.id", "f.entered_by")
    .where(overlapsScope("f.area_code", scope));
  if (f.indicator) q = q.where("f.indicator_code", "=", f.indicator);
  if (f.area) q = q.where(withinArea("f.area_code", f.area));
  if (f.exactArea) q = q.where("f.area_code", "=", f.exactArea);
  if (f.from) q = q.where(sql<boolean>`coalesce(f.period_end, f.period_start) >= ${f.from}`);
  if (f.to) q = q.where(sql<boolean>`coalesce(f.period_start, f.period_end) <= ${f.to}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb("f.label", "ilike", like),
        eb("f.source_organisation", "ilike", like),
        eb("f.citation", "ilike", like),
        eb("f.period_label", "ilike", like),
      ]),
    );
  }
  return q;
}

/** The columns a figure is shown with, including how many same-key figures disagree. */
export function figureColumns(db: Kysely<Database>, scope: string, f: FigureFilter = {}) {
  return visibleFigures(db, scope, f).select([
    "f.id",
    "f.indicator_code",
    "i.name as indicator_name",
    "i.name_en as indicator_name_en",
    "f.label",
    "f.value",
    "f.unit",
    "f.period_start",
    "f.period_end",
    "f.period_label",
    "f.area_code",
    "a.name as area_name",
    "f.source_organisation",
    "f.citation",
    "f.link",
    "f.published_on",
    "f.notes",
    "u.name as entered_by_name",
    sql<string>`(select count(*) from official_figures o
      where o.indicator_code = f.indicator_code and o.area_code = f.area_code
        and o.period_start is not distinct from f.period_start
        and o.period_end is not distinct from f.period_end
        and (f.period_end is not null or o.period_label = f.period_label)
        and o.value <> f.value)`.as("disagreeing"),
  ]);
}

export type FigureRow = Awaited<
  ReturnType<ReturnType<typeof figureColumns>["executeTakeFirstOrThrow"]>
>;
