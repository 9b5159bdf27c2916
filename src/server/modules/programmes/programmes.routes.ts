/** HTTP routes of programmes, schedules, activities, the activity-type catalogue and the analysis views. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authedContextOf } from "../../context";
import { AppError } from "../../errors";
import { errorResponses, uuidParam } from "../shared.schema";
import { ActivitiesService, PHOTO_MAX_BYTES, PHOTO_TYPES } from "./activities.service";
import {
  activityInput,
  activityPage,
  activityPatch,
  activityType,
  activityTypeInput,
  activityTypeList,
  activityTypePatch,
  activityView,
  asOfQuery,
  coverageResponse,
  dashboardQuery,
  dashboardResponse,
  listActivitiesQuery,
  listProgrammesQuery,
  periodQuery,
  photoParams,
  programmeDetail,
  programmeInput,
  programmePage,
  programmePatch,
  scheduleInput,
  scheduleParams,
  schedulePatch,
  typeCodeParam,
  whoWhatWhereResponse,
} from "./programmes.schema";
import { ProgrammesService } from "./programmes.service";
import { coverage, whoWhatWhere } from "./programmes-analysis.service";

export const programmesRoutes: FastifyPluginAsyncZod = async (app) => {
  const programmes = new ProgrammesService(app.db);
  const activities = new ActivitiesService(app.db);
  const tags = ["programmes"];
  // Photos arrive as the raw body with their image type, one per request.
  for (const type of PHOTO_TYPES)
    app.addContentTypeParser(
      type,
      { parseAs: "buffer", bodyLimit: PHOTO_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );

  // ---- programmes ----
  app.get(
    "/api/programmes",
    {
      config: { access: { resource: "programme", action: "read" } },
      schema: {
        tags,
        querystring: listProgrammesQuery,
        response: { 200: programmePage, ...errorResponses },
      },
    },
    (request) => {
      const { page, pageSize, ...filter } = request.query;
      return programmes.list(authedContextOf(request), filter, page, pageSize);
    },
  );
  app.get(
    "/api/programmes/dashboard",
    {
      config: { access: { resource: "programme", action: "read" } },
      schema: {
        tags,
        querystring: dashboardQuery,
        response: { 200: dashboardResponse, ...errorResponses },
      },
    },
    (request) =>
      programmes.dashboard(authedContextOf(request), request.query.area, request.query.asOf),
  );
  app.get(
    "/api/programmes/:id",
    {
      config: { access: { resource: "programme", action: "read" } },
      schema: {
        tags,
        params: uuidParam,
        querystring: asOfQuery,
        response: { 200: programmeDetail, ...errorResponses },
      },
    },
    (request) => programmes.get(authedContextOf(request), request.params.id, request.query.asOf),
  );
  app.post(
    "/api/programmes",
    {
      config: { access: { resource: "programme", action: "create" } },
      schema: { tags, body: programmeInput, response: { 201: programmeDetail, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return programmes.create(authedContextOf(request), request.body);
    },
  );
  app.patch(
    "/api/programmes/:id",
    {
      config: { access: { resource: "programme", action: "update" } },
      schema: {
        tags,
        params: uuidParam,
        body: programmePatch,
        response: { 200: programmeDetail, ...errorResponses },
      },
    },
    (request) => programmes.update(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/programmes/:id/schedules",
    {
      config: { access: { resource: "programme", action: "update" } },
      schema: {
        tags,
        params: uuidParam,
        body: scheduleInput,
        response: { 201: programmeDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = authedContextOf(request);
      await programmes.createSchedule(ctx, request.params.id, request.body);
      reply.status(201);
      return programmes.get(ctx, request.params.id);
    },
  );
  app.patch(
    "/api/programmes/:id/schedules/:scheduleId",
    {
      config: { access: { resource: "programme", action: "update" } },
      schema: {
        tags,
        params: scheduleParams,
        body: schedulePatch,
        response: { 200: programmeDetail, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = authedContextOf(request);
      await programmes.updateSchedule(
        ctx,
        request.params.id,
        request.params.scheduleId,
        request.body,
      );
      return programmes.get(ctx, request.params.id);
    },
  );

  app.get(
    "/api/programmes/organisations",
    {
      config: { access: { resource: "programme", action: "read" } },
      schema: {
        tags,
        summary:
          "Organisations to choose as lead, partner or involved: in, above or below one's scope",
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await programmes.organisationOptions(authedContextOf(request)) }),
  );

  // ---- analysis ----
  app.get(
    "/api/programmes/who-what-where",
    {
      config: { access: { resource: "activity", action: "read" } },
      schema: {
        tags,
        summary: "Organisations x areas x pillars with activity counts in a period",
        querystring: periodQuery,
        response: { 200: whoWhatWhereResponse, ...errorResponses },
      },
    },
    (request) => whoWhatWhere(app.db, authedContextOf(request), request.query),
  );
  app.get(
    "/api/programmes/coverage",
    {
      config: { access: { resource: "programme", action: "read" } },
      schema: {
        tags,
        summary: "Risky areas with and without activity in a period, and the targeting shares",
        querystring: periodQuery,
        response: { 200: coverageResponse, ...errorResponses },
      },
    },
    (request) => coverage(app.db, authedContextOf(request), request.query),
  );

  // ---- activity types ----
  app.get(
    "/api/activity-types",
    {
      config: { access: { resource: "activity_type", action: "read" } },
      schema: {
        tags,
        querystring: z.object({ all: z.enum(["true", "false"]).optional() }),
        response: { 200: activityTypeList, ...errorResponses },
      },
    },
    (request) => activities.types(request.query.all === "true"),
  );
  app.post(
    "/api/activity-types",
    {
      config: { access: { resource: "activity_type", action: "update" } },
      schema: { tags, body: activityTypeInput, response: { 201: activityType, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return activities.createType(authedContextOf(request), request.body);
    },
  );
  app.patch(
    "/api/activity-types/:code",
    {
      config: { access: { resource: "activity_type", action: "update" } },
      schema: {
        tags,
        params: typeCodeParam,
        body: activityTypePatch,
        response: { 200: activityType, ...errorResponses },
      },
    },
    (request) => activities.updateType(authedContextOf(request), request.params.code, request.body),
  );

  // ---- activities ----
  app.get(
    "/api/activities",
    {
      config: { access: { resource: "activity", action: "read" } },
      schema: {
        tags,
        querystring: listActivitiesQuery,
        response: { 200: activityPage, ...errorResponses },
      },
    },
    (request) => {
      const { page, pageSize, ...filter } = request.query;
      return activities.list(authedContextOf(request), filter, page, pageSize);
    },
  );
  app.get(
    "/api/activities/:id",
    {
      config: { access: { resource: "activity", action: "read" } },
      schema: { tags, params: uuidParam, response: { 200: activityView, ...errorResponses } },
    },
    (request) => activities.get(authedContextOf(request), request.params.id),
  );
  app.post(
    "/api/activities",
    {
      config: { access: { resource: "activity", action: "create" } },
      schema: { tags, body: activityInput, response: { 201: activityView, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return activities.create(authedContextOf(request), request.body);
    },
  );
  app.patch(
    "/api/activities/:id",
    {
      config: { access: { resource: "activity", action: "update" } },
      schema: {
        tags,
        params: uuidParam,
        body: activityPatch,
        response: { 200: activityView, ...errorResponses },
      },
    },
    (request) => activities.update(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/activities/:id/photos",
    {
      config: { access: { resource: "activity", action: "update" } },
      schema: {
        tags,
        summary: "Add a photo (JPEG, PNG or WebP as the raw body, at most 3 MB)",
        params: uuidParam,
        response: {
          201: z.object({ id: z.string(), contentType: z.string(), sizeBytes: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw new AppError("UNSUPPORTED_FILE", 400, "Send a JPEG, PNG or WebP image as the body.");
      reply.status(201);
      return activities.addPhoto(
        authedContextOf(request),
        request.params.id,
        String(request.headers["content-type"] ?? ""),
        body,
      );
    },
  );
  app.get(
    "/api/activities/:id/photos/:photoId",
    {
      config: { access: { resource: "activity", action: "read" } },
      schema: { tags, params: photoParams },
    },
    async (request, reply) => {
      const photo = await activities.photo(
        authedContextOf(request),
        request.params.id,
        request.params.photoId,
      );
      return reply
        .header("content-type", photo.contentType)
        .header("cache-control", "private, max-age=300")
        .header("x-content-type-options", "nosniff")
        .send(photo.content);
    },
  );
  app.delete(
    "/api/activities/:id/photos/:photoId",
    {
      config: { access: { resource: "activity", action: "update" } },
      schema: { tags, params: photoParams },
    },
    async (request, reply) => {
      await activities.removePhoto(
        authedContextOf(request),
        request.params.id,
        request.params.photoId,
      );
      return reply.status(204).send();
    },
  );
};
