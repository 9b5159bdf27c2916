/** HTTP routes of the areas API: parse, call the service, reply. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  areaCodeParams,
  areaCollection,
  areaDetail,
  errorResponse,
  listAreasQuery,
} from "./areas.schema";
import { AreasService } from "./areas.service";

export const areasRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new AreasService(app.db);

  app.get(
    "/api/areas",
    {
      config: { access: "public" },
      schema: {
        tags: ["areas"],
        summary: "Reference areas (Kemendagri codes and boundaries) as GeoJSON",
        querystring: listAreasQuery,
        response: { 200: areaCollection, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=300");
      return service.list(request.query);
    },
  );

  app.get(
    "/api/areas/:code",
    {
      config: { access: "public" },
      schema: {
        tags: ["areas"],
        summary: "One area with its ancestors",
        params: areaCodeParams,
        response: { 200: areaDetail, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => service.get(request.params.code),
  );
};
