/** HTTP routes for organisations. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { errorResponses, uuidParam } from "../shared.schema";
import {
  createOrganisationBody,
  listOrganisationsQuery,
  organisation,
  organisationPage,
  updateOrganisationBody,
} from "./organisations.schema";
import { OrganisationsService } from "./organisations.service";

export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new OrganisationsService(app.db);

  app.get(
    "/api/organisations",
    {
      config: { access: { resource: "organisation", action: "read" } },
      schema: {
        tags: ["organisations"],
        querystring: listOrganisationsQuery,
        response: { 200: organisationPage, ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return service.list(authedContextOf(request), filter, page, pageSize);
    },
  );

  app.get(
    "/api/organisations/:id",
    {
      config: { access: { resource: "organisation", action: "read" } },
      schema: {
        tags: ["organisations"],
        params: uuidParam,
        response: { 200: organisation, ...errorResponses },
      },
    },
    async (request) => service.get(authedContextOf(request), request.params.id),
  );

  app.post(
    "/api/organisations",
    {
      config: { access: { resource: "organisation", action: "create" } },
      schema: {
        tags: ["organisations"],
        body: createOrganisationBody,
        response: { 201: organisation, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return service.create(authedContextOf(request), request.body);
    },
  );

  app.patch(
    "/api/organisations/:id",
    {
      config: { access: { resource: "organisation", action: "update" } },
      schema: {
        tags: ["organisations"],
        params: uuidParam,
        body: updateOrganisationBody,
        response: { 200: organisation, ...errorResponses },
      },
    },
    async (request) => service.update(authedContextOf(request), request.params.id, request.body),
  );
};
