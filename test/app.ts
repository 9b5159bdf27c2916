/** Builds the real app on a test database, with logs captured in memory for inspection. */
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { buildApp, loggerOptions } from "../src/server/app";
import { createTestDatabase, type TestDatabase } from "./db";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Every log line written so far, as text. */
  logs(): string;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = { ...(loggerOptions("info") as object), stream };
  const app = await buildApp({
    db: database.db,
    config: { logLevel: "info", trustProxy: false, webRoot: undefined },
    logger,
  });
  await app.ready();
  return {
    app,
    database,
    logs: () => lines.join(""),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
