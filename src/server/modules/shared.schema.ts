/** Schemas shared by feature modules: pagination, ids, area codes. */
import { z } from "zod";
import { isAreaCode } from "../../domain/areas/codes";

export const uuidParam = z.object({ id: z.uuid() });

export const areaCodeField = z.string().refine(isAreaCode, { error: "AREA_CODE_MALFORMED" });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** A page of items with the total count, for paginated lists. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** The body of every error answer. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});

/** Error answers a signed-in API route can give. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  423: errorResponse,
  429: errorResponse,
};
