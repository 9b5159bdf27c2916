/**
 * Incident import: Tanggap's full path (parse, validate, locate by point-in-polygon, H3
 * cells, idempotent upsert in one transaction) against the named baseline of a bare COPY of
 * the same, already located rows into the same empty table.
 * Usage: npx tsx bench/import.ts [--postgres] [ROWS...]   (default 10000 100000)
 * PGlite runs in memory; --postgres starts a throwaway local cluster (Debian's binaries) and
 * uses a server-side `COPY FROM` file as the baseline.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { openDatabase, prepareDatabase } from "../src/db/index";
import type { Database } from "../src/db/schema";
import { systemContext } from "../src/server/context";
import { importIncidents } from "../src/server/modules/incidents/incidents.service";
import { startThrowawayCluster, type ThrowawayCluster } from "../test/postgres";
import { generateIncidents } from "./generate-incidents";

const COLUMNS = [
  "external_ref",
  "occurred_on",
  "occurred_time",
  "type_code",
  "lon",
  "lat",
  "precision",
  "kelurahan_code",
  "h3_r7",
  "h3_r9",
  "h3_r11",
  "persons",
  "arrests",
  "substance",
  "quantity",
  "unit",
  "source",
  "source_ref",
  "notes",
];

interface Target {
  db: Kysely<Database>;
  /** The stored rows as CSV, for the baseline. */
  exportCsv(): Promise<string>;
  /** The baseline: a bare COPY of that CSV into the (empty) incidents table. */
  copyCsv(text: string): Promise<void>;
  close(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite)) }),
  });
  await prepareDatabase(db);
  return {
    db,
    exportCsv: async () => {
      const out = await pglite.query(
        `copy (select ${COLUMNS.join(", ")} from incidents) to '/dev/blob' with (format csv)`,
      );
      return out.blob!.text();
    },
    copyCsv: async (text) => {
      await pglite.query(
        `copy incidents (${COLUMNS.join(", ")}) from '/dev/blob' with (format csv)`,
        [],
        { blob: new Blob([text]) },
      );
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

let cluster: ThrowawayCluster | undefined;
let databases = 0;
async function postgresTarget(): Promise<Target> {
  cluster ??= await startThrowawayCluster();
  const name = `bench_${process.pid}_${databases++}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  await prepareDatabase(database.db);
  const dir = mkdtempSync(join(tmpdir(), "tanggap-bench-"));
  chmodSync(dir, 0o755);
  const file = join(dir, "rows.csv");
  return {
    db: database.db,
    exportCsv: async () => {
      const rows = await sql<
        Record<string, unknown>
      >`select ${sql.raw(COLUMNS.join(", "))} from incidents`.execute(database.db);
      return rows.rows
        .map((r) =>
          COLUMNS.map((c) => {
            const v = r[c];
            if (v === null || v === undefined) return "";
            const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
            return /[",\n]/.test(s) || s === "" ? `"${s.replaceAll('"', '""')}"` : s;
          }).join(","),
        )
        .join("\n");
    },
    copyCsv: async (text) => {
      writeFileSync(file, text);
      chmodSync(file, 0o644);
      // Server-side COPY reads the file directly: the cheapest way into the table.
      await sql`copy incidents (${sql.raw(COLUMNS.join(", "))}) from ${sql.lit(file)} with (format csv)`.execute(
        database.db,
      );
    },
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const args = process.argv.slice(2);
const postgres = args.includes("--postgres");
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const target = postgres ? postgresTarget : pgliteTarget;
const engine = () =>
  postgres ? `PostgreSQL ${cluster?.version ?? ""}`.trim() : "PGlite in memory";

try {
  for (const rows of sizes.length ? sizes : [10_000, 100_000]) {
    const csv = Buffer.from(generateIncidents(rows, 7));
    console.log(
      `\nImport of ${rows.toLocaleString("en")} incidents (${(csv.length / 1e6).toFixed(1)} MB CSV), ${engine()}`,
    );

    const ours = await target();
    const start = performance.now();
    const report = await importIncidents(
      ours.db,
      systemContext("bench"),
      { id: null, scope: "31" },
      csv,
      "csv",
      false,
    );
    const oursMs = performance.now() - start;
    if (!report.committed || report.created !== rows)
      throw new Error(`import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
    // The baseline copies exactly what Tanggap stored.
    const copyText = await ours.exportCsv();
    await ours.close();

    const base = await target();
    const copyStart = performance.now();
    await base.copyCsv(copyText);
    const copyMs = performance.now() - copyStart;
    const copied = await sql<{
      n: number;
    }>`select count(*)::int as n from incidents`.execute(base.db);
    await base.close();
    if (copied.rows[0]?.n !== rows) throw new Error(`COPY loaded ${copied.rows[0]?.n} rows`);

    console.log(
      `  Tanggap import (validate, locate, upsert)   ${(oursMs / 1000).toFixed(2)} s  ${Math.round(rows / (oursMs / 1000)).toLocaleString("en")} rows/s`,
    );
    console.log(
      `  bare COPY of the same rows (baseline)       ${(copyMs / 1000).toFixed(2)} s  ${Math.round(rows / (copyMs / 1000)).toLocaleString("en")} rows/s`,
    );
    console.log(`  ratio Tanggap / COPY                        ${(oursMs / copyMs).toFixed(1)}x`);
  }
} finally {
  cluster?.stop();
}
