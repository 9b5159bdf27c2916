/**
 * Sessions, access rules and CSRF for every route.
 *
 * - The session cookie holds a random token; the database holds only its hash, so several
 *   server instances share sessions and a database leak yields no usable token.
 * - Every `/api/` route declares `config.access`: `public`, `authenticated`, or a
 *   `{ resource, action }` pair of the access table. A route without one fails at start.
 * - State-changing requests need the `x-csrf-token` header: the session's token, or before
 *   sign-in the double-submit cookie's value.
 */
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Action, can, isRole, type Resource } from "../../domain/access/roles";
import type { SessionUser } from "../context";
import { AppError } from "../errors";
import { deleteSession, findSession, touchSession } from "../modules/auth/auth.repository";
import { newToken, sameToken, tokenHash } from "../modules/auth/auth.tokens";
import { millis } from "../time";

export type AccessRule = "public" | "authenticated" | { resource: Resource; action: Action };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    sessionUser: SessionUser | null;
  }
  interface FastifyInstance {
    /** Every API route with its access rule: the contract the access tests walk. */
    accessCatalogue: AccessCatalogueEntry[];
  }
}

export interface AccessCatalogueEntry {
  method: string;
  url: string;
  access: AccessRule;
}

export const SESSION_COOKIE = "tanggap_session";
export const CSRF_COOKIE = "tanggap_csrf";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Write last_seen_at at most this often, to spare the database a write per request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

/** Cookie options: HttpOnly, SameSite=Strict, Secure whenever the request came over HTTPS. */
export function sessionCookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "strict" as const,
    secure: request.protocol === "https",
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** The access rule of a route, for tests and the route catalogue. */
export function accessOf(config: unknown): AccessRule | undefined {
  return (config as { access?: AccessRule } | undefined)?.access;
}

export async function registerAuth(app: FastifyInstance, settings: SessionSettings): Promise<void> {
  await app.register(cookie);
  app.decorateRequest("sessionUser", null);

  const catalogue: AccessCatalogueEntry[] = [];
  app.decorate("accessCatalogue", catalogue);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const access = accessOf(route.config);
    if (!access) {
      throw new Error(`Route ${route.method} ${route.url} has no access rule (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") catalogue.push({ method, url: route.url, access });
    }
  });

  app.addHook("onRequest", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(app.db, tokenHash(token));
    const now = Date.now();
    const idleLimit = settings.idleMinutes * 60_000;
    const expired =
      !session?.active ||
      !isRole(session.role) ||
      millis(session.expires_at) <= now ||
      now - millis(session.last_seen_at) > idleLimit;
    if (expired) {
      if (session) await deleteSession(app.db, session.session_id);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
      return;
    }
    if (now - millis(session.last_seen_at) > TOUCH_EVERY_MS) {
      await touchSession(app.db, session.session_id);
    }
    request.sessionUser = {
      id: session.user_id,
      email: session.email,
      name: session.name,
      role: session.role as SessionUser["role"],
      scope: session.scope_area_code,
      organisationId: session.organisation_id,
      sessionId: session.session_id,
      csrfToken: session.csrf_token,
    };
  });

  // Before validation, so that an unauthenticated or forged request learns nothing about input.
  app.addHook("preValidation", async (request: FastifyRequest, _reply: FastifyReply) => {
    const rule = accessOf(request.routeOptions.config);
    if (!rule) return;
    const user = request.sessionUser;
    if (rule !== "public" && !user) {
      throw new AppError("UNAUTHENTICATED", 401, "Sign in first.");
    }
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = user ? user.csrfToken : request.cookies[CSRF_COOKIE];
      if (typeof sent !== "string" || !expected || !sameToken(sent, expected)) {
        throw new AppError("CSRF_INVALID", 403, "Missing or invalid CSRF token. Reload the page.");
      }
    }
    if (typeof rule === "object" && user && !can(user.role, rule.action, rule.resource)) {
      throw new AppError("FORBIDDEN", 403, "Your role does not allow this action.");
    }
  });
}

/** The pre-sign-in CSRF token: the cookie's value, set now when missing. */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newToken();
  reply.setCookie(CSRF_COOKIE, token, { ...sessionCookieOptions(request), httpOnly: true });
  return token;
}
