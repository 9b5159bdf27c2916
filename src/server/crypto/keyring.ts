/**
 * Field encryption for the rehabilitation registry: AES-256-GCM per field under a key ring
 * that lives outside the database (a 0600 key file, or TANGGAP_DATA_KEY), and a keyed-hash
 * blind index for NIK de-duplication. See docs/adr/0006-rehab-encryption.md.
 *
 * Ciphertext text format: `v1.<keyId>.<iv base64url>.<ciphertext+tag base64url>`. The
 * associated data binds a value to its table, column and row: a ciphertext copied to another
 * row or column does not decrypt.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";

const FORMAT = "tanggap-keys/1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface KeySource {
  /** Path of the key file (created with 0600 permissions when missing). */
  keyFile: string;
  /** Keys from the environment instead of a file: `base64` or `1:base64,2:base64`. */
  dataKey?: string | undefined;
}

interface KeyFile {
  format: typeof FORMAT;
  keys: Array<{ id: number; key: string; createdAt: string }>;
}

export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyRingError";
  }
}

/** Where a ciphertext belongs: it only decrypts there. */
export interface FieldContext {
  table: string;
  column: string;
  rowId: string;
}

function aad(ctx: FieldContext): Buffer {
  return Buffer.from(`tanggap:${ctx.table}:${ctx.column}:${ctx.rowId}`, "utf8");
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== KEY_BYTES)
    throw new KeyRingError(`${where}: a key must be 32 bytes, base64-encoded (got ${key.length}).`);
  return key;
}

/** The key id a ciphertext was made with, or null when it is not one of ours. */
export function keyIdOf(ciphertext: string): number | null {
  const m = /^v1\.(\d+)\./.exec(ciphertext);
  return m ? Number(m[1]) : null;
}

export class KeyRing {
  private readonly indexKeys = new Map<number, Buffer>();

  constructor(
    private readonly keys: ReadonlyMap<number, Buffer>,
    readonly source: "file" | "environment",
  ) {
    if (keys.size === 0) throw new KeyRingError("The key ring is empty.");
  }

  /** Key ids, oldest first. */
  ids(): number[] {
    return [...this.keys.keys()].sort((a, b) => a - b);
  }

  /** The newest key id (the one a fresh database starts with). */
  newestId(): number {
    return Math.max(...this.keys.keys());
  }

  has(id: number): boolean {
    return this.keys.has(id);
  }

  private key(id: number): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new KeyRingError(`Key ${id} is not in the key ring.`);
    return key;
  }

  encrypt(keyId: number, plaintext: string, ctx: FieldContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key(keyId), iv);
    cipher.setAAD(aad(ctx));
    const body = Buffer.concat([
      cipher.update(plaintext, "utf8"),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `v1.${keyId}.${iv.toString("base64url")}.${body.toString("base64url")}`;
  }

  decrypt(ciphertext: string, ctx: FieldContext): string {
    const parts = ciphertext.split(".");
    if (parts.length !== 4 || parts[0] !== "v1")
      throw new KeyRingError("Not a Tanggap ciphertext.");
    const iv = Buffer.from(parts[2]!, "base64url");
    const body = Buffer.from(parts[3]!, "base64url");
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES)
      throw new KeyRingError("Damaged ciphertext.");
    const decipher = createDecipheriv("aes-256-gcm", this.key(Number(parts[1])), iv);
    decipher.setAAD(aad(ctx));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  }

  /** The blind-index key of a data key: HKDF-SHA256, separate from the encryption key. */
  private indexKey(keyId: number): Buffer {
    let key = this.indexKeys.get(keyId);
    if (!key) {
      key = Buffer.from(
        hkdfSync("sha256", this.key(keyId), "tanggap", "rehab nik blind index v1", 32),
      );
      this.indexKeys.set(keyId, key);
    }
    return key;
  }

  /** Keyed hash of an already normalised value (e.g. the 16 digits of a NIK). */
  blindIndex(keyId: number, kind: string, normalised: string): string {
    return createHmac("sha256", this.indexKey(keyId))
      .update(`${kind}:${normalised}`)
      .digest("base64url");
  }
}

