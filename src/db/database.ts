/**
 * Opens the system of record: embedded PGlite in a data directory by default, or a real
 * PostgreSQL server when a connection URL is given. Both speak through node-postgres, so
 * Kysely sees the same types (counts come back as strings in both).
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export interface DatabaseOptions {
  /** PostgreSQL connection URL; when set, PGlite is not used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL (PGlite always has one connection). */
  poolSize?: number | undefined;
  /**
   * Called when an idle pooled connection fails (server restart, terminated backend). The
   * pool drops that connection and opens a new one on next use; without a listener, Node
   * would treat the pool's `error` event as fatal and end the process.
   */
  onConnectionError?: ((error: Error) => void) | undefined;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: "pglite" | "postgres";
  /** Where the data lives, without credentials. */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = "./var/db";

/** Open Kysely on PostgreSQL (`databaseUrl`) or on embedded PGlite (`dataDir`). */
export async function openDatabase(options: DatabaseOptions = {}): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    pool.on("error", options.onConnectionError ?? reportConnectionError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: "postgres",
      location: redactUrl(options.databaseUrl),
      close: () => db.destroy(),
    };
  }
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const inMemory = dataDir.startsWith("memory://");
  const location = inMemory ? dataDir : resolve(dataDir);
  if (!inMemory) mkdirSync(location, { recursive: true });
  const pglite = await PGlite.create(inMemory ? undefined : location);
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    location,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** Default for idle connection failures: one line on stderr, the code and message only. */
function reportConnectionError(error: Error): void {
  const code = (error as { code?: unknown }).code;
  process.stderr.write(
    `tanggap: an idle database connection failed (${typeof code === "string" ? code : "no code"}): ${error.message}\n`,
  );
}

/** A connection URL with its password removed, safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable database URL)";
  }
}
