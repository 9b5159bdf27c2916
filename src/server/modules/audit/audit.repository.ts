/** Append and read audit events. Appends are serialised by a transaction-scoped lock. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import {
  type AuditEventContent,
  eventHash,
  GENESIS_HASH,
  type StoredAuditEvent,
} from "../../../domain/audit/chain";

/** Arbitrary constant key of the advisory lock that orders appends. */
const AUDIT_LOCK_KEY = 7_316_001;

export type NewAuditEvent = Omit<AuditEventContent, "id" | "occurredAt">;

/**
 * Append one event inside the caller's transaction, after taking the chain lock so the
 * previous hash and next id are read by one writer at a time (even across servers).
 */
export async function appendEvent(
  trx: Kysely<Database>,
  input: NewAuditEvent,
): Promise<StoredAuditEvent> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom("audit_events")
    .select(["id", "hash"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const content: AuditEventContent = {
    ...input,
    id: String(last ? BigInt(last.id) + 1n : 1n),
    occurredAt: new Date().toISOString(),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = eventHash(content, prevHash);
  await trx
    .insertInto("audit_events")
    .values({
      id: content.id,
      occurred_at: content.occurredAt,
      actor_user_id: content.actorUserId,
      action: content.action,
      resource: content.resource,
      record_id: content.recordId,
      changed_fields: [...content.changedFields],
      request_id: content.requestId,
      ip: content.ip,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return { ...content, prevHash, hash };
}

type AuditRow = {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  action: string;
  resource: string;
  record_id: string | null;
  changed_fields: string[];
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
};

export function toStoredEvent(row: AuditRow): StoredAuditEvent {
  return {
    id: String(row.id),
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorUserId: row.actor_user_id,
    action: row.action,
    resource: row.resource,
    recordId: row.record_id,
    changedFields: row.changed_fields,
    requestId: row.request_id,
    ip: row.ip,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Events in chain order, a page at a time, after `afterId`. */
export async function eventsAfter(db: Kysely<Database>, afterId: string, limit: number) {
  const rows = await db
    .selectFrom("audit_events")
    .selectAll()
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => toStoredEvent(r as AuditRow));
}

export interface AuditFilter {
  actorUserId?: string | undefined;
  action?: string | undefined;
  resource?: string | undefined;
  recordId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** A page of events, newest first, with the actor's name and e-mail. */
export async function findEvents(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: number,
  pageSize: number,
) {
  let query = db.selectFrom("audit_events as e").leftJoin("users as u", "u.id", "e.actor_user_id");
  if (filter.actorUserId) query = query.where("e.actor_user_id", "=", filter.actorUserId);
  if (filter.action) query = query.where("e.action", "=", filter.action);
  if (filter.resource) query = query.where("e.resource", "=", filter.resource);
  if (filter.recordId) query = query.where("e.record_id", "=", filter.recordId);
  if (filter.from) query = query.where("e.occurred_at", ">=", filter.from as never);
  if (filter.to) query = query.where("e.occurred_at", "<", filter.to as never);
  const total = await query
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .selectAll("e")
    .select(["u.name as actor_name", "u.email as actor_email"])
    .orderBy("e.id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      ...toStoredEvent(r as unknown as AuditRow),
      actorName: r.actor_name,
      actorEmail: r.actor_email,
    })),
  };
}
