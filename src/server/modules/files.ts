/** Upload bodies: import files arrive as the raw request body, not as JSON or multipart. */
import type { FastifyInstance } from "fastify";

export const FILE_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  geojson: "application/geo+json",
} as const;

/** Accept CSV, XLSX, GeoJSON and octet-stream bodies as buffers in this plugin's routes. */
export function acceptFileBodies(app: FastifyInstance, maxBytes: number): void {
  for (const type of [
    "text/csv",
    FILE_CONTENT_TYPES.xlsx,
    "application/geo+json",
    "application/octet-stream",
  ]) {
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: maxBytes }, (_req, body, done) =>
      done(null, body),
    );
  }
}
