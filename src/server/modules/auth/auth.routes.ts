/** Sign-in, sign-out, the current session, password change and invitation acceptance. */
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { allowedActions, RESOURCES } from "../../../domain/access/roles";
import { authedContextOf, contextOf } from "../../context";
import {
  CSRF_COOKIE,
  ensureCsrfCookie,
  SESSION_COOKIE,
  sessionCookieOptions,
} from "../../plugins/auth";
import { errorResponses } from "../shared.schema";
import {
  acceptInvitationBody,
  changePasswordBody,
  loginBody,
  okResponse,
  type SessionResponse,
  sessionResponse,
} from "./auth.schema";
import { AuthService } from "./auth.service";

export const authRoutes: FastifyPluginAsyncZod<{
  maxHours: number;
  demo?: SessionResponse["demo"];
}> = async (app, options) => {
  const service = new AuthService(app.db, { maxHours: options.maxHours });

  app.get(
    "/api/auth/session",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "The signed-in person (or null) and the CSRF token",
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const user = request.sessionUser;
      const permissions = user
        ? Object.fromEntries(RESOURCES.map((r) => [r, allowedActions(user.role, r)]))
        : {};
      return {
        user,
        csrfToken: user ? user.csrfToken : ensureCsrfCookie(request, reply),
        permissions,
        demo: options.demo ?? null,
      };
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: {
        access: "public",
        rateLimit: {
          max: 30,
          timeWindow: "1 minute",
          hook: "preHandler",
          keyGenerator: (request: FastifyRequest) =>
            `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase()}`,
        },
      },
      schema: {
        tags: ["auth"],
        summary: "Sign in",
        body: loginBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await service.signIn(
        contextOf(request),
        request.body.email,
        request.body.password,
      );
      reply.setCookie(
        SESSION_COOKIE,
        session.token,
        sessionCookieOptions(request, session.maxAgeSeconds),
      );
      reply.clearCookie(CSRF_COOKIE, sessionCookieOptions(request));
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Sign out",
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.signOut(authedContextOf(request));
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Change one's own password (other sessions end)",
        body: changePasswordBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.changePassword(
        authedContextOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/invitations/accept",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Set the first password from an invitation link",
        body: acceptInvitationBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.acceptInvitation(contextOf(request), request.body.token, request.body.password);
      return { ok: true as const };
    },
  );
};
