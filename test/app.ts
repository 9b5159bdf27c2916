/** Builds the real app on a test database, with logs captured in memory for inspection. */
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { buildApp, loggerOptions } from "../src/server/app";
import { type Config, loadConfig } from "../src/server/config";
import { createTestDatabase, type TestDatabase } from "./db";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Every log line written so far, as text. */
  logs(): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Reuse a database (e.g. two app instances on one database); the caller closes it. */
  database?: TestDatabase;
  env?: Record<string, string>;
  demo?: Config["demo"];
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const ownsDatabase = options.database === undefined;
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
    config: { ...loadConfig({ LOG_LEVEL: "info", ...options.env }), demo: options.demo },
    logger,
  });
  await app.ready();
  return {
    app,
    database,
    logs: () => lines.join(""),
    close: async () => {
      await app.close();
      if (ownsDatabase) await database.close();
    },
  };
}
