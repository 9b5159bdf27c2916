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
      tags: [
        { name: "areas", description: "Reference areas (Kemendagri codes, boundaries)" },
        { name: "auth", description: "Sign-in, sessions, passwords, invitations" },
        { name: "organisations", description: "Agencies at the table, placed in areas" },
        { name: "users", description: "People, roles and area scopes" },
        { name: "audit", description: "The hash-chained audit log" },
      ],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tanggap_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
