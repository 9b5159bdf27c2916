/**
 * Benchmarks. Each compares Tanggap's path with a named baseline in the same run and prints
 * the ratio. Not part of `npm test`; run with `npm run bench`, record in docs/PERFORMANCE.md.
 *
 * 1. Start-up reference load: checksum skip (what every start does) vs a forced reload that
 *    upserts every row and writes none (the baseline without the checksum).
 * 2. GET /api/areas for the 56 kelurahan of Jakarta Barat through the full app (validation,
 *    zod serialisation, security headers) vs the baseline of the same rows fetched and
 *    JSON.stringify-ed directly.
 */

import { loadReferenceAreas, openDatabase, prepareDatabase } from "../src/db/index";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { findAreas } from "../src/server/modules/areas/areas.repository";

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`  ${label.padEnd(58)} median ${median.toFixed(2)} ms (${runs} runs)`);
  return median;
}

const database = await openDatabase({ dataDir: "memory://" });
await prepareDatabase(database.db);
console.log(`Database: ${database.kind}`);

console.log("\n1. Reference areas on start (318 areas)");
const skip = await time("checksum skip (Tanggap)", 20, () => loadReferenceAreas(database.db));
const forced = await time("forced upsert, no row changes (baseline)", 10, async () => {
  await database.db.deleteFrom("reference_datasets").execute();
  await loadReferenceAreas(database.db);
});
console.log(`  ratio baseline / Tanggap: ${(forced / skip).toFixed(1)}x`);

console.log("\n2. GET /api/areas?level=kelurahan&parent=31.73 (56 polygons)");
const app = await buildApp({
  db: database.db,
  config: loadConfig({ LOG_LEVEL: "silent", TANGGAP_WEB_ROOT: "/nonexistent" }),
});
await app.ready();
const full = await time("full app via inject (Tanggap)", 50, async () => {
  const res = await app.inject({ url: "/api/areas?level=kelurahan&parent=31.73" });
  if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
});
const raw = await time("query + JSON.stringify only (baseline)", 50, async () => {
  const rows = await findAreas(database.db, {
    level: "kelurahan",
    parent: "31.73",
    withGeometry: true,
  });
  JSON.stringify(rows);
});
console.log(
  `  ratio Tanggap / baseline: ${(full / raw).toFixed(2)}x (the cost of validation and headers)`,
);

await app.close();
await database.close();
