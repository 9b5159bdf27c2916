/**
 * Kemendagri area codes and administrative levels.
 *
 * Codes are dotted: province `31`, city or regency `31.73`, kecamatan `31.73.01`,
 * kelurahan `31.73.01.1004`. The level of a code follows from its number of segments,
 * except that the second level is either a `kota` or a `kabupaten`.
 */

export const AREA_LEVELS = ["provinsi", "kabupaten", "kota", "kecamatan", "kelurahan"] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

const AREA_CODE_PATTERN = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;

/** True when `code` has the shape of a Kemendagri area code at any level. */
export function isAreaCode(code: string): boolean {
  return AREA_CODE_PATTERN.test(code);
}

/** True when `value` is one of the known administrative levels. */
export function isAreaLevel(value: string): value is AreaLevel {
  return (AREA_LEVELS as readonly string[]).includes(value);
}

/** Depth of a code: 1 for a province, 2 for a city or regency, 3 kecamatan, 4 kelurahan. */
export function codeDepth(code: string): number {
  return code.split(".").length;
}

/** Depth at which areas of a level sit in the code hierarchy. */
export function levelDepth(level: AreaLevel): number {
  switch (level) {
    case "provinsi":
      return 1;
    case "kabupaten":
    case "kota":
      return 2;
    case "kecamatan":
      return 3;
    case "kelurahan":
      return 4;
  }
}

/** The code of the area directly containing `code`, or null for a province. */
export function parentCode(code: string): string | null {
  const cut = code.lastIndexOf(".");
  return cut < 0 ? null : code.slice(0, cut);
}

/** True when `code` lies inside (or is) the area `ancestor`. */
export function isWithin(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}
