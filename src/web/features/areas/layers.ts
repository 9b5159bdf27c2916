import { isAbortError } from "../../lib/http";
import { fetchAreas, fetchCityPolygons } from "./areas.api";
import type { AreaCollection } from "./areas.types";

/** A non-fatal problem while loading a map layer (a catalogue key shown to the user). */
export type LayerWarning = "warnings.kecamatan" | "warnings.context";

/** What each layer loader returns: a partial failure is a warning, not a blank map. */
export interface LayerResult<T> {
  data: T;
  warnings: LayerWarning[];
}

/** Everything drawn for one city. */
export interface CityLayers {
  city: string;
  kelurahan: AreaCollection;
  kecamatan: AreaCollection | null;
  warnings: LayerWarning[];
}

/** Loads an optional layer; a failure (other than cancellation) becomes `warning`. */
async function optional(
  load: () => Promise<AreaCollection>,
  warning: LayerWarning,
): Promise<LayerResult<AreaCollection | null>> {
  try {
    return { data: await load(), warnings: [] };
  } catch (error) {
    if (isAbortError(error)) throw error;
    return { data: null, warnings: [warning] };
  }
}

/** The kelurahan of a city: the main layer, so a failure rejects (shown as an error). */
export async function loadKelurahanLayer(
  city: string,
  signal: AbortSignal,
): Promise<LayerResult<AreaCollection>> {
  return { data: await fetchAreas("kelurahan", city, signal), warnings: [] };
}

/** The kecamatan outlines of a city (optional). */
export function loadKecamatanLayer(
  city: string,
  signal: AbortSignal,
): Promise<LayerResult<AreaCollection | null>> {
  return optional(() => fetchAreas("kecamatan", city, signal), "warnings.kecamatan");
}

/** The grey polygons of the province's cities, for context (optional). */
export function loadContextLayer(signal: AbortSignal): Promise<LayerResult<AreaCollection | null>> {
  return optional(() => fetchCityPolygons(signal), "warnings.context");
}

/** Loads a city's kelurahan and kecamatan layers in parallel. */
export async function loadCityLayers(city: string, signal: AbortSignal): Promise<CityLayers> {
  const [kelurahan, kecamatan] = await Promise.all([
    loadKelurahanLayer(city, signal),
    loadKecamatanLayer(city, signal),
  ]);
  return {
    city,
    kelurahan: kelurahan.data,
    kecamatan: kecamatan.data,
    warnings: [...kelurahan.warnings, ...kecamatan.warnings],
  };
}
