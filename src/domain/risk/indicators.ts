/**
 * The indicator catalogue of BNN's classic method: 8 pokok (main) and 5 pendukung
 * (supporting) indicators, assessed per area per round (DOMAIN.md section 4).
 */
export const INDICATOR_KINDS = ["pokok", "pendukung"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface Indicator {
  /** Stable code used in templates and imports, e.g. `P1`. */
  code: string;
  kind: IndicatorKind;
  name: string;
  nameEn: string;
  /** Retired indicators stay in the catalogue (old rounds used them) but are not assessed. */
  retired?: boolean;
}

export const DEFAULT_INDICATORS: readonly Indicator[] = [
  { code: "P1", kind: "pokok", name: "Kasus tindak pidana narkoba", nameEn: "Drug crime cases" },
  { code: "P2", kind: "pokok", name: "Kriminalitas/kekerasan", nameEn: "Crime and violence" },
  { code: "P3", kind: "pokok", name: "Bandar/pengedar", nameEn: "Dealers" },
  { code: "P4", kind: "pokok", name: "Produksi narkoba", nameEn: "Drug production" },
  { code: "P5", kind: "pokok", name: "Pengguna narkoba", nameEn: "Drug users" },
  { code: "P6", kind: "pokok", name: "Barang bukti", nameEn: "Seized evidence" },
  { code: "P7", kind: "pokok", name: "Pintu masuk narkoba", nameEn: "Entry points" },
  { code: "P8", kind: "pokok", name: "Kurir narkoba", nameEn: "Couriers" },
  { code: "D1", kind: "pendukung", name: "Tempat hiburan", nameEn: "Entertainment venues" },
  {
    code: "D2",
    kind: "pendukung",
    name: "Rumah kos/hunian berprivasi tinggi",
    nameEn: "Rooming houses, high-privacy housing",
  },
  { code: "D3", kind: "pendukung", name: "Kemiskinan", nameEn: "Poverty" },
  {
    code: "D4",
    kind: "pendukung",
    name: "Kurangnya fasilitas umum",
    nameEn: "Lack of public facilities",
  },
  {
    code: "D5",
    kind: "pendukung",
    name: "Rendahnya interaksi sosial",
    nameEn: "Low social interaction",
  },
];

export const INDICATOR_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,15}$/;

/** Problems with a catalogue (duplicate or malformed codes, empty names), or an empty list. */
export function catalogueProblems(indicators: readonly Indicator[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const indicator of indicators) {
    if (!INDICATOR_CODE_PATTERN.test(indicator.code))
      problems.push(`malformed code ${indicator.code}`);
    if (seen.has(indicator.code)) problems.push(`duplicate code ${indicator.code}`);
    seen.add(indicator.code);
    if (indicator.name.trim() === "") problems.push(`empty name for ${indicator.code}`);
  }
  if (!indicators.some((i) => !i.retired)) problems.push("no active indicator");
  return problems;
}
