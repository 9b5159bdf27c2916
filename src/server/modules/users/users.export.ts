/**
 * CSV/XLSX download of the people list: same filters and scope as the list, audited. No
 * password data: only whether the invitation was accepted.
 */
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
import { findUsers } from "./users.repository";
import { listUsersQuery } from "./users.schema";

type Row = Awaited<ReturnType<typeof findUsers>>["rows"][number];

const COLUMNS: ExportColumn<Row>[] = [
  { key: "name", header: "Nama" },
  { key: "email", header: "Email" },
  { key: "role", header: "Peran" },
  { key: "scope_area_code", header: "Kode wilayah tugas" },
  { key: "scope_name", header: "Wilayah tugas" },
  { key: "organisation_name", header: "Organisasi" },
  { key: "active", header: "Aktif", type: "boolean" },
  { key: "has_password", header: "Undangan diterima", type: "boolean" },
  { key: "locked_until", header: "Terkunci sampai", type: "datetime" },
];

export const usersExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/users/export",
    {
      config: { access: { resource: "user", action: "read" } },
      schema: {
        tags: ["users"],
        summary: "Download the people in scope as CSV or XLSX (audited)",
        querystring: listUsersQuery
          .omit({ page: true, pageSize: true })
          .extend({ format: exportFormat }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const ctx = authedContextOf(request);
      const { format, active, ...filter } = request.query;
      const activeFlag = active === undefined ? undefined : active === "true";
      const { rows } = await auditedExport(
        app.db,
        ctx,
        { resource: "user", format, filters: { ...filter, active } },
        (trx) =>
          findUsers(
            trx,
            { ...filter, active: activeFlag, scope: ctx.user.scope },
            1,
            MAX_EXPORT_ROWS,
          ),
      );
      return sendTable(reply, {
        filename: datedFilename("pengguna"),
        sheetName: "Pengguna",
        columns: COLUMNS,
        rows,
        format,
      });
    },
  );
};
