import { z } from "zod";
import { pageOf, pageQuery } from "../shared.schema";

export const auditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  resource: z.string(),
  recordId: z.string().nullable(),
  changedFields: z.array(z.string()).readonly(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

export const listAuditQuery = z.object({
  actor: z.uuid().optional(),
  action: z.string().max(100).optional(),
  resource: z.string().max(100).optional(),
  recordId: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  ...pageQuery,
});

export const auditPage = pageOf(auditEvent);

export const verifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.string().optional(),
  reason: z.enum(["prev_hash", "hash"]).optional(),
});
