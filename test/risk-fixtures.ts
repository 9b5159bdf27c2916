/** Helpers for tests of the risk method: a full CSV for a city's kelurahan. */
import { DEFAULT_INDICATORS } from "../src/domain/risk/indicators";
import { templateHeader } from "../src/domain/risk/template";

const ACTIVE = DEFAULT_INDICATORS.map((i) => i.code);
const POKOK = ACTIVE.filter((c) => c.startsWith("P"));
const PENDUKUNG = ACTIVE.filter((c) => c.startsWith("D"));

/** Indicators present for a wanted class under the default rules. */
export function presentFor(wanted: "bahaya" | "waspada" | "siaga" | "aman"): string[] {
  const counts = { bahaya: [5, 4], waspada: [3, 2], siaga: [1, 0], aman: [0, 3] }[wanted];
  return [...POKOK.slice(0, counts[0]), ...PENDUKUNG.slice(0, counts[1])];
}

/** A CSV in the template's layout with one row per code, each with the wanted class. */
export function assessmentCsv(
  rows: Array<{ code: string; wanted: "bahaya" | "waspada" | "siaga" | "aman"; location?: string }>,
): string {
  const header = templateHeader(DEFAULT_INDICATORS);
  const lines = [header.join(",")];
  for (const row of rows) {
    const present = new Set(presentFor(row.wanted));
    lines.push(
      header
        .map((h) => {
          if (h === "kode_wilayah") return row.code;
          if (h === "lokasi") return row.location ?? "";
          if (ACTIVE.includes(h)) return present.has(h) ? "ya" : "tidak";
          if (h === "sumber") return "FGD kelurahan";
          if (h === "bukti_P1" && present.has("P1")) return "LP/2025/001";
          return "";
        })
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
