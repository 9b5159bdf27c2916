import { useAsyncData } from "../../hooks/useAsyncData";
import {
  type AreaOption,
  fetchActivityTypes,
  fetchInputItems,
  fetchKecamatan,
  fetchKelurahan,
  fetchOrganisations,
} from "./programmes.api";

/** Options the programme and activity forms choose from (Jakarta Barat by default). */
export function usePickers(city = "31.73", withInputItems = false) {
  const orgs = useAsyncData("orgs", (s) => fetchOrganisations(s));
  const kelurahan = useAsyncData(`kel-${city}`, (s) => fetchKelurahan(city, s));
  const kecamatan = useAsyncData(`kec-${city}`, (s) => fetchKecamatan(city, s));
  const types = useAsyncData("activity-types", (s) => fetchActivityTypes(false, s));
  const items = useAsyncData(withInputItems ? "input-items" : null, (s) => fetchInputItems(s));
  const ok = <T>(state: { status: string; data?: T }, fallback: T): T =>
    state.status === "success" ? (state as { data: T }).data : fallback;
  return {
    organisations: ok(orgs, []),
    kelurahan: ok<AreaOption[]>(kelurahan, []),
    kecamatan: ok<AreaOption[]>(kecamatan, []),
    types: ok(types, { items: [] }).items,
    inputItems: ok(items, []),
    loading: [orgs, kelurahan, kecamatan, types].some((s) => s.status === "loading"),
  };
}
