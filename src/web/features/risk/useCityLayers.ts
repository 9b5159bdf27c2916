import { useAsyncData } from "../../hooks/useAsyncData";
import { DEFAULT_CITY, fetchCities } from "../areas/areas.api";
import { loadCityLayers, loadContextLayer } from "../areas/layers";

/** The city code (`31.73`) an area code lies in; the default city for the province itself. */
export function cityOf(areaCode: string | null | undefined): string {
  return areaCode && areaCode.length >= 5 ? areaCode.slice(0, 5) : DEFAULT_CITY;
}

/** Kelurahan and kecamatan layers of a city, the grey context, and the city's name. */
export function useCityLayers(city: string) {
  const cities = useAsyncData("cities", fetchCities);
  const context = useAsyncData("context", loadContextLayer);
  const layers = useAsyncData(city, (signal) => loadCityLayers(city, signal));
  const cityName =
    cities.status === "success"
      ? (cities.data.features.find((f) => f.properties.code === city)?.properties.name ?? city)
      : city;
  return {
    cities,
    cityName,
    layers,
    cityLayers: layers.status === "success" ? layers.data : null,
    context: context.status === "success" ? context.data.data : null,
  };
}
