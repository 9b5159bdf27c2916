/** HTTP routes of the rehabilitation registry: clients, identity, episodes, break the glass. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authedContextOf } from "../../context";
import type { KeySource } from "../../crypto/keyring";
import { errorResponses, uuidParam } from "../shared.schema";
import {
  breakGlass,
  breakGlassInput,
  breakGlassPage,
  breakGlassQuery,
  clientDetail,
  clientPage,
  clientPatch,
  dateInput,
  dischargeInput,
  episode,
  episodeInput,
  episodePatch,
  eraseInput,
  exportInput,
  facilityList,
  followUpInput,
  identityRequest,
  identityResult,
  identityViews,
  listClientsQuery,
  lookupInput,
  lookupResult,
  registerInput,
  registerResult,
  reviewInput,
  screeningInput,
  startInput,
  visitInput,
} from "./rehab.schema";
import { RehabBreakGlassService } from "./rehab-break-glass.service";
import { RehabCipher } from "./rehab-cipher";
import { RehabClientsService } from "./rehab-clients.service";
import { RehabEpisodesService } from "./rehab-episodes.service";
import { rehabFiguresRoutes } from "./rehab-figures.routes";

export interface RehabRoutesOptions {
  keys: KeySource;
}

export const rehabRoutes: FastifyPluginAsyncZod<RehabRoutesOptions> = async (app, options) => {
  const cipher = new RehabCipher(options.keys);
  // Load (or create, with 0600 permissions) the key ring at start, not on the first request.
  cipher.ring();
  const clients = new RehabClientsService(app.db, cipher);
  const episodes = new RehabEpisodesService(app.db);
  const grants = new RehabBreakGlassService(app.db);
  const tags = ["rehabilitation"];
  await app.register(rehabFiguresRoutes);
  const read = { access: { resource: "rehab_client", action: "read" } } as const;
  const create = { access: { resource: "rehab_client", action: "create" } } as const;
  const update = { access: { resource: "rehab_client", action: "update" } } as const;

  app.get(
    "/api/rehab/facilities",
    { config: read, schema: { tags, response: { 200: facilityList, ...errorResponses } } },
    async (request) => clients.facilities(authedContextOf(request)),
  );
  app.get(
    "/api/rehab/clients",
    {
      config: read,
      schema: {
        tags,
        querystring: listClientsQuery,
        response: { 200: clientPage, ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return clients.list(authedContextOf(request), filter, page, pageSize);
    },
  );
  app.post(
    "/api/rehab/clients",
    {
      config: create,
      schema: {
        tags,
        body: registerInput,
        response: { 200: registerResult, 201: registerResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await clients.register(authedContextOf(request), request.body);
      reply.status(result.matchedExisting ? 200 : 201);
      return result;
    },
  );
  app.post(
    "/api/rehab/clients/lookup",
    {
      config: { access: { resource: "rehab_identity", action: "read" } },
      schema: { tags, body: lookupInput, response: { 200: lookupResult, ...errorResponses } },
    },
    async (request) => clients.lookup(authedContextOf(request), request.body.nik),
  );
  app.get(
    "/api/rehab/clients/:id",
    {
      config: read,
      schema: { tags, params: uuidParam, response: { 200: clientDetail, ...errorResponses } },
    },
    async (request) => clients.get(authedContextOf(request), request.params.id),
  );
  app.patch(
    "/api/rehab/clients/:id",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: clientPatch,
        response: { 200: clientDetail, ...errorResponses },
      },
    },
    async (request) => clients.update(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/rehab/clients/:id/identity",
    {
      config: { access: { resource: "rehab_identity", action: "read" } },
      schema: {
        tags,
        params: uuidParam,
        body: identityRequest,
        response: { 200: identityResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return clients.showIdentity(authedContextOf(request), request.params.id, request.body);
    },
  );
  app.get(
    "/api/rehab/clients/:id/identity-views",
    {
      config: read,
      schema: { tags, params: uuidParam, response: { 200: identityViews, ...errorResponses } },
    },
    async (request) => clients.identityViews(authedContextOf(request), request.params.id),
  );
  app.post(
    "/api/rehab/clients/:id/export",
    {
      config: { access: { resource: "rehab_client", action: "export" } },
      schema: {
        tags,
        params: uuidParam,
        body: exportInput,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await clients.exportAll(
        authedContextOf(request),
        request.params.id,
        request.body.reason,
      );
      const code = String((result.client as { code?: string }).code ?? "client");
      reply.header("cache-control", "no-store");
      reply.header("content-disposition", `attachment; filename="${code}.json"`);
      return result;
    },
  );
  app.post(
    "/api/rehab/clients/:id/erase",
    {
      config: { access: { resource: "rehab_client", action: "erase" } },
      schema: {
        tags,
        params: uuidParam,
        body: eraseInput,
        response: { 200: clientDetail, ...errorResponses },
      },
    },
    async (request) => clients.erase(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/rehab/clients/:id/episodes",
    {
      config: create,
      schema: {
        tags,
        params: uuidParam,
        body: episodeInput,
        response: { 201: episode, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return episodes.create(authedContextOf(request), request.params.id, request.body);
    },
  );
  app.get(
    "/api/rehab/episodes/:id",
    {
      config: read,
      schema: { tags, params: uuidParam, response: { 200: episode, ...errorResponses } },
    },
    async (request) => episodes.get(authedContextOf(request), request.params.id),
  );
  app.patch(
    "/api/rehab/episodes/:id",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: episodePatch,
        response: { 200: episode, ...errorResponses },
      },
    },
    async (request) => episodes.update(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/rehab/episodes/:id/screenings",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: screeningInput,
        response: { 200: episode, ...errorResponses },
      },
    },
    async (request) => episodes.screen(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/rehab/episodes/:id/start",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: startInput,
        response: { 200: episode, ...errorResponses },
      },
    },
    async (request) => episodes.start(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/rehab/episodes/:id/visits",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: visitInput,
        response: { 200: episode, ...errorResponses },
      },
    },
    async (request) => episodes.addVisit(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/rehab/episodes/:id/discharge",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: dischargeInput,
        response: { 200: episode, ...errorResponses },
      },
    },
    async (request) =>
      episodes.discharge(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/rehab/episodes/:id/aftercare",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: dateInput,
        response: { 200: episode, ...errorResponses },
      },
    },
    async (request) =>
      episodes.beginAftercare(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/rehab/episodes/:id/follow-ups",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: followUpInput,
        response: { 200: episode, ...errorResponses },
      },
    },
    async (request) =>
      episodes.addFollowUp(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/rehab/episodes/:id/close",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: dateInput,
        response: { 200: episode, ...errorResponses },
      },
    },
    async (request) => episodes.close(authedContextOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/rehab/break-glass",
    {
      config: { access: { resource: "rehab_break_glass", action: "create" } },
      schema: { tags, body: breakGlassInput, response: { 201: breakGlass, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return grants.open(authedContextOf(request), request.body);
    },
  );
  app.get(
    "/api/rehab/break-glass",
    {
      config: { access: { resource: "rehab_break_glass", action: "read" } },
      schema: {
        tags,
        querystring: breakGlassQuery,
        response: { 200: breakGlassPage, ...errorResponses },
      },
    },
    async (request) =>
      grants.list(
        authedContextOf(request),
        request.query.state,
        request.query.page,
        request.query.pageSize,
      ),
  );
  app.post(
    "/api/rehab/break-glass/:id/review",
    {
      config: { access: { resource: "rehab_break_glass", action: "update" } },
      schema: {
        tags,
        params: uuidParam,
        body: reviewInput,
        response: { 200: breakGlass, ...errorResponses },
      },
    },
    async (request) =>
      grants.review(authedContextOf(request), request.params.id, request.body.note),
  );
};
