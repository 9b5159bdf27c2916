/** Random tokens and their stored hashes: the database never holds a usable token. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new random token, 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The SHA-256 hash stored in place of a token. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of two strings. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
