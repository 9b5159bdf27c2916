/** HTTP routes for reports: the briefing PDF, the BNNK brief (PDF) and its table (CSV/XLSX). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { datedFilename, sendFile, sendTable } from "../exports";
import { errorResponses } from "../shared.schema";
import { bnnkColumns } from "./bnnk.pdf";
import { bnnkQuery, bnnkTableQuery, briefingQuery, defaultBnnkYear } from "./reports.schema";
import { ReportsService } from "./reports.service";

const PDF = "application/pdf";

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new ReportsService(app.db);
  const tags = ["reports"];

  app.get(
    "/api/reports/briefing",
    {
      config: { access: { resource: "report", action: "read" } },
      schema: {
        tags,
        summary: "Briefing PDF for a coordination meeting (a city, kecamatan or kelurahan)",
        querystring: briefingQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { area } = request.query;
      const { pdf } = await service.briefing(authedContextOf(request), area);
      return sendFile(reply, pdf, {
        filename: datedFilename(`bahan-rapat-${area}`),
        extension: "pdf",
        contentType: PDF,
      });
    },
  );

  app.get(
    "/api/reports/bnnk",
    {
      config: { access: { resource: "report", action: "read" } },
      schema: {
        tags,
        summary: "BNNK formation brief (PDF): Jakarta Barat against the other cities of DKI",
        querystring: bnnkQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const year = request.query.year ?? defaultBnnkYear();
      const { pdf } = await service.bnnk(authedContextOf(request), year);
      return sendFile(reply, pdf, {
        filename: datedFilename(`kajian-bnnk-jakarta-barat-${year}`),
        extension: "pdf",
        contentType: PDF,
      });
    },
  );

  app.get(
    "/api/reports/bnnk/table",
    {
      config: { access: { resource: "report", action: "export" } },
      schema: {
        tags,
        summary: "The BNNK comparison table as CSV or XLSX",
        querystring: bnnkTableQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const year = request.query.year ?? defaultBnnkYear();
      const { format } = request.query;
      const data = await service.bnnkTable(authedContextOf(request), year, format);
      return sendTable(reply, {
        filename: `perbandingan-kota-dki-${year}`,
        sheetName: `Perbandingan ${year}`,
        columns: bnnkColumns(year),
        rows: data.rows,
        format,
      });
    },
  );
};
