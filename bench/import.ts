/**
 * Incident import: Tanggap's full path (parse, validate, locate by point-in-polygon, H3
 * cells, idempotent upsert in one transaction) against the named baseline of a bare COPY of
 * the same, already located rows into the same empty table, on embedded PGlite.
 * Usage: npx tsx bench/import.ts [ROWS...]   (default 10000 100000)
 */
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { prepareDatabase } from "../src/db/index";
import type { Database } from "../src/db/schema";
import { systemContext } from "../src/server/context";
import { importIncidents } from "../src/server/modules/incidents/incidents.service";
import { generateIncidents } from "./generate-incidents";

async function freshDatabase() {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite)) }),
  });
  await prepareDatabase(db);
  return {
    pglite,
    db,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

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

for (const rows of process.argv.slice(2).map(Number).length
  ? process.argv.slice(2).map(Number)
  : [10_000, 100_000]) {
  const csv = Buffer.from(generateIncidents(rows, 7));
  console.log(
    `\nImport of ${rows.toLocaleString("en")} incidents (${(csv.length / 1e6).toFixed(1)} MB CSV), PGlite in memory`,
  );

  const ours = await freshDatabase();
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
  const exported = await ours.pglite.query(
    `copy (select ${COLUMNS.join(", ")} from incidents) to '/dev/blob' with (format csv)`,
  );
  const copyText = await exported.blob!.text();
  await ours.close();

  const base = await freshDatabase();
  const copyStart = performance.now();
  await base.pglite.query(
    `copy incidents (${COLUMNS.join(", ")}) from '/dev/blob' with (format csv)`,
    [],
    { blob: new Blob([copyText]) },
  );
  const copyMs = performance.now() - copyStart;
  const copied = await base.pglite.query<{ n: number }>("select count(*)::int as n from incidents");
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
