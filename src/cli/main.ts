/**
 * The `tanggap` command. Each subcommand is small and delegates to the db or server layer.
 */
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { MigrationError, type OpenDatabase, openDatabase, prepareDatabase } from "../db/index";
import { ORGANISATION_TYPES, type OrganisationType } from "../domain/access/organisations";
import { CONFIG_DOC, type Config, ConfigError, loadConfig } from "../server/config";
import { AppError } from "../server/errors";
import { startServer } from "../server/main";
import { verifyAuditChain } from "../server/modules/audit/audit.service";
import { createAdministrator } from "../server/system/accounts";
import { VERSION } from "../server/version";
import { registerHotspotsCommand } from "./hotspots";
import { registerImportCommand } from "./import";
import { registerKeysCommand } from "./keys";
import { readPassword } from "./prompt";
import { registerReportCommand } from "./report";

/** Exit codes: 0 ok, 1 failure at run time, 2 bad configuration or usage. */
const EXIT_CONFIG = 2;

function readConfig(overrides: Record<string, string | undefined> = {}): Config {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) env[key] = value;
  return loadConfig(env);
}

function port(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError("must be a whole number from 0 to 65535");
  }
  return value;
}

const settings = `\nSettings (environment variables):\n${CONFIG_DOC.map(
  ([name, fallback, meaning]) => `  ${name.padEnd(29)} ${meaning} (default ${fallback})`,
).join("\n")}\n`;

