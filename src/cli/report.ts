/**
 * `tanggap report briefing --area CODE --out FILE.pdf` and `tanggap report bnnk --out FILE`:
 * the same reports as the web, from the same service, for the whole province (the command
 * line runs as the system; each generation is audited without a person).
 */
import { accessSync, constants, existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import type { Command } from "commander";
import { openDatabase, prepareDatabase } from "../db/index";
import { isAreaCode } from "../domain/areas/codes";
import type { Config } from "../server/config";
import { systemContext } from "../server/context";
import { AppError } from "../server/errors";
import { renderTable } from "../server/modules/exports";
import { bnnkColumns } from "../server/modules/reports/bnnk.pdf";
import { defaultBnnkYear } from "../server/modules/reports/reports.schema";
import { ReportsService } from "../server/modules/reports/reports.service";

const EXIT_USAGE = 2;

function fail(message: string): never {
  console.error(`tanggap report: ${message}`);
  process.exit(EXIT_USAGE);
}

/** The output path, checked before any work: its folder exists and both may be written. */
function writablePath(out: string, extensions: string[]): string {
  const path = resolve(out);
  const ext = extname(path).toLowerCase();
  if (!extensions.includes(ext)) fail(`${out}: the file name must end in ${extensions.join(", ")}`);
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) throw new Error("not a folder");
    accessSync(folder, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK);
  } catch {
    fail(`cannot write ${out}: the folder does not exist or is not writable`);
  }
  return path;
}

export function registerReportCommand(
  program: Command,
  readConfig: (o: Record<string, string | undefined>) => Config,
): void {
  const report = program.command("report").description("reports as files (PDF, CSV, XLSX)");

  const withService = async (
    dataDir: string | undefined,
    work: (s: ReportsService) => Promise<void>,
  ) => {
    const config = readConfig({ TANGGAP_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
    });
    try {
      await prepareDatabase(database.db);
      await work(new ReportsService(database.db));
    } finally {
      await database.close();
    }
  };

  report
    .command("briefing")
    .description("the briefing PDF for a coordination meeting: a city, kecamatan or kelurahan")
    .requiredOption("--area <code>", "Kemendagri area code, e.g. 31.73 or 31.73.07.1006")
    .requiredOption("--out <file>", "the PDF to write")
    .option("--data-dir <dir>", "PGlite data directory (overrides TANGGAP_DATA_DIR)")
    .action(async (opts: { area: string; out: string; dataDir?: string }) => {
      if (!isAreaCode(opts.area)) fail(`${opts.area} is not an area code (e.g. 31.73)`);
      const path = writablePath(opts.out, [".pdf"]);
      await withService(opts.dataDir, async (service) => {
        try {
          const { pdf, data } = await service.briefing(systemContext(), opts.area);
          writeFileSync(path, pdf);
          console.log(
            `Briefing for ${data.area.name} (${data.area.code}) written to ${path} (${pdf.length} bytes).`,
          );
        } catch (error) {
          if (error instanceof AppError && error.code === "AREA_NOT_FOUND")
            fail(`unknown area ${opts.area}`);
          throw error;
        }
      });
    });

  report
    .command("bnnk")
    .description(
      "the BNNK formation brief: Jakarta Barat against the other cities of DKI (.pdf), or its table (.csv, .xlsx)",
    )
    .requiredOption("--out <file>", "the file to write: .pdf, .csv or .xlsx")
    .option("--year <year>", "the year compared (default: last year)")
    .option("--data-dir <dir>", "PGlite data directory (overrides TANGGAP_DATA_DIR)")
    .action(async (opts: { out: string; year?: string; dataDir?: string }) => {
      const year = opts.year === undefined ? defaultBnnkYear() : Number(opts.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        fail(`--year ${opts.year}: give a year such as 2025`);
      const path = writablePath(opts.out, [".pdf", ".csv", ".xlsx"]);
      const ext = extname(path).toLowerCase();
      await withService(opts.dataDir, async (service) => {
        const ctx = systemContext();
        let body: Buffer;
        if (ext === ".pdf") body = (await service.bnnk(ctx, year)).pdf;
        else {
          const format = ext === ".csv" ? "csv" : "xlsx";
          const data = await service.bnnkTable(ctx, year, format);
          body = await renderTable({ columns: bnnkColumns(year), rows: data.rows, format });
        }
        writeFileSync(path, body);
        console.log(`BNNK brief (${year}) written to ${path} (${body.length} bytes).`);
      });
    });
}