function parseEnvironmentKeys(value: string): Map<number, Buffer> {
  const keys = new Map<number, Buffer>();
  const entries = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const m = /^(\d+):(.+)$/.exec(entry);
    if (m) keys.set(Number(m[1]), decodeKey(m[2]!, "TANGGAP_DATA_KEY"));
    else if (entries.length === 1) keys.set(1, decodeKey(entry, "TANGGAP_DATA_KEY"));
    else
      throw new KeyRingError("TANGGAP_DATA_KEY: with several keys, write each as <id>:<base64>.");
  }
  return keys;
}

function parseKeyFile(text: string, path: string): Map<number, Buffer> {
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(text) as KeyFile;
  } catch {
    throw new KeyRingError(`${path}: not a Tanggap key file (invalid JSON).`);
  }
  if (parsed?.format !== FORMAT || !Array.isArray(parsed.keys))
    throw new KeyRingError(`${path}: not a Tanggap key file (format ${FORMAT} expected).`);
  return new Map(parsed.keys.map((k) => [k.id, decodeKey(k.key, path)]));
}

function newKeyEntry(id: number) {
  return {
    id,
    key: randomBytes(KEY_BYTES).toString("base64"),
    createdAt: new Date().toISOString(),
  };
}

/** Write a key file atomically with 0600 permissions; `exclusive` refuses to replace one. */
function writeKeyFile(path: string, file: KeyFile, exclusive: boolean): boolean {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(temp, 0o600);
  try {
    if (exclusive) {
      try {
        linkSync(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw error;
      }
    } else {
      renameSync(temp, path);
      return true;
    }
  } finally {
    rmSync(temp, { force: true });
  }
  return true;
}

function readKeyFile(path: string): Map<number, Buffer> | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new KeyRingError(`${path}: cannot read the key file (${(error as Error).message}).`);
  }
  return parseKeyFile(text, path);
}

/** Load the key ring, creating the key file with one fresh key on first start. */
export function loadKeyRing(source: KeySource): KeyRing {
  if (source.dataKey) return new KeyRing(parseEnvironmentKeys(source.dataKey), "environment");
  const existing = readKeyFile(source.keyFile);
  if (existing) return new KeyRing(existing, "file");
  writeKeyFile(source.keyFile, { format: FORMAT, keys: [newKeyEntry(1)] }, true);
  // Another process may have created it first: read whatever is there now.
  const created = readKeyFile(source.keyFile);
  if (!created) throw new KeyRingError(`${source.keyFile}: the key file could not be created.`);
  return new KeyRing(created, "file");
}

/** Add a fresh key to the key file (rotation's first step); returns its id and the new ring. */
export function addKeyToFile(source: KeySource): { keyId: number; ring: KeyRing } {
  if (source.dataKey)
    throw new KeyRingError(
      "The keys come from TANGGAP_DATA_KEY: add a new key there as <id>:<base64> (keep the old ones), then run the rotation again with --key <id>.",
    );
  const current = loadKeyRing(source);
  const text = readFileSync(source.keyFile, "utf8");
  const file = JSON.parse(text) as KeyFile;
  const id = current.newestId() + 1;
  file.keys.push(newKeyEntry(id));
  writeKeyFile(source.keyFile, file, false);
  return { keyId: id, ring: loadKeyRing(source) };
}

const rings = new Map<string, KeyRing>();

/** The process's key ring for a source, loaded once; `reload` reads the file again. */
export function keyRingFor(source: KeySource, reload = false): KeyRing {
  const cacheKey = source.dataKey ? `env:${source.dataKey}` : `file:${source.keyFile}`;
  let ring = reload ? undefined : rings.get(cacheKey);
  if (!ring) {
    ring = loadKeyRing(source);
    rings.set(cacheKey, ring);
  }
  return ring;
}
