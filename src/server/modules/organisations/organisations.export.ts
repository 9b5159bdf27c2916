/** CSV/XLSX download of the organisations list: the same filters and scope as the list. */
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
import { findOrganisations } from "./organisations.repository";
import { listOrganisationsQuery } from "./organisations.schema";

type Row = Awaited<ReturnType<typeof findOrganisations>>["rows"][number];

const COLUMNS: ExportColumn<Row>[] = [
  { key: "name", header: "Nama" },
  { key: "type", header: "Jenis" },
  { key: "area_code", header: "Kode wilayah" },
  { key: "area_name", header: "Wilayah" },
  { key: "active", header: "Aktif", type: "boolean" },
];

export const organisationsExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/organisations/export",
    {
      config: { access: { resource: "organisation", action: "read" } },
      schema: {
        tags: ["organisations"],
        summary: "Download the organisations in scope as CSV or XLSX",
        querystring: listOrganisationsQuery
          .omit({ page: true, pageSize: true })
          .extend({ format: exportFormat }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const ctx = authedContextOf(request);
      const { format, ...filter } = request.query;
      const { rows } = await auditedExport(
        app.db,
        ctx,
        { resource: "organisation", format, filters: filter },
        (trx) => findOrganisations(trx, { scope: ctx.user.scope, ...filter }, 1, MAX_EXPORT_ROWS),
      );
      return sendTable(reply, {
        filename: datedFilename("organisasi"),
        sheetName: "Organisasi",
        columns: COLUMNS,
        rows,
        format,
      });
    },
  );
};
