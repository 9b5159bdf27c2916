/** HTTP routes for the audit log: list with filters, and chain verification. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { errorResponses } from "../shared.schema";
import { auditPage, listAuditQuery, verifyResponse } from "./audit.schema";
import { AuditService } from "./audit.service";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new AuditService(app.db);

  app.get(
    "/api/audit-events",
    {
      config: { access: { resource: "audit_event", action: "read" } },
      schema: {
        tags: ["audit"],
        querystring: listAuditQuery,
        response: { 200: auditPage, ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, actor, from, to, ...rest } = request.query;
      const filter = {
        ...rest,
        actorUserId: actor,
        from: from ? new Date(`${from}T00:00:00+07:00`) : undefined,
        // `to` is inclusive: events before the next day starts in Jakarta.
        to: to ? new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000) : undefined,
      };
      const { total, rows } = await service.list(authedContextOf(request), filter, page, pageSize);
      return { items: rows, total, page, pageSize };
    },
  );

  app.get(
    "/api/audit-events/verify",
    {
      config: { access: { resource: "audit_event", action: "verify" } },
      schema: {
        tags: ["audit"],
        summary: "Check the hash chain",
        response: { 200: verifyResponse, ...errorResponses },
      },
    },
    async (request) => service.verify(authedContextOf(request)),
  );
};
