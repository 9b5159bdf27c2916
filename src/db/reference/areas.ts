/**
 * Loads the shipped reference areas (codes and boundaries of DKI Jakarta) into `areas`.
 * Idempotent: a dataset whose checksum is already recorded is skipped, and rows that did not
 * change are never rewritten.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { type Kysely, sql } from "kysely";
import {
  type AreaRecord,
  type BoundaryCollection,
  buildReferenceAreas,
  type WilayahRow,
} from "../../domain/areas/reference";
import { type Database, json } from "../schema";

/** Bump when the way records are derived from the files changes, to force a reload. */
const LOADER_VERSION = "1";
const DATA_ROOT = fileURLToPath(new URL("../../../data/", import.meta.url));
/** Preferred dataset first: the whole province, else the West Jakarta cut. */
const DATASETS = ["dki-jakarta", "jakarta-barat"] as const;
const BOUNDARY_FILES = ["kota.geojson", "kecamatan.geojson", "kelurahan.geojson"] as const;

export interface ReferenceLoadResult {
  dataset: string;
  checksum: string;
  records: number;
  /** Rows inserted or changed; 0 when nothing changed. */
  written: number;
  skipped: boolean;
}

/** The folder of the dataset to load under `root`. */
export function findReferenceDataset(root = DATA_ROOT): { name: string; dir: string } {
  for (const name of DATASETS) {
    const dir = join(root, name);
    if (existsSync(join(dir, "wilayah.csv"))) return { name, dir };
  }
  throw new Error(`No reference area data found under ${root} (expected ${DATASETS.join(" or ")})`);
}

interface DatasetFiles {
  checksum: string;
  csv: string;
  boundaries: string[];
}

/** Read the dataset's files and hash their content (cheap: no parsing). */
function readDatasetFiles(dir: string): DatasetFiles {
  const hash = createHash("sha256").update(`loader:${LOADER_VERSION}\n`);
  const csv = readFileSync(join(dir, "wilayah.csv"), "utf8");
  hash.update(csv);
  const boundaries: string[] = [];
  for (const file of BOUNDARY_FILES) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, "utf8");
    hash.update(`${file}\n`).update(text);
    boundaries.push(text);
  }
  return { checksum: hash.digest("hex"), csv, boundaries };
}

/** Parse and check the dataset's files into area records. */
function buildRecords(files: DatasetFiles): AreaRecord[] {
  const rows = parse(files.csv, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as WilayahRow[];
  const boundaries = files.boundaries.map((text) => JSON.parse(text) as BoundaryCollection);
  return buildReferenceAreas(rows, boundaries);
}

/** Load the reference areas unless this exact dataset is already loaded. */
export async function loadReferenceAreas(
  db: Kysely<Database>,
  root = DATA_ROOT,
): Promise<ReferenceLoadResult> {
  const { name, dir } = findReferenceDataset(root);
  const files = readDatasetFiles(dir);
  const { checksum } = files;
  const datasetName = `areas:${name}`;
  const previous = await db
    .selectFrom("reference_datasets")
    .select(["checksum", "record_count"])
    .where("name", "=", datasetName)
    .executeTakeFirst();
  if (previous?.checksum === checksum) {
    return { dataset: name, checksum, records: previous.record_count, written: 0, skipped: true };
  }
  const records = buildRecords(files);
  const written = await db.transaction().execute(async (trx) => {
    let count = 0;
    // Parents before children, so the foreign key on parent_code holds row by row.
    const ordered = [...records].sort(
      (a, b) => a.code.split(".").length - b.code.split(".").length,
    );
    for (let i = 0; i < ordered.length; i += 40) {
      count += await upsertAreas(trx, ordered.slice(i, i + 40));
    }
    await trx
      .insertInto("reference_datasets")
      .values({ name: datasetName, checksum, record_count: records.length })
      .onConflict((oc) =>
        oc.column("name").doUpdateSet({
          checksum,
          record_count: records.length,
          loaded_at: sql`now()`,
        }),
      )
      .execute();
    return count;
  });
  return { dataset: name, checksum, records: records.length, written, skipped: false };
}

/** Insert new areas and update changed ones; returns how many rows were written. */
async function upsertAreas(trx: Kysely<Database>, records: AreaRecord[]): Promise<number> {
  const changed = [
    "level",
    "name",
    "parent_code",
    "geometry",
    "min_lon",
    "min_lat",
    "max_lon",
    "max_lat",
    "centroid_lon",
    "centroid_lat",
    "label_lon",
    "label_lat",
    "area_km2",
  ] as const;
  const result = await trx
    .insertInto("areas")
    .values(records.map(toRow))
    .onConflict((oc) =>
      oc
        .column("code")
        .doUpdateSet((eb) => ({
          ...Object.fromEntries(changed.map((c) => [c, eb.ref(`excluded.${c}`)])),
          updated_at: sql`now()`,
        }))
        .where((eb) =>
          eb.or(changed.map((c) => eb(`areas.${c}`, "is distinct from", eb.ref(`excluded.${c}`)))),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

function toRow(record: AreaRecord) {
  return {
    code: record.code,
    level: record.level,
    name: record.name,
    parent_code: record.parentCode,
    geometry: record.geometry ? json(record.geometry) : null,
    min_lon: record.bbox?.[0] ?? null,
    min_lat: record.bbox?.[1] ?? null,
    max_lon: record.bbox?.[2] ?? null,
    max_lat: record.bbox?.[3] ?? null,
    centroid_lon: record.centroid?.[0] ?? null,
    centroid_lat: record.centroid?.[1] ?? null,
    label_lon: record.labelPoint?.[0] ?? null,
    label_lat: record.labelPoint?.[1] ?? null,
    area_km2: record.areaKm2,
  };
}
