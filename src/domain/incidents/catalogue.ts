/** Incident catalogues: types (editable in the database; these are the defaults), sources, precision. */

export const DEFAULT_INCIDENT_TYPES: ReadonlyArray<{ code: string; name: string; nameEn: string }> =
  [
    { code: "drug_use", name: "Penyalahgunaan narkoba", nameEn: "Drug use" },
    { code: "possession", name: "Kepemilikan", nameEn: "Possession" },
    { code: "dealing", name: "Peredaran/perdagangan", nameEn: "Dealing or trafficking" },
    { code: "production", name: "Produksi", nameEn: "Production" },
    { code: "seizure", name: "Penyitaan barang bukti", nameEn: "Seizure" },
    { code: "overdose", name: "Overdosis", nameEn: "Overdose" },
    { code: "community_report", name: "Laporan masyarakat", nameEn: "Community report" },
  ];

export const INCIDENT_SOURCES = [
  "police_report",
  "bnn_operation",
  "community_report",
  "news",
  "other",
] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** How well the location is known: an exact point, an approximate one, or only the kelurahan. */
export const LOCATION_PRECISIONS = ["exact", "approximate", "kelurahan"] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

export const QUANTITY_UNITS = ["g", "kg", "ml", "l", "tablet", "butir", "batang", "paket"] as const;

/** H3 resolutions stored with every located incident (about 5 km², 0.1 km², 2,000 m² cells). */
export const INCIDENT_H3_RESOLUTIONS = [7, 9, 11] as const;
