/**
 * The audit log. Other services call {@link AuditService.record} inside their own
 * transaction, so an event exists exactly when its change does.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { type ChainVerdict, GENESIS_HASH, verifyChain } from "../../../domain/audit/chain";
import type { RequestContext } from "../../context";
import { type AuditFilter, appendEvent, eventsAfter, findEvents } from "./audit.repository";

export interface AuditEntry {
  action: string;
  resource: string;
  recordId?: string | null | undefined;
  /** Names of changed fields only: never their values. */
  changedFields?: readonly string[] | undefined;
  /** Acting person when not the context's user (e.g. a failed sign-in has none). */
  actorUserId?: string | null | undefined;
}

/** Append an event in the given transaction. */
export function recordAudit(trx: Kysely<Database>, ctx: RequestContext, entry: AuditEntry) {
  return appendEvent(trx, {
    actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : (ctx.user?.id ?? null),
    action: entry.action,
    resource: entry.resource,
    recordId: entry.recordId ?? null,
    changedFields: entry.changedFields ?? [],
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

/** Walk the whole chain in pages; names the first broken event. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  pageSize = 5000,
): Promise<ChainVerdict> {
  let state = { prevHash: GENESIS_HASH, checked: 0 };
  let afterId = "0";
  for (;;) {
    const page = await eventsAfter(db, afterId, pageSize);
    if (page.length === 0) return { ok: true, checked: state.checked };
    const verdict = verifyChain(page, state);
    if (!verdict.ok)
      return {
        ok: false,
        checked: verdict.checked,
        brokenAt: verdict.brokenAt,
        reason: verdict.reason,
      };
    state = { prevHash: verdict.lastHash, checked: verdict.checked };
    afterId = page[page.length - 1]!.id;
  }
}

/** Read access to the log, itself audited. */
export class AuditService {
  constructor(private readonly db: Kysely<Database>) {}

  async list(ctx: RequestContext, filter: AuditFilter, page: number, pageSize: number) {
    return this.db.transaction().execute(async (trx) => {
      const result = await findEvents(trx, filter, page, pageSize);
      await recordAudit(trx, ctx, { action: "audit_event.list", resource: "audit_event" });
      return result;
    });
  }

  async verify(ctx: RequestContext) {
    const verdict = await verifyAuditChain(this.db);
    await this.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, ctx, { action: "audit_event.verify", resource: "audit_event" }),
      );
    return verdict;
  }
}
