#!/usr/bin/env node
// `npm test`: runs every test suite whose tools are present on this machine, says which it
// skipped and why, and ends with one line `N passed, N failed` from vitest's real counts.
// With CI=true a skipped suite is a failure: CI must run everything.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const ci = process.env.CI === "true" || process.env.CI === "1";
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const pgRoot = "/usr/lib/postgresql";
const pgBinaries =
  existsSync(pgRoot) &&
  readdirSync(pgRoot).some((v) => existsSync(join(pgRoot, v, "bin", "initdb")));

const suites = [
  { project: "unit", available: true },
  { project: "integration-pglite", available: true },
  {
    project: "integration-postgres",
    available: Boolean(process.env.DATABASE_URL) || pgBinaries,
    why: "no DATABASE_URL and no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)",
  },
  {
    project: "e2e",
    available: existsSync(chromium),
    why: `no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`,
  },
];
const run = suites.filter((s) => s.available);
const skipped = suites.filter((s) => !s.available);
for (const s of skipped) console.log(`SKIPPED suite ${s.project}: ${s.why}`);

let buildFailed = false;
if (run.some((s) => s.project === "e2e") && process.env.TANGGAP_SKIP_BUILD !== "1") {
  console.log("Building the web client for the end-to-end suite ...");
  const build = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
  buildFailed = build.status !== 0;
}

mkdirSync("test-results", { recursive: true });
const report = join("test-results", "vitest.json");
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const vitest = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    ...run.flatMap((s) => ["--project", s.project]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...extra,
  ],
  { stdio: "inherit" },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed = result.numPassedTests;
  failed = result.numFailedTests;
  // A file that fails to load has no test results: count it as a failure.
  failed += result.testResults.filter(
    (f) => f.status === "failed" && f.assertionResults.length === 0,
  ).length;
} else {
  failed = 1;
}
if (buildFailed) failed += 1;
if (vitest.status !== 0 && failed === 0) failed = 1;

console.log("");
console.log(`Suites run: ${run.map((s) => s.project).join(", ")}`);
if (skipped.length > 0) {
  console.log(
    `Suites skipped: ${skipped.map((s) => s.project).join(", ")}${ci ? " (not allowed with CI=true)" : ""}`,
  );
  if (ci) failed += skipped.length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
