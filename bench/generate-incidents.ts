/**
 * Synthetic incidents for all of DKI: clustered around hotspots (a few dozen kelurahan
 * carry most incidents), seasonal (more in the rainy months and around HANI in June),
 * spread over 2023-2025, every point inside DKI. Deterministic for a seed.
 * Usage: npx tsx bench/generate-incidents.ts ROWS [FILE.csv] [SEED]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../src/domain/hotspots/significance";
import { DEFAULT_INCIDENT_TYPES, INCIDENT_SOURCES } from "../src/domain/incidents/catalogue";
import { type AreaGeometry, labelPoint, type Position } from "../src/domain/spatial/geometry";
import { createLocator } from "../src/domain/spatial/locate";

const HEADER =
  "external_ref,date,time,type,lon,lat,kelurahan_code,precision,persons,arrests,substance,quantity,unit,source,source_ref,notes";
const MONTH_WEIGHT = [1.3, 1.2, 1.1, 0.9, 0.9, 1.2, 0.8, 0.8, 0.9, 1.0, 1.2, 1.4];

/** The item at cumulative weight `target` (0 <= target < total weight). */
function pickWeighted<T>(items: readonly T[], weight: (item: T) => number, target: number): T {
  let remaining = target;
  for (const item of items) {
    remaining -= weight(item);
    if (remaining <= 0) return item;
  }
  return items[items.length - 1]!;
}

export function generateIncidents(rows: number, seed = 1): string {
  const data = JSON.parse(
    readFileSync(
      fileURLToPath(new URL("../data/dki-jakarta/kelurahan.geojson", import.meta.url)),
      "utf8",
    ),
  ) as {
    features: Array<{ properties: { code: string }; geometry: AreaGeometry }>;
  };
  const locator = createLocator(
    data.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })),
  );
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  // Hotspots: every seventh kelurahan, with weights falling off; the rest is background.
  const centres = data.features.map((f) => ({
    code: f.properties.code,
    point: labelPoint(f.geometry),
  }));
  const hotspots = centres
    .filter((_, i) => i % 7 === 0)
    .map((c, i) => ({ ...c, weight: 1 / (1 + i * 0.15) }));
  const totalWeight = hotspots.reduce((s, h) => s + h.weight, 0);
  const months = MONTH_WEIGHT.reduce((s, w) => s + w, 0);
  const lines = [HEADER];
  for (let n = 0; n < rows; n++) {
    let point: Position | null = null;
    let code: string | null = null;
    while (!code) {
      if (random() < 0.75) {
        const h = pickWeighted(hotspots, (x) => x.weight, random() * totalWeight);
        point = [h.point[0] + gauss() * 0.004, h.point[1] + gauss() * 0.004];
      } else {
        const c = centres[Math.floor(random() * centres.length)]!;
        point = [c.point[0] + gauss() * 0.01, c.point[1] + gauss() * 0.01];
      }
      // Locate the point as written (6 decimals): rounding can move a point on a boundary
      // out of DKI, and the importer sees only the written value.
      point = [Number(point[0].toFixed(6)), Number(point[1].toFixed(6))];
      code = locator.locate(point);
    }
    const month = pickWeighted(
      MONTH_WEIGHT.map((_, i) => i),
      (i) => MONTH_WEIGHT[i]!,
      random() * months,
    );
    const year = 2023 + Math.floor(random() * 3);
    const day = 1 + Math.floor(random() * 28);
    const type = DEFAULT_INCIDENT_TYPES[Math.floor(random() * DEFAULT_INCIDENT_TYPES.length)]!.code;
    const source = INCIDENT_SOURCES[Math.floor(random() * 4)]!;
    const exact = random() < 0.9;
    const persons = Math.floor(random() * 4);
    lines.push(
      [
        `SYN/${seed}/${n}`,
        `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
        `${String(Math.floor(random() * 24)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}`,
        type,
        exact ? point![0].toFixed(6) : "",
        exact ? point![1].toFixed(6) : "",
        exact ? "" : code,
        exact ? "exact" : "kelurahan",
        persons,
        Math.min(persons, Math.floor(random() * 3)),
        type === "seizure" ? "sabu" : "",
        type === "seizure" ? (random() * 50).toFixed(2) : "",
        type === "seizure" ? "g" : "",
        source,
        `REF-${n}`,
        "",
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = Number(process.argv[2] ?? 10_000);
  const file = process.argv[3] ?? `incidents-${rows}.csv`;
  writeFileSync(file, generateIncidents(rows, Number(process.argv[4] ?? 1)));
  console.log(`wrote ${rows} incidents to ${file}`);
}
