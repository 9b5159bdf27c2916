import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addKeyToFile, keyIdOf, loadKeyRing } from "./keyring";

const dir = mkdtempSync(join(tmpdir(), "tanggap-keyring-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const where = { table: "rehab_clients", column: "full_name_enc", rowId: "a" };

describe("key ring", () => {
  it("creates a 0600 key file once and reads the same key again", () => {
    const keyFile = join(dir, "keys", "tanggap.keys");
    const ring = loadKeyRing({ keyFile });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const ct = ring.encrypt(1, "Budi", where);
    expect(loadKeyRing({ keyFile }).decrypt(ct, where)).toBe("Budi");
  });

  it("uses a fresh IV each time and binds a ciphertext to its table, column and row", () => {
    const ring = loadKeyRing({ keyFile: join(dir, "bind.keys") });
    const a = ring.encrypt(1, "3173011204950007", where);
    expect(ring.encrypt(1, "3173011204950007", where)).not.toBe(a);
    expect(keyIdOf(a)).toBe(1);
    expect(() => ring.decrypt(a, { ...where, rowId: "b" })).toThrow();
    expect(() => ring.decrypt(a, { ...where, column: "nik_enc" })).toThrow();
    const tampered = `${a.slice(0, -2)}${a.endsWith("A") ? "B" : "A"}${a.slice(-1)}`;
    expect(() => ring.decrypt(tampered, where)).toThrow();
  });

  it("keeps old keys readable after adding one; blind indexes differ per key", () => {
    const keyFile = join(dir, "rotate.keys");
    const ring = loadKeyRing({ keyFile });
    const old = ring.encrypt(1, "x", where);
    const { keyId, ring: next } = addKeyToFile({ keyFile });
    expect(keyId).toBe(2);
    expect(next.decrypt(old, where)).toBe("x");
    expect(next.blindIndex(1, "nik", "1")).not.toBe(next.blindIndex(2, "nik", "1"));
    expect(next.blindIndex(2, "nik", "1")).toBe(loadKeyRing({ keyFile }).blindIndex(2, "nik", "1"));
    expect(JSON.parse(readFileSync(keyFile, "utf8")).keys).toHaveLength(2);
  });

  it("reads keys from the environment and refuses a wrong length", () => {
    const k1 = randomBytes(32).toString("base64");
    const k2 = randomBytes(32).toString("base64");
    expect(loadKeyRing({ keyFile: "unused", dataKey: k1 }).ids()).toEqual([1]);
    expect(loadKeyRing({ keyFile: "unused", dataKey: `1:${k1},2:${k2}` }).newestId()).toBe(2);
    expect(() =>
      loadKeyRing({ keyFile: "unused", dataKey: randomBytes(16).toString("base64") }),
    ).toThrow(/32 bytes/);
  });
});
