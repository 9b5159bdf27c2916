import { getJson } from "../../lib/http";

/** One entry of the hash-chained audit log. */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  resource: string;
  recordId: string | null;
  changedFields: string[];
  requestId: string | null;
  ip: string | null;
  hash: string;
}

/** The answer of `GET /api/audit-events/verify`. */
export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenAt?: string;
  reason?: "prev_hash" | "hash";
}

export function verifyChain(): Promise<ChainCheck> {
  return getJson<ChainCheck>("/api/audit-events/verify");
}

/** Actions the server records today (suggestions for the filter; any text is accepted). */
export const KNOWN_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.locked",
  "auth.logout",
  "user.create",
  "user.invite",
  "user.invitation_accept",
  "user.password_change",
  "user.update",
  "user.deactivate",
  "user.list",
  "user.read",
  "organisation.create",
  "organisation.update",
  "audit_event.list",
  "audit_event.verify",
] as const;

/** Resources that appear in the log. */
export const KNOWN_RESOURCES = ["session", "user", "organisation", "audit_event"] as const;
