/**
 * A pooled connection that the server terminates (restart, admin command, `drop database
 * with force`) must not end the process: the pool reports it and reconnects on next use.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/index";
import { createEmptyPostgresDatabase, dropPostgresDatabase, testDatabaseKind } from "../db";

describe.runIf(testDatabaseKind() === "postgres")("PostgreSQL connection failures", () => {
  it("reports a terminated idle connection and keeps serving queries", async () => {
    const url = await createEmptyPostgresDatabase();
    const reported: Error[] = [];
    const database = await openDatabase({
      databaseUrl: url,
      poolSize: 2,
      onConnectionError: (error) => reported.push(error),
    });
    try {
      const first = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      const pid = first.rows[0]?.pid;
      // Terminate the pooled (now idle) backend from a second, separate connection.
      const other = await openDatabase({ databaseUrl: url, poolSize: 1 });
      await sql`select pg_terminate_backend(${pid}::int)`.execute(other.db);
      await other.close();
      await expect.poll(() => reported.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect((reported[0] as { code?: string }).code).toBe("57P01");
      const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      await database.close();
      await dropPostgresDatabase(url);
    }
  });
});
