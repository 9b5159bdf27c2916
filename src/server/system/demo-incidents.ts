/**
 * Synthetic demo incidents, so the incident map means something after `npm run demo`: clusters
 * around Kampung Ambon (Kedaung Kali Angke) and Kampung Boncos (Kota Bambu Selatan), a new
 * cluster in the last month, and background across DKI, with monthly seasonality from January
 * 2024. Every row is made up and says so: external reference `DEMO-…`, source reference
 * `DEMO-SINTETIS`, a note. They go through the real import (validation, location, H3 cells),
 * deterministically (a seeded generator), so running the seed again changes nothing.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { AreaGeometry, Position } from "../../domain/spatial/geometry";
import { bboxOf, labelPoint } from "../../domain/spatial/geometry";
import { createLocator } from "../../domain/spatial/locate";
import { systemContext } from "../context";
import { importIncidents } from "../modules/incidents/incidents.service";
import type { DemoContext } from "./demo-context";

export const DEMO_INCIDENT_PREFIX = "DEMO-";
const KAMPUNG_AMBON = "31.73.01.1004";
const KAMPUNG_BONCOS = "31.73.07.1006";
/** A cluster that appears only in the last month (an emerging "new" hotspot). */
const NEW_CLUSTER = "31.73.04.1002";
const DEMO_NOTE = "DATA SINTETIS untuk demonstrasi - bukan kejadian nyata.";
const FIRST_MONTH = { year: 2024, month: 1 };
const LAST_DAY = "2026-11-28";

const TYPES: Array<[string, number]> = [
  ["drug_use", 40],
  ["possession", 25],
  ["dealing", 15],
  ["seizure", 8],
  ["community_report", 7],
  ["overdose", 3],
  ["production", 2],
];
const SOURCES: Array<[string, number]> = [
  ["police_report", 50],
  ["bnn_operation", 25],
  ["community_report", 15],
  ["news", 10],
];

/** Mulberry32: a small seeded generator, so the demo is the same every time. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, weighted: ReadonlyArray<[T, number]>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

interface Month {
  year: number;
  month: number;
  days: number;
}

function demoMonths(): Month[] {
  const months: Month[] = [];
  let { year, month } = FIRST_MONTH;
  const lastYear = Number(LAST_DAY.slice(0, 4));
  const lastMonth = Number(LAST_DAY.slice(5, 7));
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const full = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const days = year === lastYear && month === lastMonth ? Number(LAST_DAY.slice(8, 10)) : full;
    months.push({ year, month, days });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Seasonal weight of a month: more incidents around the turn of the year and mid-year. */
function seasonal(month: number): number {
  return 1 + 0.35 * Math.cos((2 * Math.PI * (month - 1)) / 6);
}

/** The demo rows as CSV, from the kelurahan geometry (points are kept inside their area). */
export function demoIncidentCsv(areas: ReadonlyArray<{ code: string; geometry: AreaGeometry }>): {
  csv: string;
  rows: number;
} {
  const random = generator(20_240_101);
  const locator = createLocator(areas);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const months = demoMonths();
  const lines = [
    "external_ref,date,type,source,source_ref,lon,lat,kelurahan_code,precision,persons,arrests,substance,quantity,unit,notes",
  ];
  const metres = (m: number) => m / 111_320;

  const add = (code: string, centre: Position | null, spread: number, month: Month) => {
    const day = 1 + Math.floor(random() * month.days);
    const date = `${month.year}-${String(month.month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const type = pick(random, TYPES);
    const source = pick(random, SOURCES);
    const persons = type === "community_report" ? 0 : 1 + Math.floor(random() * 3);
    const arrests = Math.min(persons, Math.floor(random() * (persons + 1)));
    const seizure = type === "seizure" || type === "dealing";
    let point: Position | null = null;
    if (random() > 0.05) {
      const area = byCode.get(code)!;
      const [w, s, e, n] = bboxOf(area.geometry);
      for (let tries = 0; tries < 30 && !point; tries++) {
        const candidate: Position = centre
          ? [
              centre[0] + metres(spread) * gaussian(random),
              centre[1] + metres(spread) * gaussian(random),
            ]
          : [w + random() * (e - w), s + random() * (n - s)];
        const rounded: Position = [
          Math.round(candidate[0] * 1e6) / 1e6,
          Math.round(candidate[1] * 1e6) / 1e6,
        ];
        // Clusters may spill into neighbouring kelurahan; background points stay in theirs.
        const found = locator.locate(rounded);
        if (found && (centre || found === code)) point = rounded;
      }
    }
    const ref = `${DEMO_INCIDENT_PREFIX}${String(lines.length).padStart(6, "0")}`;
    lines.push(
      [
        ref,
        date,
        type,
        source,
        "DEMO-SINTETIS",
        point ? point[0] : "",
        point ? point[1] : "",
        point ? "" : code,
        point ? (random() < 0.8 ? "exact" : "approximate") : "kelurahan",
        persons,
        arrests,
        seizure ? "sabu" : "",
        seizure ? (Math.round(random() * 5000) / 100).toString() : "",
        seizure ? "g" : "",
        DEMO_NOTE,
      ].join(","),
    );
  };

  const ambon = labelPoint(byCode.get(KAMPUNG_AMBON)!.geometry);
  const boncos = labelPoint(byCode.get(KAMPUNG_BONCOS)!.geometry);
  const fresh = labelPoint(byCode.get(NEW_CLUSTER)!.geometry);
  const all = areas.map((a) => a.code);
  const west = all.filter((c) => c.startsWith("31.73."));
  months.forEach((month, index) => {
    const season = seasonal(month.month);
    // Kampung Ambon grows over the period; Kampung Boncos stays about the same.
    const ambonCount = Math.round((20 + index * 0.8) * season);
    for (let k = 0; k < ambonCount; k++) add(KAMPUNG_AMBON, ambon, 600, month);
    const boncosCount = Math.round(24 * season);
    for (let k = 0; k < boncosCount; k++) add(KAMPUNG_BONCOS, boncos, 500, month);
    if (index === months.length - 1)
      for (let k = 0; k < 25; k++) add(NEW_CLUSTER, fresh, 300, month);
    const background = Math.round(36 * season);
    for (let k = 0; k < background; k++) {
      const pool = random() < 0.5 ? west : all;
      add(pool[Math.floor(random() * pool.length)]!, null, 0, month);
    }
  });
  return { csv: `${lines.join("\n")}\n`, rows: lines.length - 1 };
}

/** Import the demo incidents once (idempotent: nothing happens when they are all there). */
export async function seedDemoIncidents(db: Kysely<Database>, _demo: DemoContext): Promise<void> {
  const areas = await db
    .selectFrom("areas")
    .select(["code", "geometry"])
    .where("level", "=", "kelurahan")
    .where("code", "like", "31.%")
    .orderBy("code")
    .execute();
  if (areas.length === 0) return;
  const { csv, rows } = demoIncidentCsv(
    areas.map((a) => ({ code: a.code, geometry: a.geometry as unknown as AreaGeometry })),
  );
  const present = await db
    .selectFrom("incidents")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("external_ref", "like", `${DEMO_INCIDENT_PREFIX}%`)
    .executeTakeFirstOrThrow();
  if (Number(present.n) === rows) return;
  await importIncidents(
    db,
    systemContext("demo:seed"),
    { id: null, scope: "31" },
    Buffer.from(csv, "utf8"),
    "csv",
    false,
  );
}
