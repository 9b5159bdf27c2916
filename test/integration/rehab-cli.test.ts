/** `tanggap keys rotate` from the command line: a new key in a 0600 file, audited, idempotent to repeat. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshStorage } from "../db";

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tanggap(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["bin/tanggap.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 140_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tanggap keys rotate", () => {
  it("adds a key to a 0600 key file and makes it current", async () => {
    const { env, cleanup } = await freshStorage();
    cleanups.push(cleanup);
    const dir = mkdtempSync(join(tmpdir(), "tanggap-cli-keys-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const keyFile = join(dir, "keys", "tanggap.keys");
    const first = tanggap(["keys", "rotate"], { ...env, TANGGAP_KEY_FILE: keyFile });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Rotated to key 2 (was 1): 0 clients re-encrypted.");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(keyFile, "utf8")).keys.map((k: { id: number }) => k.id)).toEqual(
      [1, 2],
    );
    const second = tanggap(["keys", "rotate"], { ...env, TANGGAP_KEY_FILE: keyFile });
    expect(second.stdout).toContain("Rotated to key 3 (was 2)");
  }, 300_000);

  it("refuses a malformed TANGGAP_DATA_KEY with exit code 2, without echoing it", () => {
    const { status, stderr } = tanggap(["keys", "rotate"], { TANGGAP_DATA_KEY: "not-a-key" });
    expect(status).toBe(2);
    expect(stderr).toContain("TANGGAP_DATA_KEY=(hidden)");
    expect(stderr).not.toContain("not-a-key");
  });
});
