/** HTTP routes for named locations. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { errorResponses, uuidParam } from "../shared.schema";
import {
  listLocationsQuery,
  locationInput,
  locationPage,
  locationPatch,
  namedLocation,
} from "./locations.schema";
import { LocationsService } from "./locations.service";

export const locationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new LocationsService(app.db);
  const tags = ["named locations"];

  app.get(
    "/api/named-locations",
    {
      config: { access: { resource: "named_location", action: "read" } },
      schema: {
        tags,
        querystring: listLocationsQuery,
        response: { 200: locationPage, ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return service.list(authedContextOf(request), filter, page, pageSize);
    },
  );
  app.get(
    "/api/named-locations/:id",
    {
      config: { access: { resource: "named_location", action: "read" } },
      schema: { tags, params: uuidParam, response: { 200: namedLocation, ...errorResponses } },
    },
    async (request) => service.get(authedContextOf(request), request.params.id),
  );
  app.post(
    "/api/named-locations",
    {
      config: { access: { resource: "named_location", action: "create" } },
      schema: { tags, body: locationInput, response: { 201: namedLocation, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return service.create(authedContextOf(request), request.body);
    },
  );
  app.patch(
    "/api/named-locations/:id",
    {
      config: { access: { resource: "named_location", action: "update" } },
      schema: {
        tags,
        params: uuidParam,
        body: locationPatch,
        response: { 200: namedLocation, ...errorResponses },
      },
    },
    async (request) => service.update(authedContextOf(request), request.params.id, request.body),
  );
};
