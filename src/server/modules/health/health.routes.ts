/** Liveness and readiness: answers 200 when the database answers, 503 otherwise. */

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";

const healthResponse = z.object({
  status: z.enum(["ok", "unavailable"]),
  version: z.string(),
  database: z.enum(["up", "down"]),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    { schema: { tags: ["health"], response: { 200: healthResponse, 503: healthResponse } } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(app.db);
        return { status: "ok" as const, version: app.tanggapVersion, database: "up" as const };
      } catch {
        return reply
          .status(503)
          .send({ status: "unavailable", version: app.tanggapVersion, database: "down" });
      }
    },
  );
};
