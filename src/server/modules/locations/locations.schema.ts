import { z } from "zod";
import { ACTIONS } from "../../../domain/access/roles";
import { areaCodeField, pageOf, pageQuery } from "../shared.schema";

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4);

/** A point, or a polygon drawn on the map or uploaded as GeoJSON. */
export const locationGeometry = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Point"), coordinates: position }),
  z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1).max(50) }),
]);

export const namedLocation = z.object({
  id: z.string(),
  kelurahanCode: z.string(),
  kelurahanName: z.string().nullable(),
  name: z.string(),
  aliases: z.array(z.string()),
  rw: z.string().nullable(),
  rt: z.string().nullable(),
  geometry: locationGeometry.nullable(),
  notes: z.string(),
  actions: z.array(z.enum(ACTIONS)),
});
export type NamedLocation = z.infer<typeof namedLocation>;

const rwRt = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, "must be a number of up to 3 digits")
  .nullable();

export const locationInput = z.object({
  kelurahanCode: areaCodeField,
  name: z.string().trim().min(2).max(120),
  aliases: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  rw: rwRt.optional(),
  rt: rwRt.optional(),
  geometry: locationGeometry.nullable().optional(),
  notes: z.string().max(4000).default(""),
});

/** A change: only the fields sent are touched (no defaults, unlike creation). */
export const locationPatch = z
  .object({
    kelurahanCode: areaCodeField,
    name: z.string().trim().min(2).max(120),
    aliases: z.array(z.string().trim().min(1).max(120)).max(20),
    rw: rwRt,
    rt: rwRt,
    geometry: locationGeometry.nullable(),
    notes: z.string().max(4000),
  })
  .partial();

export const listLocationsQuery = z.object({
  area: areaCodeField.optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const locationPage = pageOf(namedLocation);
