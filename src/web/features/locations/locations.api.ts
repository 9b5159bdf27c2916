import type { Action } from "../../../domain/access/roles";
import { getJson, queryString, sendJson } from "../../lib/http";
import type { Page } from "../admin/list";
import type { LocationGeometry } from "../risk/risk.types";

/** A named place inside a kelurahan (a kampung, a gang, an RW), as the API returns it. */
export interface NamedLocation {
  id: string;
  kelurahanCode: string;
  kelurahanName: string | null;
  name: string;
  aliases: string[];
  rw: string | null;
  rt: string | null;
  geometry: LocationGeometry | null;
  notes: string;
  actions: Action[];
}

export interface LocationInput {
  kelurahanCode: string;
  name: string;
  aliases: string[];
  rw: string | null;
  rt: string | null;
  geometry: LocationGeometry | null;
  notes: string;
}

/** Address of a page of named locations (search text and kelurahan optional). */
export function locationsPath(filter: {
  q?: string;
  area?: string;
  page?: number;
  pageSize?: number;
}): string {
  return `/api/named-locations${queryString(filter)}`;
}

/** The named locations of one kelurahan (for choosing one in an assessment). */
export async function fetchLocationsOf(
  kelurahanCode: string,
  signal?: AbortSignal,
): Promise<NamedLocation[]> {
  const page = await getJson<Page<NamedLocation>>(
    locationsPath({ area: kelurahanCode, pageSize: 200 }),
    signal,
  );
  return page.items;
}

export function createLocation(csrfToken: string, input: LocationInput): Promise<NamedLocation> {
  return sendJson("POST", "/api/named-locations", input, csrfToken);
}

export function updateLocation(
  csrfToken: string,
  id: string,
  changes: Partial<LocationInput>,
): Promise<NamedLocation> {
  return sendJson("PATCH", `/api/named-locations/${encodeURIComponent(id)}`, changes, csrfToken);
}
