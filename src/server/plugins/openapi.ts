/** The OpenAPI document, generated from the routes' zod schemas, at /api/openapi.json. */
import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Tanggap API",
        version,
        description:
          "Drug-prone area mapping, intervention and rehabilitation data for DKI Jakarta. " +
          "Errors answer { error: { code, message, requestId } } with a stable code.",
      },
      tags: [{ name: "areas", description: "Reference areas (Kemendagri codes, boundaries)" }],
    },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
