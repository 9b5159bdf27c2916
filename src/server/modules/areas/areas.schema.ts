/** Request and response schemas of the areas API (validation, output filtering, OpenAPI). */
import { z } from "zod";
import { AREA_LEVELS, isAreaCode } from "../../../domain/areas/codes";

const areaCode = z
  .string()
  .refine(isAreaCode, { error: "AREA_CODE_MALFORMED" })
  .meta({ description: "Kemendagri area code, e.g. 31.73 or 31.73.01.1004", example: "31.73" });

export const areaLevel = z.enum(AREA_LEVELS, { error: "AREA_LEVEL_UNKNOWN" });

export const listAreasQuery = z.object({
  level: areaLevel.optional().meta({
    description: "Only areas of this level. Without it, the direct children of `parent`.",
  }),
  parent: areaCode.optional().meta({
    description: "Only areas inside this area (descendants when `level` is given).",
  }),
  geometry: z
    .enum(["true", "false"], { error: "VALIDATION_FAILED" })
    .default("true")
    .meta({ description: "Set to false to omit boundaries (lighter lists)." }),
});
export type ListAreasQuery = z.infer<typeof listAreasQuery>;

export const areaCodeParams = z.object({ code: areaCode });

const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const position = z.tuple([z.number(), z.number()]);

const geometry = z
  .object({
    type: z.enum(["Polygon", "MultiPolygon"]),
    coordinates: z.array(z.unknown()),
  })
  .nullable();

export const areaProperties = z.object({
  code: z.string(),
  name: z.string(),
  level: areaLevel,
  parent: z.string().nullable(),
  parentName: z.string().nullable(),
  areaKm2: z.number().nullable(),
  labelPoint: position.nullable(),
});
export type AreaProperties = z.infer<typeof areaProperties>;

export const areaFeature = z.object({
  type: z.literal("Feature"),
  id: z.string(),
  bbox: bbox.optional(),
  geometry,
  properties: areaProperties,
});
export type AreaFeature = z.infer<typeof areaFeature>;

export const areaCollection = z.object({
  type: z.literal("FeatureCollection"),
  bbox: bbox.optional(),
  features: z.array(areaFeature),
});
export type AreaCollection = z.infer<typeof areaCollection>;

export const areaDetail = areaFeature.extend({
  ancestors: z.array(z.object({ code: z.string(), name: z.string(), level: areaLevel })),
  childCount: z.number().int(),
});
export type AreaDetail = z.infer<typeof areaDetail>;

export { errorResponse } from "../shared.schema";
