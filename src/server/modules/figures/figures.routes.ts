/** HTTP routes of the official figures register. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { recordAudit } from "../audit/audit.service";
import { datedFilename, sendTable } from "../exports";
import { errorResponses, uuidParam } from "../shared.schema";
import {
  disagreementQuery,
  disagreements,
  figureDetail,
  figureInput,
  figurePage,
  figurePatch,
  figureQuery,
  headline,
  headlineQuery,
  indicator,
  indicatorInput,
  indicatorParam,
} from "./figures.schema";
import {
  disagreeingFigures,
  type Figure,
  FiguresService,
  headlineFigures,
  listFigureRows,
} from "./figures.service";

const tags = ["figures"];
const read = { access: { resource: "official_figure" as const, action: "read" as const } };

export const figuresRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new FiguresService(app.db);

  app.get(
    "/api/figures/indicators",
    { config: read, schema: { tags, response: { 200: indicator.array(), ...errorResponses } } },
    () => service.indicators(),
  );
  app.put(
    "/api/figures/indicators/:code",
    {
      config: { access: { resource: "official_figure", action: "update" } },
      schema: {
        tags,
        params: indicatorParam,
        body: indicatorInput,
        response: { 200: indicator, ...errorResponses },
      },
    },
    (request) => service.saveIndicator(authedContextOf(request), request.params.code, request.body),
  );
  app.get(
    "/api/figures",
    {
      config: read,
      schema: { tags, querystring: figureQuery, response: { 200: figurePage, ...errorResponses } },
    },
    async (request, reply) => {
      const { page, pageSize, format, ...filter } = request.query;
      const ctx = authedContextOf(request);
      if (format) {
        const rows = await listFigureRows(app.db, ctx.user.scope, filter);
        await app.db.transaction().execute((trx) =>
          recordAudit(trx, ctx, {
            action: "official_figure.export",
            resource: "official_figure",
          }),
        );
        return sendTable<Figure>(reply, {
          filename: datedFilename("angka-resmi"),
          format,
          columns: [
            { key: "indicator", header: "indicator" },
            { key: "label", header: "label" },
            { key: "value", header: "value", type: "number" },
            { key: "unit", header: "unit" },
            { key: "periodStart", header: "period_start", type: "date" },
            { key: "periodEnd", header: "period_end", type: "date" },
            { key: "periodLabel", header: "period_label" },
            { key: "areaCode", header: "area_code" },
            { key: "sourceOrganisation", header: "source_organisation" },
            { key: "citation", header: "citation" },
            { key: "link", header: "link" },
            { key: "publishedOn", header: "published_on", type: "date" },
            { key: "disagreeing", header: "other_values_same_period", type: "number" },
            { key: "notes", header: "notes" },
          ],
          rows,
        });
      }
      return service.list(ctx, filter, page, pageSize);
    },
  );
  app.get(
    "/api/figures/disagreements",
    {
      config: read,
      schema: {
        tags,
        querystring: disagreementQuery,
        response: { 200: disagreements, ...errorResponses },
      },
    },
    (request) => disagreeingFigures(app.db, authedContextOf(request).user.scope, request.query),
  );
  app.get(
    "/api/figures/headline",
    {
      config: read,
      schema: { tags, querystring: headlineQuery, response: { 200: headline, ...errorResponses } },
    },
    (request) => headlineFigures(app.db, authedContextOf(request).user.scope, request.query.area),
  );
  app.get(
    "/api/figures/:id",
    {
      config: read,
      schema: { tags, params: uuidParam, response: { 200: figureDetail, ...errorResponses } },
    },
    (request) => service.get(authedContextOf(request), request.params.id),
  );
  app.post(
    "/api/figures",
    {
      config: { access: { resource: "official_figure", action: "create" } },
      schema: { tags, body: figureInput, response: { 201: figureDetail, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return service.create(authedContextOf(request), request.body);
    },
  );
  app.patch(
    "/api/figures/:id",
    {
      config: { access: { resource: "official_figure", action: "update" } },
      schema: {
        tags,
        params: uuidParam,
        body: figurePatch,
        response: { 200: figureDetail, ...errorResponses },
      },
    },
    (request) => service.update(authedContextOf(request), request.params.id, request.body),
  );
};
