/**
 * Incidents: validated and located on write (kelurahan by point-in-polygon, H3 cells),
 * imported all-or-nothing and idempotently by external reference, read within the person's
 * scope. No personal data is accepted anywhere.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { allowedActions, inScope } from "../../../domain/access/roles";
import {
  type IncidentContext,
  type IncidentProblem,
  type IncidentRecord,
  parseIncident,
  parseIncidentRows,
} from "../../../domain/incidents/rows";
import type { AreaGeometry } from "../../../domain/spatial/geometry";
import { createLocator } from "../../../domain/spatial/locate";
import type { AuthedContext, RequestContext } from "../../context";
import { AppError } from "../../errors";
import { dateText, todayInJakarta } from "../../time";
import { recordAudit } from "../audit/audit.service";
import { bumpDataVersion, cachedDerived } from "../derived-cache";
import { readTable } from "../risk/risk-files.service";
import { filtered, type IncidentFilter, toRow, upsertByReference } from "./incidents.repository";

export type IncidentFileFormat = "csv" | "xlsx" | "geojson";
/** Rows per INSERT: 19 parameters each stays under PostgreSQL's 65,535 parameter limit. */
const BATCH = 2000;

/** Validation context (types, kelurahan, locator), built once per database: reference data. */
const contexts = new WeakMap<Kysely<Database>, Promise<IncidentContext>>();
export function contextFor(db: Kysely<Database>): Promise<IncidentContext> {
  let context = contexts.get(db);
  if (!context) {
    context = (async () => {
      const types = await db
        .selectFrom("incident_types")
        .select("code")
        .where("active", "=", true)
        .execute();
      const areas = await db
        .selectFrom("areas")
        .select(["code", "geometry"])
        .where("level", "=", "kelurahan")
        .execute();
      const locator = createLocator(
        areas.map((a) => ({ code: a.code, geometry: a.geometry as unknown as AreaGeometry })),
      );
      return {
        types: new Set(types.map((t) => t.code)),
        kelurahan: new Set(areas.map((a) => a.code)),
        locate: (p) => locator.locate(p),
      };
    })();
    contexts.set(db, context);
  }
  return context;
}

/** Today in Jakarta, YYYY-MM-DD: incidents cannot be in the future. */

/** Rows of a GeoJSON file: point geometry to lon/lat, properties as columns. */
function geojsonTable(file: Buffer): { header: string[]; rows: Record<string, unknown>[] } {
  let data: { type?: unknown; features?: unknown };
  try {
    data = JSON.parse(file.toString("utf8"));
  } catch {
    throw new AppError("UNSUPPORTED_FILE", 400, "The file is not JSON.");
  }
  if (data?.type !== "FeatureCollection" || !Array.isArray(data.features)) {
    throw new AppError("UNSUPPORTED_FILE", 400, "The file is not a GeoJSON FeatureCollection.");
  }
  const header = new Set<string>(["lon", "lat"]);
  const rows = (
    data.features as Array<{
      geometry?: { type?: string; coordinates?: unknown[] };
      properties?: Record<string, unknown>;
    }>
  ).map((f) => {
    const props = f?.properties ?? {};
    for (const key of Object.keys(props)) header.add(key);
    const point = f?.geometry?.type === "Point" ? f.geometry.coordinates : undefined;
    return { ...props, lon: point?.[0] ?? props.lon ?? "", lat: point?.[1] ?? props.lat ?? "" };
  });
  return { header: [...header], rows };
}

export class IncidentsService {
  constructor(private readonly db: Kysely<Database>) {}

  private toIncident(ctx: AuthedContext, r: Record<string, unknown>) {
    return {
      id: String(r.id),
      externalRef: (r.external_ref as string | null) ?? null,
      occurredOn: dateText(r.occurred_on),
      occurredTime: (r.occurred_time as string | null) ?? null,
      type: String(r.type_code),
      lon: (r.lon as number | null) ?? null,
      lat: (r.lat as number | null) ?? null,
      precision: String(r.precision),
      kelurahanCode: String(r.kelurahan_code),
      persons: Number(r.persons),
      arrests: Number(r.arrests),
      substance: String(r.substance),
      quantity: (r.quantity as number | null) ?? null,
      unit: (r.unit as string | null) ?? null,
      source: String(r.source),
      sourceRef: String(r.source_ref),
      notes: String(r.notes),
      actions: allowedActions(ctx.user.role, "incident"),
    };
  }

  async types() {
    return (await this.db.selectFrom("incident_types").selectAll().orderBy("code").execute()).map(
      (t) => ({ code: t.code, name: t.name, nameEn: t.name_en, active: t.active }),
    );
  }

  async list(
    ctx: AuthedContext,
    filter: Omit<IncidentFilter, "scope">,
    page: number,
    pageSize: number,
  ) {
    const q = filtered(this.db, { ...filter, scope: ctx.user.scope });
    const total = await q
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await q
      .selectAll("i")
      .orderBy("i.occurred_on", "desc")
      .orderBy("i.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: rows.map((r) => this.toIncident(ctx, r)),
      total: Number(total.n),
      page,
      pageSize,
    };
  }

  async get(ctx: AuthedContext, id: string) {
    const row = await filtered(this.db, { scope: ctx.user.scope })
      .selectAll("i")
      .where("i.id", "=", id)
      .executeTakeFirst();
    if (!row) throw new AppError("INCIDENT_NOT_FOUND", 404, "No such incident.");
    return this.toIncident(ctx, row);
  }

