import { z } from "zod";
import { ACTIONS } from "../../../domain/access/roles";
import { INCIDENT_SOURCES } from "../../../domain/incidents/catalogue";
import { areaCodeField, pageOf, pageQuery } from "../shared.schema";

export const incident = z.object({
  id: z.string(),
  externalRef: z.string().nullable(),
  occurredOn: z.string(),
  occurredTime: z.string().nullable(),
  type: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  precision: z.string(),
  kelurahanCode: z.string(),
  persons: z.number().int(),
  arrests: z.number().int(),
  substance: z.string(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  source: z.string(),
  sourceRef: z.string(),
  notes: z.string(),
  actions: z.array(z.enum(ACTIONS)),
});

const cell = z.union([z.string().max(4000), z.number()]);
/** Same fields as the import columns; the server validates them like an import row. */
export const incidentInput = z
  .object({
    external_ref: cell,
    date: cell,
    time: cell,
    type: cell,
    lon: cell,
    lat: cell,
    kelurahan_code: cell,
    precision: cell,
    persons: cell,
    arrests: cell,
    substance: cell,
    quantity: cell,
    unit: cell,
    source: cell,
    source_ref: cell,
    notes: cell,
  })
  .partial()
  .strict();

export const filterQuery = {
  area: areaCodeField.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  type: z.string().max(40).optional(),
  source: z.enum(INCIDENT_SOURCES).optional(),
};

export const listIncidentsQuery = z.object({ ...filterQuery, ...pageQuery });
export const incidentPage = pageOf(incident);
export const incidentTypes = z.array(
  z.object({ code: z.string(), name: z.string(), nameEn: z.string(), active: z.boolean() }),
);

export const aggregateQuery = z.object({
  ...filterQuery,
  by: z.enum(["kelurahan", "h3"]).default("kelurahan"),
});
export const aggregateResponse = z.array(
  z.object({ key: z.string(), incidents: z.number().int(), arrests: z.number().int() }),
);

const { area: _area, ...withoutArea } = filterQuery;
export const hotspotQuery = z.object({
  ...withoutArea,
  city: areaCodeField.default("31.73"),
  statistic: z.enum(["gistar", "gi", "local-moran"]).default("gistar"),
  weights: z.enum(["queen", "rook"]).default("queen"),
  fdr: z.coerce.number().gt(0).lt(1).optional(),
});
export const hotspotResponse = z.object({
  city: z.string(),
  statistic: z.string(),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      count: z.number().int(),
      z: z.number(),
      p: z.number(),
      pFdr: z.number().nullable(),
      class: z.string(),
      i: z.number().optional(),
      quadrant: z.string().optional(),
    }),
  ),
});

export const densityQuery = z.object({
  ...withoutArea,
  city: areaCodeField.default("31.73"),
  cellMetres: z.coerce.number().min(50).max(5000).default(250),
  bandwidthMetres: z.coerce.number().min(50).max(20_000).optional(),
});
export const densityResponse = z.object({
  points: z.number().int(),
  grid: z
    .object({
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      cols: z.number().int(),
      rows: z.number().int(),
      cellMetres: z.number(),
      bandwidthMetres: z.number(),
      values: z.array(z.number()),
    })
    .nullable(),
});

export const incidentImportQuery = z.object({
  format: z.enum(["csv", "xlsx", "geojson"]),
  dryRun: z.enum(["true", "false"]).default("true"),
});
export const incidentImportResponse = z.object({
  valid: z.boolean(),
  committed: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), code: z.string() })),
});

/** `minLon,minLat,maxLon,maxLat` in degrees. */
const bboxField = z
  .string()
  .max(120)
  .transform((text, ctx) => {
    const parts = text.split(",").map((s) => Number(s.trim()));
    const [w, s, e, n] = parts;
    const ok =
      parts.length === 4 &&
      parts.every((v) => Number.isFinite(v)) &&
      w! >= -180 &&
      e! <= 180 &&
      s! >= -90 &&
      n! <= 90 &&
      w! < e! &&
      s! < n!;
    if (!ok) {
      ctx.addIssue({ code: "custom", message: "bbox is minLon,minLat,maxLon,maxLat" });
      return z.NEVER;
    }
    return [w!, s!, e!, n!] as [number, number, number, number];
  });

export const clustersQuery = z.object({
  ...filterQuery,
  bbox: bboxField.optional(),
  zoom: z.coerce.number().min(0).max(24).default(10),
});
export const clustersResponse = z.object({
  type: z.literal("FeatureCollection"),
  /** `r7`, `r9`, `r11`: clusters by the stored H3 cell; `point`: single incidents. */
  resolution: z.enum(["r7", "r9", "r11", "point"]),
  /** Located incidents in the box; `unlocated` are known only by kelurahan and not drawn. */
  total: z.number().int(),
  unlocated: z.number().int(),
  /** More clusters or points than the cap: the largest are sent. */
  truncated: z.boolean(),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      geometry: z.object({
        type: z.literal("Point"),
        coordinates: z.tuple([z.number(), z.number()]),
      }),
      properties: z.object({
        key: z.string(),
        count: z.number().int(),
        type: z.string().nullable(),
        occurredOn: z.string().nullable(),
      }),
    }),
  ),
});

export const trendsQuery = z.object({
  ...withoutArea,
  city: areaCodeField.default("31.73"),
});
export const trendsResponse = z.object({
  city: z.string(),
  /** Months, oldest first, as YYYY-MM. */
  periods: z.array(z.string()),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      total: z.number().int(),
      counts: z.array(z.number().int()),
      /** Gi* z-score of the area in each month (queen contiguity, binary, self included). */
      z: z.array(z.number()),
      label: z.enum(["new", "intensifying", "persistent", "diminishing", "sporadic", "none"]),
      /** Mann-Kendall trend of the z-scores. */
      trend: z.object({ tau: z.number(), p: z.number() }),
    }),
  ),
});
