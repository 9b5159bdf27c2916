/** CSV/XLSX download of named locations: same filters and scope as the list, audited. */
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
import type { NamedLocation } from "./locations.schema";
import { listLocationsQuery } from "./locations.schema";
import { LocationsService } from "./locations.service";

const COLUMNS: ExportColumn<NamedLocation>[] = [
  { key: "kelurahanCode", header: "Kode kelurahan" },
  { key: "kelurahanName", header: "Kelurahan" },
  { key: "name", header: "Nama lokasi" },
  { key: "aliases", header: "Nama lain" },
  { key: "rw", header: "RW" },
  { key: "rt", header: "RT" },
  {
    key: "geometry",
    header: "Geometri",
    value: (l) => (l.geometry ? l.geometry.type : ""),
  },
  { key: "notes", header: "Catatan" },
];

export const locationsExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/named-locations/export",
    {
      config: { access: { resource: "named_location", action: "read" } },
      schema: {
        tags: ["named locations"],
        summary: "Download the named locations in scope as CSV or XLSX",
        querystring: listLocationsQuery
          .omit({ page: true, pageSize: true })
          .extend({ format: exportFormat }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const ctx = authedContextOf(request);
      const { format, ...filter } = request.query;
      const { items } = await auditedExport(
        app.db,
        ctx,
        { resource: "named_location", format, filters: filter },
        (trx) => new LocationsService(trx).list(ctx, filter, 1, MAX_EXPORT_ROWS),
      );
      return sendTable(reply, {
        filename: datedFilename("lokasi"),
        sheetName: "Lokasi",
        columns: COLUMNS,
        rows: items,
        format,
      });
    },
  );
};
