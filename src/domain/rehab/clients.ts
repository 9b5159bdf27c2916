/**
 * Client-level rules: pseudonymous codes, NIK normalisation, ages, age bands and the
 * children's-data flag (UU 27/2022: data of people under 18 is specific personal data).
 */

export const SEXES = ["male", "female"] as const;
export type Sex = (typeof SEXES)[number];

/** Crockford base32 without I, L, O, U: nothing that reads as another letter or a word. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A client code such as RH-7K2M-Q9XD from 8 random bytes (only 5 bits of each used). */
export function clientCodeFrom(random: Uint8Array): string {
  if (random.length < 8) throw new Error("clientCodeFrom needs 8 random bytes");
  const chars = Array.from(random.slice(0, 8), (b) => CODE_ALPHABET[b & 31]);
  return `RH-${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}`;
}

export const CLIENT_CODE_PATTERN = /^RH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Upper-case, trimmed, O read as 0 and I/L as 1, with the dashes put back. */
export function normaliseClientCode(input: string): string {
  const raw = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  const body = raw.startsWith("RH") ? raw.slice(2) : raw;
  if (body.length !== 8) return input.trim().toUpperCase();
  return `RH-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** A NIK (Nomor Induk Kependudukan) as its 16 digits, or null when it is not one. */
export function normaliseNik(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, "");
  return /^\d{16}$/.test(digits) ? digits : null;
}

/** Whole years between a birth date and a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Age from the birth year only (what statistics use: the exact date is encrypted). */
export function ageFromBirthYear(birthYear: number, on: string): number {
  return Number(on.slice(0, 4)) - birthYear;
}

/** A person under 18 at the given date: their records are children's data. */
export function isChild(age: number): boolean {
  return age < 18;
}

export const AGE_BANDS = [
  "0-12",
  "13-17",
  "18-25",
  "26-35",
  "36-45",
  "46-55",
  "56+",
  "unknown",
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number | null | undefined): AgeBand {
  if (age === null || age === undefined || !Number.isFinite(age) || age < 0) return "unknown";
  if (age <= 12) return "0-12";
  if (age <= 17) return "13-17";
  if (age <= 25) return "18-25";
  if (age <= 35) return "26-35";
  if (age <= 45) return "36-45";
  if (age <= 55) return "46-55";
  return "56+";
}

/** Identity fields: encrypted per field, shown only on an audited request. */
export const IDENTITY_FIELDS = ["fullName", "nik", "dateOfBirth", "phone", "address"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** Why someone asks to see a client's identity (the audit log records the code). */
export const IDENTITY_REASONS = [
  "treatment",
  "contact_client",
  "referral",
  "legal_requirement",
  "data_subject_request",
  "emergency",
  "other",
] as const;
export type IdentityReason = (typeof IDENTITY_REASONS)[number];

/** Lawful grounds for erasing a client's identity on request. */
export const ERASURE_BASES = [
  "data_subject_request",
  "consent_withdrawn",
  "retention_expired",
  "court_order",
  "other",
] as const;

/** A break-the-glass grant lasts this long. */
export const BREAK_GLASS_HOURS = 4;
