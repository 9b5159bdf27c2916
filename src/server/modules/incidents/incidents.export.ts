/**
 * CSV/XLSX download of the incidents list: same filters and scope as the list, audited. The
 * columns are the import columns, so an exported file can be corrected and imported again.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
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
import { filterQuery } from "./incidents.schema";
import { IncidentsService } from "./incidents.service";

type Incident = Awaited<ReturnType<IncidentsService["list"]>>["items"][number];

const COLUMNS: ExportColumn<Incident>[] = [
  { key: "externalRef", header: "external_ref" },
  { key: "occurredOn", header: "date", type: "date" },
  { key: "occurredTime", header: "time" },
  { key: "type", header: "type" },
  { key: "lon", header: "lon", type: "number" },
  { key: "lat", header: "lat", type: "number" },
  { key: "kelurahanCode", header: "kelurahan_code" },
  { key: "precision", header: "precision" },
  { key: "persons", header: "persons", type: "number" },
  { key: "arrests", header: "arrests", type: "number" },
  { key: "substance", header: "substance" },
  { key: "quantity", header: "quantity", type: "number" },
  { key: "unit", header: "unit" },
  { key: "source", header: "source" },
  { key: "sourceRef", header: "source_ref" },
  { key: "notes", header: "notes" },
];

export const incidentsExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/incidents/export",
    {
      config: { access: { resource: "incident", action: "read" } },
      schema: {
        tags: ["incidents"],
        summary: "Download the incidents in scope as CSV or XLSX (import columns)",
        querystring: z.object({ ...filterQuery, format: exportFormat }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const ctx = authedContextOf(request);
      const { format, ...filter } = request.query;
      const { items } = await auditedExport(
        app.db,
        ctx,
        { resource: "incident", format, filters: filter },
        (trx) => new IncidentsService(trx).list(ctx, filter, 1, MAX_EXPORT_ROWS),
      );
      return sendTable(reply, {
        filename: datedFilename("kejadian"),
        sheetName: "Kejadian",
        columns: COLUMNS,
        rows: items,
        format,
      });
    },
  );
};
