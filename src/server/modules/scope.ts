/** Checks shared by services that place records in areas. */
import { inScope } from "../../domain/access/roles";
import type { AuthedContext } from "../context";
import { AppError } from "../errors";
import type { AreasService } from "./areas/areas.service";

/** Throws unless `areaCode` exists and lies inside the person's scope. */
export async function assertAreaInScope(
  areas: AreasService,
  ctx: AuthedContext,
  areaCode: string,
): Promise<void> {
  if (!(await areas.exists(areaCode))) {
    throw new AppError("AREA_NOT_FOUND", 400, `No area with code ${areaCode}.`);
  }
  if (!inScope(ctx.user.scope, areaCode)) {
    throw new AppError("SCOPE_VIOLATION", 403, "That area is outside your scope.");
  }
}

/** Names of the fields whose new value differs from the current one (never the values). */
export function changedFields<T extends Record<string, unknown>>(
  current: T,
  next: Partial<T>,
): string[] {
  return Object.entries(next)
    .filter(([key, value]) => value !== undefined && value !== current[key])
    .map(([key]) => key);
}
