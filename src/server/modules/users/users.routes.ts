/** HTTP routes for people. There is deliberately no DELETE: people are deactivated. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { errorResponses, uuidParam } from "../shared.schema";
import {
  invitedUser,
  inviteUserBody,
  listUsersQuery,
  updateUserBody,
  user,
  userPage,
} from "./users.schema";
import { UsersService } from "./users.service";

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new UsersService(app.db);

  app.get(
    "/api/users",
    {
      config: { access: { resource: "user", action: "read" } },
      schema: {
        tags: ["users"],
        querystring: listUsersQuery,
        response: { 200: userPage, ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, active, ...filter } = request.query;
      const activeFlag = active === undefined ? undefined : active === "true";
      return service.list(
        authedContextOf(request),
        { ...filter, active: activeFlag },
        page,
        pageSize,
      );
    },
  );

  app.get(
    "/api/users/:id",
    {
      config: { access: { resource: "user", action: "read" } },
      schema: { tags: ["users"], params: uuidParam, response: { 200: user, ...errorResponses } },
    },
    async (request) => service.get(authedContextOf(request), request.params.id),
  );

  app.post(
    "/api/users",
    {
      config: { access: { resource: "user", action: "create" } },
      schema: {
        tags: ["users"],
        summary: "Invite a person",
        body: inviteUserBody,
        response: { 201: invitedUser, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201).header("cache-control", "no-store");
      return service.invite(authedContextOf(request), request.body);
    },
  );

  app.post(
    "/api/users/:id/invitation",
    {
      config: { access: { resource: "user", action: "create" } },
      schema: {
        tags: ["users"],
        summary: "Issue a new invitation link",
        params: uuidParam,
        response: { 200: invitedUser, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return service.reinvite(authedContextOf(request), request.params.id);
    },
  );

  app.patch(
    "/api/users/:id",
    {
      config: { access: { resource: "user", action: "update" } },
      schema: {
        tags: ["users"],
        params: uuidParam,
        body: updateUserBody,
        response: { 200: user, ...errorResponses },
      },
    },
    async (request) => service.update(authedContextOf(request), request.params.id, request.body),
  );
};
