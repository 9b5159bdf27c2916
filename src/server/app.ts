/**
 * Builds the Fastify application. Nothing here listens or opens a database: the caller
 * passes both in, so tests drive the same app with `app.inject()`.
 */
import { randomUUID } from "node:crypto";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { Config } from "./config";
import { type ErrorBody, registerErrorHandling } from "./errors";
import { areasRoutes } from "./modules/areas/areas.routes";
import { auditExportRoutes } from "./modules/audit/audit.export";
import { auditRoutes } from "./modules/audit/audit.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { custodyRoutes } from "./modules/custody/custody.routes";
import { dashboardRoutes } from "./modules/dashboard/dashboard.routes";
import { figuresRoutes } from "./modules/figures/figures.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { incidentsExportRoutes } from "./modules/incidents/incidents.export";
import { incidentsRoutes } from "./modules/incidents/incidents.routes";
import { locationsExportRoutes } from "./modules/locations/locations.export";
import { locationsRoutes } from "./modules/locations/locations.routes";
import { meetingsRoutes } from "./modules/meetings/meetings.routes";
import { organisationsExportRoutes } from "./modules/organisations/organisations.export";
import { organisationsRoutes } from "./modules/organisations/organisations.routes";
import { programmesRoutes } from "./modules/programmes/programmes.routes";
import { publicRoutes } from "./modules/public/public.routes";
import { rehabRoutes } from "./modules/rehab/rehab.routes";
import { reportsRoutes } from "./modules/reports/reports.routes";
import { riskRoutes } from "./modules/risk/risk.routes";
import { riskTableExportRoutes } from "./modules/risk/risk-table.export";
import { usersExportRoutes } from "./modules/users/users.export";
import { usersRoutes } from "./modules/users/users.routes";
import { registerAuth } from "./plugins/auth";
import { registerOpenApi } from "./plugins/openapi";
import { registerSecurityHeaders } from "./plugins/security";
import { registerWebClient } from "./plugins/web";
import { VERSION } from "./version";

declare module "fastify" {
  interface FastifyInstance {
    db: Kysely<Database>;
    tanggapVersion: string;
  }
}

export interface BuildAppOptions {
  db: Kysely<Database>;
  config: Pick<
    Config,
    "logLevel" | "trustProxy" | "webRoot" | "sessionIdleMinutes" | "sessionMaxHours" | "demo"
  > &
    Partial<Pick<Config, "publicMinCount" | "keyFile" | "dataKey">>;
  /** Override the logger (tests pass a stream to read what is logged). */
  logger?: FastifyServerOptions["logger"];
}

/** Logger options: structured JSON, no query strings, cookies or authorisation headers. */
export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return {
    level,
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
      censor: "[redacted]",
    },
    serializers: {
      // Only the path is logged: query strings may one day carry search terms about people.
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: req.url.split("?")[0],
        requestId: req.id,
      }),
    },
  };
}

/** Create the application with every plugin and route registered, ready for inject or listen. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(options.config.logLevel),
    trustProxy: options.config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("db", options.db);
  app.decorate("tanggapVersion", VERSION);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  registerErrorHandling(app);
  await registerSecurityHeaders(app);
  // Limits apply only to routes that ask for one (sign-in); limits are per instance.
  await app.register(rateLimit, { global: false });
  await registerAuth(app, {
    idleMinutes: options.config.sessionIdleMinutes,
    maxHours: options.config.sessionMaxHours,
  });
  await registerOpenApi(app, VERSION);
  await app.register(healthRoutes);
  await app.register(areasRoutes);
  await app.register(authRoutes, {
    maxHours: options.config.sessionMaxHours,
    demo: options.config.demo
      ? { password: options.config.demo.password, accounts: options.config.demo.accounts }
      : null,
  });
  await app.register(organisationsRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(locationsRoutes);
  await app.register(riskRoutes);
  await app.register(incidentsRoutes);
  await app.register(meetingsRoutes);
  await app.register(custodyRoutes);
  await app.register(figuresRoutes);
  await app.register(rehabRoutes, {
    keys: {
      keyFile: options.config.keyFile ?? "./var/keys/tanggap.keys",
      dataKey: options.config.dataKey,
    },
  });
  await app.register(publicRoutes, { minCount: options.config.publicMinCount ?? 5 });
  await app.register(dashboardRoutes);
  await app.register(programmesRoutes);
  // CSV/XLSX downloads of the table views (modules/exports.ts).
  for (const routes of [
    organisationsExportRoutes,
    usersExportRoutes,
    auditExportRoutes,
    locationsExportRoutes,
    riskTableExportRoutes,
    incidentsExportRoutes,
  ])
    await app.register(routes);
  await app.register(reportsRoutes);

  const pageFallback = await registerWebClient(app, options.config.webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (pageFallback?.(request, reply)) return;
    reply.status(404).send({
      error: { code: "NOT_FOUND", message: "No such resource.", requestId: String(request.id) },
    } satisfies ErrorBody);
  });
  return app;
}
