/**
 * Starts Tanggap: opens the database, brings it up to date, builds the app and listens.
 * Used by `tanggap serve` and `tanggap demo`.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { type OpenDatabase, openDatabase, prepareDatabase } from "../db/index";
import { buildApp } from "./app";
import type { Config } from "./config";
import { seedDemo } from "./system/accounts";

/** A fresh random password for the demo accounts, printed at start. */
function demoPassword(): string {
  return `demo-${randomBytes(9).toString("base64url")}`;
}

export interface RunningServer {
  app: FastifyInstance;
  config: Config;
  database: OpenDatabase;
  url: string;
  close(): Promise<void>;
}

/** Open, migrate, load reference data, listen. Closes cleanly on SIGINT/SIGTERM when asked. */
export async function startServer(
  config: Config,
  options: { handleSignals?: boolean; seedDemo?: boolean } = {},
): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let app: FastifyInstance | undefined;
  try {
    const prepared = await prepareDatabase(database.db);
    if (options.seedDemo) {
      const password = demoPassword();
      const accounts = await seedDemo(database.db, password);
      config = { ...config, demo: { password, accounts } };
    }
    app = await buildApp({ db: database.db, config });
    app.log.info(
      {
        database: database.kind,
        location: database.location,
        migrationsApplied: prepared.migrations,
        referenceAreas: prepared.areas.records,
        referenceRowsWritten: prepared.areas.written,
      },
      "database ready",
    );
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await database.close();
    })();
    return closing;
  };
  if (options.handleSignals) {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, "shutting down");
        void close().then(() => process.exit(0));
      });
    }
  }
  return { app, config, database, url, close };
}
