/** HTTP routes of the incident registry and its analysis. */
import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { AppError } from "../../errors";
import { acceptFileBodies } from "../files";
import { errorResponses, uuidParam } from "../shared.schema";
import {
  aggregateQuery,
  aggregateResponse,
  clustersQuery,
  clustersResponse,
  densityQuery,
  densityResponse,
  hotspotQuery,
  hotspotResponse,
  incident,
  incidentImportQuery,
  incidentImportResponse,
  incidentInput,
  incidentPage,
  incidentTypes,
  listIncidentsQuery,
  trendsQuery,
  trendsResponse,
} from "./incidents.schema";
import { IncidentsService, importIncidents } from "./incidents.service";
import { IncidentsAnalysisService } from "./incidents-analysis.service";
import { IncidentsMapService } from "./incidents-map.service";

const tags = ["incidents"];
const read = { access: { resource: "incident" as const, action: "read" as const } };

export const incidentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new IncidentsService(app.db);
  const analysis = new IncidentsAnalysisService(app.db);
  const map = new IncidentsMapService(app.db);
  acceptFileBodies(app, 50 * 1_048_576);

  app.get(
    "/api/incidents/types",
    { config: read, schema: { tags, response: { 200: incidentTypes, ...errorResponses } } },
    () => service.types(),
  );
  app.get(
    "/api/incidents",
    {
      config: read,
      schema: {
        tags,
        querystring: listIncidentsQuery,
        response: { 200: incidentPage, ...errorResponses },
      },
    },
    (request) => {
      const { page, pageSize, ...filter } = request.query;
      return service.list(authedContextOf(request), filter, page, pageSize);
    },
  );
  app.get(
    "/api/incidents/:id",
    {
      config: read,
      schema: { tags, params: uuidParam, response: { 200: incident, ...errorResponses } },
    },
    (request) => service.get(authedContextOf(request), request.params.id),
  );
  app.post(
    "/api/incidents",
    {
      config: { access: { resource: "incident", action: "create" } },
      schema: { tags, body: incidentInput, response: { 201: incident, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return service.create(authedContextOf(request), request.body);
    },
  );
  app.patch(
    "/api/incidents/:id",
    {
      config: { access: { resource: "incident", action: "update" } },
      schema: {
        tags,
        params: uuidParam,
        body: incidentInput,
        response: { 200: incident, ...errorResponses },
      },
    },
    (request) => service.update(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/incidents/import",
    {
      config: { access: { resource: "incident", action: "create" } },
      bodyLimit: 50 * 1_048_576,
      schema: {
        tags,
        summary: "Dry run (default) or commit a CSV, XLSX or GeoJSON file",
        querystring: incidentImportQuery,
        response: { 200: incidentImportResponse, ...errorResponses },
      },
    },
    (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0)
        throw new AppError("UNSUPPORTED_FILE", 400, "Send the file as the request body.");
      if (request.headers.accept?.includes("application/x-ndjson")) {
        // Progress for the browser: one JSON line per step, then the result (or the error).
        const ctx = authedContextOf(request);
        const stream = new PassThrough();
        const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
        line({ type: "progress", phase: "checking", done: 0, total: 0 });
        importIncidents(
          app.db,
          ctx,
          { id: ctx.user.id, scope: ctx.user.scope },
          request.body,
          request.query.format,
          request.query.dryRun === "true",
          (done, total) => {
            line({ type: "progress", phase: "writing", done, total });
            // Let the line reach the socket: an embedded database may not yield to I/O itself.
            return new Promise<void>((resolve) => setImmediate(resolve));
          },
        )
          .then((report) => line({ type: "result", report }))
          .catch((error: unknown) => {
            if (!(error instanceof AppError)) request.log.error({ err: error }, "import failed");
            line({
              type: "error",
              error:
                error instanceof AppError
                  ? { code: error.code, message: error.message, details: error.details ?? null }
                  : { code: "INTERNAL", message: "The import failed.", details: null },
            });
          })
          .finally(() => stream.end());
        // A stream is sent as it is: the JSON response schema does not apply to it.
        // No `cache-control: no-store` here: Chromium then reports a streamed fetch read to its
        // end as aborted (microsoft/playwright#42742); a POST answer is not cached anyway.
        return reply.type("application/x-ndjson; charset=utf-8").send(stream as never) as never;
      }
      return service.import(
        authedContextOf(request),
        request.body,
        request.query.format,
        request.query.dryRun === "true",
      );
    },
  );
  app.get(
    "/api/incidents/aggregate",
    {
      config: read,
      schema: {
        tags,
        querystring: aggregateQuery,
        response: { 200: aggregateResponse, ...errorResponses },
      },
    },
    (request) => {
      const { by, ...filter } = request.query;
      return service.aggregate(authedContextOf(request), filter, by);
    },
  );
  app.get(
    "/api/incidents/hotspots",
    {
      config: read,
      schema: {
        tags,
        querystring: hotspotQuery,
        response: { 200: hotspotResponse, ...errorResponses },
      },
    },
    (request) => {
      const { city, statistic, weights, fdr, ...filter } = request.query;
      return analysis.hotspots(authedContextOf(request), city, filter, {
        statistic,
        weights: { kind: weights },
        fdr,
      });
    },
  );
  app.get(
    "/api/incidents/density",
    {
      config: read,
      schema: {
        tags,
        querystring: densityQuery,
        response: { 200: densityResponse, ...errorResponses },
      },
    },
    (request) => {
      const { city, cellMetres, bandwidthMetres, ...filter } = request.query;
      return analysis.density(authedContextOf(request), city, filter, cellMetres, bandwidthMetres);
    },
  );
  app.get(
    "/api/incidents/clusters",
    {
      config: read,
      schema: {
        tags,
        summary: "Incidents for the map: clusters by H3 cell, single incidents at zoom 16+",
        querystring: clustersQuery,
        response: { 200: clustersResponse, ...errorResponses },
      },
    },
    (request) => {
      const { bbox, zoom, ...filter } = request.query;
      return map.clusters(authedContextOf(request), filter, bbox, zoom);
    },
  );
  app.get(
    "/api/incidents/trends",
    {
      config: read,
      schema: {
        tags,
        summary: "Monthly counts, Gi* per month and the emerging-hotspot label per kelurahan",
        querystring: trendsQuery,
        response: { 200: trendsResponse, ...errorResponses },
      },
    },
    (request) => {
      const { city, ...filter } = request.query;
      return map.trends(authedContextOf(request), city, filter);
    },
  );
};
