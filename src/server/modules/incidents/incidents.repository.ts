/** Queries on incidents, always narrowed by an area scope. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { scopePrefix } from "../../../domain/access/roles";
import type { IncidentRecord } from "../../../domain/incidents/rows";

export interface IncidentFilter {
  scope: string;
  area?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  type?: string | undefined;
  source?: string | undefined;
}

export function filtered(db: Kysely<Database>, f: IncidentFilter) {
  let q = db
    .selectFrom("incidents as i")
    .where((eb) =>
      eb.or([
        eb("i.kelurahan_code", "=", f.scope),
        eb("i.kelurahan_code", "like", scopePrefix(f.scope)),
      ]),
    );
  if (f.area)
    q = q.where((eb) =>
      eb.or([
        eb("i.kelurahan_code", "=", f.area!),
        eb("i.kelurahan_code", "like", scopePrefix(f.area!)),
      ]),
    );
  if (f.from) q = q.where("i.occurred_on", ">=", f.from);
  if (f.to) q = q.where("i.occurred_on", "<=", f.to);
  if (f.type) q = q.where("i.type_code", "=", f.type);
  if (f.source) q = q.where("i.source", "=", f.source);
  return q;
}

export function toRow(r: IncidentRecord, userId: string | null) {
  return {
    external_ref: r.externalRef,
    occurred_on: r.occurredOn,
    occurred_time: r.occurredTime,
    type_code: r.type,
    lon: r.point?.[0] ?? null,
    lat: r.point?.[1] ?? null,
    precision: r.precision,
    kelurahan_code: r.kelurahanCode,
    h3_r7: r.h3?.[7] ?? null,
    h3_r9: r.h3?.[9] ?? null,
    h3_r11: r.h3?.[11] ?? null,
    persons: r.persons,
    arrests: r.arrests,
    substance: r.substance,
    quantity: r.quantity,
    unit: r.unit,
    source: r.source,
    source_ref: r.sourceRef,
    notes: r.notes,
    created_by: userId,
  };
}

const COMPARED = [
  "occurred_on",
  "occurred_time",
  "type_code",
  "lon",
  "lat",
  "precision",
  "kelurahan_code",
  "persons",
  "arrests",
  "substance",
  "quantity",
  "unit",
  "source",
  "source_ref",
  "notes",
] as const;

const WRITTEN = [...COMPARED, "external_ref", "h3_r7", "h3_r9", "h3_r11", "created_by"] as const;

/**
 * Insert or update rows identified by their external reference; a row whose values did not
 * change is not written. Returns how many rows were inserted and how many updated.
 *
 * The batch travels as ONE JSON parameter that the server unpacks with
 * `json_populate_recordset`: parsing JSON in PostgreSQL's C code is far cheaper than binding
 * tens of thousands of query parameters, on PGlite and on a PostgreSQL server alike.
 */
export async function upsertByReference(
  trx: Kysely<Database>,
  rows: ReturnType<typeof toRow>[],
): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const columns = sql.raw(WRITTEN.join(", "));
  const changed = sql.raw(
    COMPARED.map((c) => `incidents.${c} is distinct from excluded.${c}`).join(" or "),
  );
  const assignments = sql.raw(
    [...COMPARED, "h3_r7", "h3_r9", "h3_r11"].map((c) => `${c} = excluded.${c}`).join(", "),
  );
  const written = await sql<{ inserted: boolean }>`
    insert into incidents (${columns})
    select ${columns} from json_populate_recordset(null::incidents, ${JSON.stringify(rows)}::json)
    on conflict (external_ref) do update set ${assignments}, updated_at = now()
    where ${changed}
    returning (xmax = 0) as inserted`.execute(trx);
  // xmax = 0 marks a row version made by an insert, not by the update branch.
  const inserted = written.rows.filter((r) => r.inserted).length;
  return { inserted, updated: written.rows.length - inserted };
}
