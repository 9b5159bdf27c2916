import { z } from "zod";
import { exportFormat } from "../exports";
import { areaCodeField } from "../shared.schema";

export const briefingQuery = z.object({ area: areaCodeField });

/** Default year of the BNNK brief: the last full calendar year. */
export function defaultBnnkYear(now = new Date()): number {
  return new Date(now.getTime() + 7 * 3600_000).getUTCFullYear() - 1;
}

export const bnnkQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const bnnkTableQuery = bnnkQuery.extend({ format: exportFormat });
