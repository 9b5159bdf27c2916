/**
 * `tanggap import incidents FILE`: the same validation and all-or-nothing, idempotent commit
 * as the web import, with a progress bar. Runs as the system (audited without a person) with
 * the whole province as scope.
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { openDatabase, prepareDatabase } from "../db/index";
import type { Config } from "../server/config";
import { systemContext } from "../server/context";
import { AppError } from "../server/errors";
import {
  type IncidentFileFormat,
  importIncidents,
} from "../server/modules/incidents/incidents.service";

const FORMATS: Record<string, IncidentFileFormat> = {
  ".csv": "csv",
  ".xlsx": "xlsx",
  ".geojson": "geojson",
  ".json": "geojson",
};

export function registerImportCommand(
  program: Command,
  readConfig: (o: Record<string, string | undefined>) => Config,
): void {
  const importCommand = program.command("import").description("import records from files");
  importCommand
    .command("incidents")
    .description(
      "import incidents from CSV, XLSX or GeoJSON: validate everything, then commit all or nothing",
    )
    .argument("<file>", "a .csv, .xlsx or .geojson file")
    .option("--dry-run", "validate and count, write nothing")
    .option("--data-dir <dir>", "PGlite data directory (overrides TANGGAP_DATA_DIR)")
    .action(async (file: string, opts: { dryRun?: boolean; dataDir?: string }) => {
      const format = FORMATS[extname(file).toLowerCase()];
      if (!format) {
        console.error(`tanggap import: ${file}: use a .csv, .xlsx or .geojson file`);
        process.exit(2);
      }
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch {
        console.error(`tanggap import: cannot read ${file}`);
        process.exit(2);
      }
      const config = readConfig({ TANGGAP_DATA_DIR: opts.dataDir, LOG_LEVEL: "silent" });
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
      const bar = new SingleBar({
        format: "  {bar} {percentage}% | {value}/{total} rows",
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 250,
        stream: process.stderr,
      });
      let started = false;
      try {
        await prepareDatabase(database.db);
        const report = await importIncidents(
          database.db,
          systemContext("cli:import:incidents"),
          { id: null, scope: "31" },
          content,
          format,
          opts.dryRun === true,
          (done, total) => {
            if (!started) {
              bar.start(total, 0);
              started = true;
            }
            bar.update(done);
          },
        );
        if (started) bar.stop();
        if (!report.valid) {
          console.error(`Nothing imported: ${report.problems.length} problem(s).`);
          for (const p of report.problems.slice(0, 50))
            console.error(`  row ${p.row}, column ${p.column}: ${p.code}`);
          if (report.problems.length > 50)
            console.error(`  ... and ${report.problems.length - 50} more`);
          process.exitCode = 2;
          return;
        }
        const verb = report.committed ? "Imported" : "Dry run, nothing written";
        console.log(
          `${verb}: ${report.rows} rows, ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged.`,
        );
      } catch (error) {
        if (started) bar.stop();
        if (error instanceof AppError) {
          const problems = (
            error.details as
              | { problems?: Array<{ row: number; column: string; code: string }> }
              | undefined
          )?.problems;
          console.error(`${error.code}: ${error.message}`);
          for (const p of problems?.slice(0, 50) ?? [])
            console.error(`  row ${p.row}, column ${p.column}: ${p.code}`);
          process.exitCode = 2;
          return;
        }
        throw error;
      } finally {
        await database.close();
      }
    });
}
