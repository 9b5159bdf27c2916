/** HTTP routes of drug-prone area mapping: configuration, rounds, workflow, views, files. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authedContextOf } from "../../context";
import { AppError } from "../../errors";
import { acceptFileBodies, FILE_CONTENT_TYPES } from "../files";
import { areaCodeField, errorResponses } from "../shared.schema";
import {
  assessment,
  assessmentInput,
  changesQuery,
  changesResponse,
  commentBody,
  fileQuery,
  importQuery,
  importResponse,
  mapQuery,
  mapResponse,
  newCatalogueBody,
  newRulesBody,
  profileResponse,
  reclassifyBody,
  riskConfig,
  round,
  roundIdParam,
  roundInput,
  status,
  versionResponse,
  workflowResult,
} from "./risk.schema";
import { RiskService } from "./risk.service";
import { RiskConfigService } from "./risk-config.service";
import { RiskFilesService } from "./risk-files.service";
import { RiskViewsService } from "./risk-views.service";
import { RiskWorkflowService } from "./risk-workflow.service";

const tags = ["risk"];

export const riskRoutes: FastifyPluginAsyncZod = async (app) => {
  const risk = new RiskService(app.db);
  const config = new RiskConfigService(app.db);
  const workflow = new RiskWorkflowService(app.db);
  const views = new RiskViewsService(app.db);
  const files = new RiskFilesService(app.db);
  // Import files arrive as the raw body (CSV text or an XLSX workbook), up to 5 MB.
  acceptFileBodies(app, 5 * 1_048_576);

  app.get(
    "/api/risk/config",
    {
      config: { access: { resource: "risk_config", action: "read" } },
      schema: { tags, response: { 200: riskConfig, ...errorResponses } },
    },
    () => config.config(),
  );
  app.post(
    "/api/risk/catalogue",
    {
      config: { access: { resource: "risk_config", action: "update" } },
      schema: {
        tags,
        summary: "New version of the indicator catalogue",
        body: newCatalogueBody,
        response: { 201: versionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return config.newCatalogue(
        authedContextOf(request),
        request.body.indicators,
        request.body.note,
      );
    },
  );
  app.post(
    "/api/risk/rules",
    {
      config: { access: { resource: "risk_config", action: "update" } },
      schema: {
        tags,
        summary: "New version of a rule set",
        body: newRulesBody,
        response: { 201: versionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return config.newRules(authedContextOf(request), request.body.rules, request.body.note);
    },
  );

  app.get(
    "/api/risk/rounds",
    {
      config: { access: { resource: "assessment", action: "read" } },
      schema: { tags, response: { 200: z.array(round), ...errorResponses } },
    },
    (request) => risk.listRounds(authedContextOf(request)),
  );
  app.post(
    "/api/risk/rounds",
    {
      config: { access: { resource: "assessment", action: "verify" } },
      schema: { tags, body: roundInput, response: { 201: round, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return risk.createRound(authedContextOf(request), request.body);
    },
  );
  app.get(
    "/api/risk/rounds/:id",
    {
      config: { access: { resource: "assessment", action: "read" } },
      schema: { tags, params: roundIdParam, response: { 200: round, ...errorResponses } },
    },
    (request) => risk.getRound(authedContextOf(request), request.params.id),
  );
  app.get(
    "/api/risk/rounds/:id/assessments",
    {
      config: { access: { resource: "assessment", action: "read" } },
      schema: {
        tags,
        params: roundIdParam,
        querystring: z.object({ status: status.optional() }),
        response: { 200: z.array(assessment), ...errorResponses },
      },
    },
    (request) =>
      risk.listAssessments(authedContextOf(request), request.params.id, request.query.status),
  );
  app.put(
    "/api/risk/rounds/:id/assessments",
    {
      config: { access: { resource: "assessment", action: "update" } },
      schema: {
        tags,
        summary: "Save the draft of one area",
        params: roundIdParam,
        body: assessmentInput,
        response: { 200: assessment, ...errorResponses },
      },
    },
    (request) => risk.save(authedContextOf(request), request.params.id, request.body),
  );
  for (const step of ["verify", "return", "publish"] as const) {
    app.post(
      `/api/risk/rounds/:id/${step}`,
      {
        config: {
          access: { resource: "assessment", action: step === "publish" ? "publish" : "verify" },
        },
        schema: {
          tags,
          summary: `${step} assessments of the round (all in scope, or the given ids)`,
          params: roundIdParam,
          body: commentBody.extend({ ids: z.array(z.uuid()).max(5000).optional() }),
          response: { 200: workflowResult, ...errorResponses },
        },
      },
      (request) =>
        workflow.transition(authedContextOf(request), request.params.id, step, request.body),
    );
  }
  app.post(
    "/api/risk/rounds/:id/reclassify",
    {
      config: { access: { resource: "assessment", action: "publish" } },
      schema: {
        tags,
        params: roundIdParam,
        body: reclassifyBody,
        response: { 200: workflowResult, ...errorResponses },
      },
    },
    (request) =>
      workflow.reclassify(authedContextOf(request), request.params.id, request.body.ruleVersion),
  );

  app.get(
    "/api/risk/rounds/:id/template",
    {
      config: { access: { resource: "assessment", action: "update" } },
      schema: {
        tags,
        params: roundIdParam,
        querystring: fileQuery.extend({ format: z.enum(["csv", "xlsx"]) }),
      },
    },
    async (request, reply) => {
      const body = await files.template(
        authedContextOf(request),
        request.params.id,
        request.query.format,
      );
      return reply
        .header("content-type", FILE_CONTENT_TYPES[request.query.format])
        .header(
          "content-disposition",
          `attachment; filename="template-penilaian.${request.query.format}"`,
        )
        .send(body);
    },
  );
  app.post(
    "/api/risk/rounds/:id/import",
    {
      config: { access: { resource: "assessment", action: "update" } },
      schema: {
        tags,
        summary: "Dry run (default) or commit an import file",
        params: roundIdParam,
        querystring: importQuery,
        response: { 200: importResponse, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new AppError("UNSUPPORTED_FILE", 400, "Send the file as the request body.");
      return files.import(
        authedContextOf(request),
        request.params.id,
        body,
        request.query.format,
        request.query.dryRun === "true",
      );
    },
  );
  app.get(
    "/api/risk/rounds/:id/export",
    {
      config: { access: { resource: "assessment", action: "read" } },
      schema: { tags, params: roundIdParam, querystring: fileQuery },
    },
    async (request, reply) => {
      const body = await files.export(
        authedContextOf(request),
        request.params.id,
        request.query.format,
      );
      return reply
        .header("content-type", FILE_CONTENT_TYPES[request.query.format])
        .header("content-disposition", `attachment; filename="penilaian.${request.query.format}"`)
        .send(body);
    },
  );

  app.get(
    "/api/risk/map",
    {
      config: { access: { resource: "assessment", action: "read" } },
      schema: { tags, querystring: mapQuery, response: { 200: mapResponse, ...errorResponses } },
    },
    (request) => views.map(authedContextOf(request), request.query.city, request.query.round),
  );
  app.get(
    "/api/risk/changes",
    {
      config: { access: { resource: "assessment", action: "read" } },
      schema: {
        tags,
        querystring: changesQuery,
        response: { 200: changesResponse, ...errorResponses },
      },
    },
    (request) => views.changes(authedContextOf(request), request.query.from, request.query.to),
  );
  app.get(
    "/api/risk/areas/:code",
    {
      config: { access: { resource: "assessment", action: "read" } },
      schema: {
        tags,
        params: z.object({ code: areaCodeField }),
        response: { 200: profileResponse, ...errorResponses },
      },
    },
    (request) => views.profile(authedContextOf(request), request.params.code),
  );
};
