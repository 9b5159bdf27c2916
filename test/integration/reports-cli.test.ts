/** `tanggap report briefing|bnnk`: files written from the same service; clear exit code 2. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as mupdf from "mupdf";
import { afterAll, describe, expect, it } from "vitest";
import { freshStorage } from "../db";

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tanggap(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["bin/tanggap.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tanggap report", () => {
  it("writes the briefing PDF and the BNNK table; refuses bad areas and paths with code 2", async () => {
    const { env, cleanup } = await freshStorage();
    cleanups.push(cleanup);
    const dir = mkdtempSync(join(tmpdir(), "tanggap-report-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

    const out = join(dir, "bahan.pdf");
    const ok = tanggap(["report", "briefing", "--area", "31.73.07", "--out", out], env);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("Briefing for Pal Merah (31.73.07) written to");
    const pdf = readFileSync(out);
    const doc = mupdf.Document.openDocument(pdf, "application/pdf");
    const first = doc
      .loadPage(0)
      .toStructuredText("preserve-whitespace")
      .asText()
      .replace(/\s+/g, " ");
    expect(first).toContain("Kecamatan Pal Merah");
    expect(doc.countPages()).toBeGreaterThanOrEqual(5);

    const unknown = tanggap(["report", "briefing", "--area", "31.73.99", "--out", out], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("tanggap report: unknown area 31.73.99");

    const malformed = tanggap(["report", "briefing", "--area", "barat", "--out", out], env);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain("barat is not an area code");

    const nowhere = tanggap(
      ["report", "briefing", "--area", "31.73", "--out", join(dir, "missing", "x.pdf")],
      env,
    );
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain("cannot write");

    const csv = join(dir, "bnnk.csv");
    const table = tanggap(["report", "bnnk", "--year", "2025", "--out", csv], env);
    expect(table.stderr).toBe("");
    expect(table.status).toBe(0);
    const lines = readFileSync(csv, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(7); // header and the six cities of DKI
    expect(lines.some((l) => l.startsWith("31.73,Kota Administrasi Jakarta Barat,,,,56,"))).toBe(
      true,
    );
  }, 480_000); // four processes each opening and migrating an embedded database
});
