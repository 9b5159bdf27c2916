/**
 * The audit log's hash chain. Each event stores the hash of the previous one and its own
 * hash over a canonical text of its fields, so altering, removing or reordering any stored
 * event breaks every hash after it.
 */
import { createHash } from "node:crypto";

export interface AuditEventContent {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  resource: string;
  recordId: string | null;
  changedFields: readonly string[];
  requestId: string | null;
  ip: string | null;
}

export const GENESIS_HASH = "0".repeat(64);

/** Canonical, order-fixed text of an event and the previous hash. */
export function canonicalEvent(event: AuditEventContent, prevHash: string): string {
  return JSON.stringify([
    prevHash,
    event.id,
    event.occurredAt,
    event.actorUserId,
    event.action,
    event.resource,
    event.recordId,
    [...event.changedFields],
    event.requestId,
    event.ip,
  ]);
}

/** SHA-256 of the canonical text, hex. */
export function eventHash(event: AuditEventContent, prevHash: string): string {
  return createHash("sha256").update(canonicalEvent(event, prevHash)).digest("hex");
}

export interface StoredAuditEvent extends AuditEventContent {
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: string; reason: "prev_hash" | "hash" };

/**
 * Check events given in chain order (ascending id), optionally continuing after `prevHash`.
 * Names the first event whose link or content does not match.
 */
export function verifyChain(
  events: Iterable<StoredAuditEvent>,
  start: { prevHash: string; checked: number } = { prevHash: GENESIS_HASH, checked: 0 },
): ChainVerdict & { lastHash: string } {
  let prev = start.prevHash;
  let checked = start.checked;
  for (const event of events) {
    if (event.prevHash !== prev) {
      return { ok: false, checked, brokenAt: event.id, reason: "prev_hash", lastHash: prev };
    }
    if (eventHash(event, prev) !== event.hash) {
      return { ok: false, checked, brokenAt: event.id, reason: "hash", lastHash: prev };
    }
    prev = event.hash;
    checked += 1;
  }
  return { ok: true, checked, lastHash: prev };
}
