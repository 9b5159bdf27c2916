/**
 * Serves the built web client (dist/web) from the same server, with the single-page app's
 * index.html for any other GET that asks for HTML.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../../dist/web/", import.meta.url));

/** Registers static files; returns a fallback for unknown page URLs, or null without a build. */
export async function registerWebClient(
  app: FastifyInstance,
  webRoot = DEFAULT_WEB_ROOT,
): Promise<((request: FastifyRequest, reply: FastifyReply) => boolean) | null> {
  const root = resolve(webRoot);
  if (!existsSync(join(root, "index.html"))) {
    app.log.warn({ webRoot: root }, "web client not built; run `npm run build`");
    return null;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: "index.html",
    setHeaders: (res, path) => {
      // Vite puts a content hash in asset names: those can be cached for good.
      const immutable = path.includes(`${join(root, "assets")}`);
      res.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  return (request, reply) => {
    const wantsPage =
      request.method === "GET" && (request.headers.accept ?? "").includes("text/html");
    if (!wantsPage || request.url.startsWith("/api/")) return false;
    reply.header("cache-control", "no-cache");
    void reply.sendFile("index.html");
    return true;
  };
}
