/** Who is asking, for access checks and the audit log. */
import type { FastifyRequest } from "fastify";
import type { Role } from "../domain/access/roles";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  scope: string;
  organisationId: string;
  sessionId: string;
  csrfToken: string;
}

export interface RequestContext {
  user: SessionUser | null;
  requestId: string;
  ip: string;
}

/** A context whose user is known (routes behind authentication). */
export interface AuthedContext extends RequestContext {
  user: SessionUser;
}

/** The request's context; services receive this, never the request. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { user: request.sessionUser, requestId: String(request.id), ip: request.ip };
}

/** The context of a route that requires a signed-in person. */
export function authedContextOf(request: FastifyRequest): AuthedContext {
  const ctx = contextOf(request);
  if (!ctx.user) throw new Error("authedContextOf used on a route without authentication");
  return ctx as AuthedContext;
}

/** The context of work started from the command line, not a request. */
export function systemContext(requestId = "cli"): RequestContext {
  return { user: null, requestId, ip: "local" };
}
