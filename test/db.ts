/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL cluster of the integration-postgres project. Never a mock.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type OpenDatabase, openDatabase, prepareDatabase } from "../src/db/index";

export type TestDatabaseKind = "pglite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TANGGAP_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export interface TestDatabase extends OpenDatabase {
  /** For PostgreSQL, the URL of this test's own database. */
  url: string | undefined;
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** Create an empty database (no migrations yet) on the test cluster and return its URL. */
export async function createEmptyPostgresDatabase(): Promise<string> {
  const name = `tanggap_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drop a database made by {@link createEmptyPostgresDatabase}. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^tanggap_test_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  await adminQuery(`drop database if exists ${name} with (force)`);
}

/** Open a fresh database of the suite's kind, migrated and with reference areas loaded. */
export async function createTestDatabase(
  options: { prepare?: boolean } = {},
): Promise<TestDatabase> {
  let database: OpenDatabase;
  let url: string | undefined;
  if (testDatabaseKind() === "postgres") {
    url = await createEmptyPostgresDatabase();
    database = await openDatabase({
      databaseUrl: url,
      poolSize: 4,
      // `drop database with force` at the end terminates idle connections: expected here.
      onConnectionError: () => {},
    });
  } else {
    database = await openDatabase({ dataDir: "memory://" });
  }
  if (options.prepare !== false) await prepareDatabase(database.db);
  const close = async () => {
    await database.close();
    if (url) await dropPostgresDatabase(url);
  };
  return { ...database, url, close };
}

/**
 * Fresh, empty storage for a process started from a test (CLI or server): a PGlite data
 * directory or a new PostgreSQL database, as environment variables for that process.
 */
export async function freshStorage(): Promise<{
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}> {
  if (testDatabaseKind() === "postgres") {
    const url = await createEmptyPostgresDatabase();
    return { env: { DATABASE_URL: url }, cleanup: () => dropPostgresDatabase(url) };
  }
  const dir = mkdtempSync(join(tmpdir(), "tanggap-test-"));
  return {
    env: { DATABASE_URL: "", TANGGAP_DATA_DIR: dir },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