  private async validate(
    ctx: AuthedContext,
    raw: Record<string, unknown>,
  ): Promise<IncidentRecord> {
    const { record, problems } = parseIncident(raw, 1, await contextFor(this.db), todayInJakarta());
    if (!record)
      throw new AppError(
        "VALIDATION_FAILED",
        400,
        "The incident is not valid.",
        problems.map((p) => ({ field: p.column, problem: p.code })),
      );
    if (!inScope(ctx.user.scope, record.kelurahanCode))
      throw new AppError("SCOPE_VIOLATION", 403, "That place is outside your scope.");
    return record;
  }

  async create(ctx: AuthedContext, raw: Record<string, unknown>) {
    const record = await this.validate(ctx, raw);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("incidents")
        .values(toRow(record, ctx.user.id))
        .returning("id")
        .executeTakeFirstOrThrow();
      await bumpDataVersion(trx, "incidents");
      await recordAudit(trx, ctx, {
        action: "incident.create",
        resource: "incident",
        recordId: id,
        changedFields: Object.keys(raw),
      });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedContext, id: string, raw: Record<string, unknown>) {
    const current = await this.get(ctx, id);
    const merged = {
      external_ref: current.externalRef ?? "",
      date: current.occurredOn,
      time: current.occurredTime ?? "",
      type: current.type,
      lon: current.lon ?? "",
      lat: current.lat ?? "",
      kelurahan_code: current.lon === null ? current.kelurahanCode : "",
      precision: current.precision,
      persons: current.persons,
      arrests: current.arrests,
      substance: current.substance,
      quantity: current.quantity ?? "",
      unit: current.unit ?? "",
      source: current.source,
      source_ref: current.sourceRef,
      notes: current.notes,
      ...raw,
    };
    const record = await this.validate(ctx, merged);
    await this.db.transaction().execute(async (trx) => {
      const { created_by: _createdBy, ...values } = toRow(record, ctx.user.id);
      await trx
        .updateTable("incidents")
        .set({ ...values, updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
      await bumpDataVersion(trx, "incidents");
      await recordAudit(trx, ctx, {
        action: "incident.update",
        resource: "incident",
        recordId: id,
        changedFields: Object.keys(raw),
      });
    });
    return this.get(ctx, id);
  }

  /** Dry run (default) or commit a file; nothing is written unless every row is valid. */
  import(ctx: AuthedContext, file: Buffer, format: IncidentFileFormat, dryRun: boolean) {
    return importIncidents(
      this.db,
      ctx,
      { id: ctx.user.id, scope: ctx.user.scope },
      file,
      format,
      dryRun,
    );
  }

  /** Counts per kelurahan (or H3 cell at resolution 9) for the filter. */
  async aggregate(
    ctx: AuthedContext,
    filter: Omit<IncidentFilter, "scope">,
    by: "kelurahan" | "h3",
  ) {
    const column = by === "h3" ? "i.h3_r9" : "i.kelurahan_code";
    const key = JSON.stringify(["aggregate", ctx.user.scope, by, filter]);
    return cachedDerived(this.db, "incidents", key, async () => {
      const rows = await filtered(this.db, { ...filter, scope: ctx.user.scope })
        .select([
          sql<string>`${sql.ref(column)}`.as("key"),
          (eb) => eb.fn.countAll<string>().as("n"),
          (eb) => eb.fn.sum<string>("i.arrests").as("arrests"),
        ])
        .where(sql.ref(column), "is not", null)
        .groupBy(sql.ref(column))
        .orderBy("key")
        .execute();
      return rows.map((r) => ({
        key: r.key,
        incidents: Number(r.n),
        arrests: Number(r.arrests ?? 0),
      }));
    });
  }
}

/**
 * Validate a whole file, then write it in one transaction (rolled back for a dry run), by
 * external reference. `actor` is the person (or null for the command line) and the scope
 * every row must lie in; `onProgress` hears about each written batch.
 */
export async function importIncidents(
  db: Kysely<Database>,
  ctx: RequestContext,
  actor: { id: string | null; scope: string },
  file: Buffer,
  format: IncidentFileFormat,
  dryRun: boolean,
  /** May return a promise, awaited before the next batch (e.g. to let progress reach a client). */
  onProgress?: (done: number, total: number) => void | Promise<void>,
) {
  const table = format === "geojson" ? geojsonTable(file) : await readTable(file, format);
  const parsed = parseIncidentRows(
    table.header,
    table.rows,
    await contextFor(db),
    todayInJakarta(),
  );
  const problems: IncidentProblem[] = [...parsed.problems];
  parsed.records.forEach((r) => {
    if (!r.externalRef)
      problems.push({ row: r.row, column: "external_ref", code: "MISSING_VALUE" });
    else if (!inScope(actor.scope, r.kelurahanCode))
      problems.push({ row: r.row, column: "kelurahan_code", code: "OUT_OF_SCOPE" });
  });
  const report = {
    valid: problems.length === 0,
    committed: false,
    rows: parsed.records.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems,
  };
  if (!report.valid) {
    if (dryRun) return report;
    throw new AppError("IMPORT_INVALID", 400, "The file has problems; nothing was imported.", {
      problems,
    });
  }
  const rollback = new Error("dry run");
  try {
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < parsed.records.length; start += BATCH) {
        const batch = parsed.records.slice(start, start + BATCH);
        const written = await upsertByReference(
          trx,
          batch.map((r) => toRow(r, actor.id)),
        );
        report.created += written.inserted;
        report.updated += written.updated;
        report.unchanged += batch.length - written.inserted - written.updated;
        await onProgress?.(Math.min(parsed.records.length, start + BATCH), parsed.records.length);
      }
      if (dryRun) throw rollback;
      await bumpDataVersion(trx, "incidents");
      await recordAudit(trx, ctx, {
        action: "incident.import",
        resource: "incident",
        changedFields: ["created", "updated"],
      });
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  report.committed = !dryRun;
  return report;
}
