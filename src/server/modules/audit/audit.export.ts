/** CSV/XLSX download of the audit log with the list's filters; the export is itself audited. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import {
  auditedExport,
  datedFilename,
  type ExportColumn,
  exportFormat,
  MAX_EXPORT_ROWS,
  sendTable,
} from "../exports";
import { errorResponses } from "../shared.schema";
import { findEvents } from "./audit.repository";
import { listAuditQuery } from "./audit.schema";

type Row = Awaited<ReturnType<typeof findEvents>>["rows"][number];

const COLUMNS: ExportColumn<Row>[] = [
  { key: "id", header: "No.", type: "number" },
  { key: "occurredAt", header: "Waktu (WIB)", type: "datetime" },
  { key: "actorName", header: "Pelaku" },
  { key: "actorEmail", header: "Email pelaku" },
  { key: "action", header: "Tindakan" },
  { key: "resource", header: "Sumber daya" },
  { key: "recordId", header: "Catatan" },
  { key: "changedFields", header: "Kolom berubah" },
  { key: "requestId", header: "Permintaan" },
  { key: "ip", header: "IP" },
  { key: "hash", header: "Hash" },
];

export const auditExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/audit-events/export",
    {
      config: { access: { resource: "audit_event", action: "read" } },
      schema: {
        tags: ["audit"],
        summary: "Download the audit log as CSV or XLSX (at most 100,000 events, newest first)",
        querystring: listAuditQuery
          .omit({ page: true, pageSize: true })
          .extend({ format: exportFormat }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { format, actor, from, to, ...rest } = request.query;
      const filter = {
        ...rest,
        actorUserId: actor,
        from: from ? new Date(`${from}T00:00:00+07:00`) : undefined,
        // `to` is inclusive: events before the next day starts in Jakarta.
        to: to ? new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000) : undefined,
      };
      const { rows } = await auditedExport(
        app.db,
        authedContextOf(request),
        { resource: "audit_event", format, filters: { ...rest, actor, from, to } },
        (trx) => findEvents(trx, filter, 1, MAX_EXPORT_ROWS),
      );
      return sendTable(reply, {
        filename: datedFilename("log-audit"),
        sheetName: "Log audit",
        columns: COLUMNS,
        rows,
        format,
      });
    },
  );
};
