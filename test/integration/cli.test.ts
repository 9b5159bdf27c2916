import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
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