export function buildCli(): Command {
  const program = new Command("tanggap")
    .description("Tanggap: map, act on and evaluate the drug problem in DKI Jakarta")
    .version(VERSION)
    .addHelpText("after", settings)
    .showHelpAfterError();

  program
    .command("serve")
    .description("apply migrations, load reference areas and serve the API and web client")
    .option("-p, --port <port>", "HTTP port (overrides PORT)", port)
    .option("--host <host>", "address to listen on (overrides HOST)")
    .option("--data-dir <dir>", "PGlite data directory (overrides TANGGAP_DATA_DIR)")
    .action(async (opts: { port?: string; host?: string; dataDir?: string }) => {
      const config = readConfig({
        PORT: opts.port,
        HOST: opts.host,
        TANGGAP_DATA_DIR: opts.dataDir,
      });
      const server = await startServer(config, { handleSignals: true });
      printReady(
        server.url,
        server.database.kind === "pglite" ? server.database.location : "PostgreSQL",
      );
    });

  program
    .command("migrate")
    .description("apply pending database migrations and load reference areas, then exit")
    .option("--data-dir <dir>", "PGlite data directory (overrides TANGGAP_DATA_DIR)")
    .action(async (opts: { dataDir?: string }) => {
      const config = readConfig({ TANGGAP_DATA_DIR: opts.dataDir });
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        const { migrations: applied, areas } = await prepareDatabase(database.db);
        console.log(
          applied.length > 0 ? `Applied ${applied.join(", ")}.` : "Database schema is up to date.",
        );
        console.log(
          areas.skipped
            ? `Reference areas (${areas.dataset}, ${areas.records}) already loaded.`
            : `Reference areas (${areas.dataset}): ${areas.records} checked, ${areas.written} written.`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command("demo")
    .description("start on a fresh demo database in its own data directory (embedded PGlite)")
    .option("-p, --port <port>", "HTTP port (overrides PORT)", port)
    .option("--host <host>", "address to listen on (overrides HOST)")
    .option("--data-dir <dir>", "demo data directory, emptied first", "./var/demo")
    .action(async (opts: { port?: string; host?: string; dataDir: string }) => {
      const dataDir = resolve(opts.dataDir);
      rmSync(dataDir, { recursive: true, force: true });
      // The demo never touches a configured PostgreSQL: it always uses its own directory.
      const config = {
        ...readConfig({ PORT: opts.port, HOST: opts.host }),
        databaseUrl: undefined,
        dataDir,
      };
      console.log(`Preparing a fresh demo database in ${dataDir} ...`);
      const server = await startServer(config, { handleSignals: true, seedDemo: true });
      printReady(server.url, dataDir);
      const demo = server.config.demo;
      if (demo) {
        console.log("Demo accounts (one per role), all with the password below:");
        for (const account of demo.accounts)
          console.log(`  ${account.role.padEnd(22)} ${account.email}`);
        console.log(`  password: ${demo.password}\n`);
      }
    });

  const users = program.command("users").description("manage people");
  users
    .command("create-admin")
    .description(
      "create an administrator; the password is read from a prompt or standard input, never an argument",
    )
    .requiredOption("--email <email>", "e-mail address (the sign-in name)")
    .requiredOption("--name <name>", "full name")
    .option("--organisation <name>", "organisation (created if missing)", "BNNP DKI Jakarta")
    .option(
      "--organisation-type <type>",
      `type of a new organisation: ${ORGANISATION_TYPES.join(", ")}`,
      organisationType,
      "bnn",
    )
    .option("--scope <code>", "area scope (Kemendagri code)", "31")
    .option("--data-dir <dir>", "PGlite data directory (overrides TANGGAP_DATA_DIR)")
    .action(
      async (opts: {
        email: string;
        name: string;
        organisation: string;
        organisationType: OrganisationType;
        scope: string;
        dataDir?: string;
      }) => {
        const config = readConfig({ TANGGAP_DATA_DIR: opts.dataDir, LOG_LEVEL: "silent" });
        const password = await readPassword();
        await withDatabase(config, async (db) => {
          const id = await createAdministrator(db, { ...opts, password });
          console.log(`Administrator ${opts.email} created (id ${id}).`);
        });
      },
    );

  registerHotspotsCommand(program);
  registerImportCommand(program, readConfig);
  registerKeysCommand(program, readConfig);
  registerReportCommand(program, readConfig);

  const audit = program.command("audit").description("the audit log");
  audit
    .command("verify")
    .description("check the audit log's hash chain; names the first broken event (exit code 1)")
    .option("--data-dir <dir>", "PGlite data directory (overrides TANGGAP_DATA_DIR)")
    .action(async (opts: { dataDir?: string }) => {
      const config = readConfig({ TANGGAP_DATA_DIR: opts.dataDir, LOG_LEVEL: "silent" });
      await withDatabase(config, async (db) => {
        const verdict = await verifyAuditChain(db);
        if (verdict.ok) {
          console.log(`Audit chain intact: ${verdict.checked} events checked.`);
          return;
        }
        const what =
          verdict.reason === "hash"
            ? "its content does not match its hash"
            : "it does not link to the event before it";
        console.error(
          `Audit chain broken at event ${verdict.brokenAt}: ${what} (${verdict.checked} events before it are intact).`,
        );
        process.exitCode = 1;
      });
    });

  return program;
}

function organisationType(value: string): OrganisationType {
  if (!(ORGANISATION_TYPES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`must be one of ${ORGANISATION_TYPES.join(", ")}`);
  }
  return value as OrganisationType;
}

/** Open the configured database, bring it up to date, run `work`, close. */
async function withDatabase(
  config: Config,
  work: (db: OpenDatabase["db"]) => Promise<void>,
): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database.db);
    await work(database.db);
  } finally {
    await database.close();
  }
}

function printReady(url: string, where: string): void {
  console.log(`\nTanggap is running at ${url}  (data: ${where})\nPress Ctrl+C to stop.\n`);
}

/** Run the CLI; maps configuration errors to exit code 2. */
export async function main(argv = process.argv): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_CONFIG);
    }
    if (error instanceof AppError) {
      const details = (error.details as { problems?: string[] } | undefined)?.problems;
      console.error(`${error.code}: ${error.message}${details ? ` (${details.join(", ")})` : ""}`);
      process.exit(error.statusCode < 500 ? EXIT_CONFIG : 1);
    }
    if (error instanceof MigrationError) {
      console.error(error.message);
      process.exit(1);
    }
    const code = (error as { code?: string }).code;
    if (code === "EADDRINUSE") {
      console.error(`The port is already in use: ${(error as Error).message}`);
      process.exit(1);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
