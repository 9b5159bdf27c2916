import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateIncidents } from "../../bench/generate-incidents";
import { openDatabase } from "../../src/db/index";
import { freshStorage } from "../db";

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tanggap(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["bin/tanggap.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tanggap CLI", () => {
  it("explains each command with --help", () => {
    for (const command of ["serve", "migrate", "demo"]) {
      const { status, stdout } = tanggap([command, "--help"]);
      expect(status).toBe(0);
      expect(stdout).toContain(`Usage: tanggap ${command}`);
    }
    expect(tanggap(["--help"]).stdout).toContain("TANGGAP_DATA_DIR");
  });

  it("exits with code 2 and names the setting when the configuration is bad", () => {
    const { status, stderr } = tanggap(["migrate"], { LOG_LEVEL: "loud" });
    expect(status).toBe(2);
    expect(stderr).toContain('LOG_LEVEL="loud"');
  });

  it("rejects a bad --port before doing anything", () => {
    const { status, stderr } = tanggap(["serve", "--port", "http"]);
    expect(status).not.toBe(0);
    expect(stderr).toContain("must be a whole number");
  });

  it("migrate applies the schema and areas once, then reports them up to date", async () => {
    const { env, cleanup } = await freshStorage();
    cleanups.push(cleanup);
    const first = tanggap(["migrate"], env);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Applied 0001_areas");
    expect(first.stdout).toContain("318 checked, 318 written");
    const second = tanggap(["migrate"], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("Database schema is up to date.");
    expect(second.stdout).toContain("already loaded");
  });
});

describe("tanggap import incidents", () => {
  it("imports all or nothing, idempotently, and names bad rows", async () => {
    const { env, cleanup } = await freshStorage();
    cleanups.push(cleanup);
    const dir = mkdtempSync(join(tmpdir(), "tanggap-import-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const header = "external_ref,date,type,source,lon,lat,kelurahan_code";
    const rows = [
      "C/1,2025-01-05,possession,police_report,106.81311,-6.13524,",
      "C/2,2025-01-06,drug_use,news,,,31.73.07.1006",
    ];
    const good = join(dir, "good.csv");
    writeFileSync(good, `${header}\n${rows.join("\n")}\n`);
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      `${header}\n${rows.join("\n")}\nC/3,2025-01-07,teleport,news,,,31.73.07.1006\n`,
    );

    const refused = tanggap(["import", "incidents", bad], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("row 4, column type: UNKNOWN_TYPE");
    const first = tanggap(["import", "incidents", good], env);
    expect(first.stderr).not.toContain("Error");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Imported: 2 rows, 2 new, 0 changed, 0 unchanged.");
    const again = tanggap(["import", "incidents", good], env);
    expect(again.stdout).toContain("Imported: 2 rows, 0 new, 0 changed, 2 unchanged.");
    const wrongType = tanggap(["import", "incidents", join(dir, "notes.txt")], env);
    expect(wrongType.status).toBe(2);
  });
});

describe("a killed import", () => {
  it("leaves no partial data", async () => {
    const { env, cleanup } = await freshStorage();
    cleanups.push(cleanup);
    const dir = mkdtempSync(join(tmpdir(), "tanggap-kill-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "big.csv");
    writeFileSync(file, generateIncidents(30_000, 3));
    const child = spawn(process.execPath, ["bin/tanggap.mjs", "import", "incidents", file], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Kill it hard once the first batch has been written inside the transaction.
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        if (/\d+\/30000 rows/.test(chunk.toString())) resolve();
      });
      child.on("exit", () => resolve());
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("close", resolve));
    const database = await openDatabase({
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.TANGGAP_DATA_DIR,
    });
    try {
      const row = await database.db
        .selectFrom("incidents")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(0);
    } finally {
      await database.close();
    }
  });
});
