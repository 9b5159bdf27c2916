/**
 * `tanggap keys rotate`: add a key to the rehabilitation registry's key ring and re-encrypt
 * every client's identity fields (and NIK blind index) under it, in one audited transaction.
 */
import type { Command } from "commander";
import { openDatabase, prepareDatabase } from "../db/index";
import type { Config } from "../server/config";
import { systemContext } from "../server/context";
import { rotateKeys } from "../server/modules/rehab/rehab-keys.service";

export function registerKeysCommand(
  program: Command,
  readConfig: (o: Record<string, string | undefined>) => Config,
): void {
  const keys = program
    .command("keys")
    .description("manage the rehabilitation registry's encryption keys");
  keys
    .command("rotate")
    .description(
      "add a new key (TANGGAP_KEY_FILE) and re-encrypt every identity field under it, in one transaction",
    )
    .option("--data-dir <dir>", "PGlite data directory (overrides TANGGAP_DATA_DIR)")
    .action(async (opts: { dataDir?: string }) => {
      const config = readConfig({ TANGGAP_DATA_DIR: opts.dataDir, LOG_LEVEL: "silent" });
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        await prepareDatabase(database.db);
        const result = await rotateKeys(
          database.db,
          { keyFile: config.keyFile, dataKey: config.dataKey },
          systemContext("cli:keys-rotate"),
        );
        console.log(
          `Rotated to key ${result.toKeyId} (was ${result.fromKeyId}): ${result.clients} client${result.clients === 1 ? "" : "s"} re-encrypted.`,
        );
        if (!config.dataKey)
          console.log(`Back up ${config.keyFile}: without it the identity fields cannot be read.`);
      } finally {
        await database.close();
      }
    });
}
