import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../../components/AppHeader";
import { useDocumentTitle } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import type { Bbox } from "../../map";
import { DEFAULT_CITY, fetchCities } from "../areas/areas.api";
import { CitySelect } from "../areas/CitySelect";
import { loadCityLayers, loadContextLayer } from "../areas/layers";
import { MapStatus } from "../areas/MapStatus";
import { useCityParam } from "../areas/useCityParam";
import { IncidentFilterBar } from "./IncidentFilterBar";
import { IncidentLegend } from "./IncidentLegend";
import { IncidentMap, type LayerToggles } from "./IncidentMap";
import { IncidentsSubNav } from "./IncidentsSubNav";
import {
  fetchClusters,
  fetchDensity,
  fetchHotspots,
  fetchTrends,
  fetchTypes,
  HOTSPOT_CLASSES,
  type HotspotClass,
  type IncidentFilters,
  NO_FILTERS,
} from "./incidents.api";
import { TrendPanel } from "./TrendPanel";
import "../areas/areas.css";
import "./incidents.css";

/** `/insiden`: incidents on the map (clusters, heat, Gi* hotspots) and the trend per kelurahan. */
export function IncidentsMapPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("incidents.map.title"));
  const [city, chooseCity] = useCityParam();
  const cities = useAsyncData("cities", fetchCities);
  const context = useAsyncData("context", loadContextLayer);
  const layers = useAsyncData(city, (signal) => loadCityLayers(city, signal));
  const types = useAsyncData("incident-types", fetchTypes);
  const [filters, setFilters] = useState<IncidentFilters>(NO_FILTERS);
  const [toggles, setToggles] = useState<LayerToggles>({
    clusters: true,
    heat: false,
    hotspots: true,
  });
  const [view, setView] = useState<{ bbox: Bbox; zoom: number } | null>(null);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);

  const cityList = cities.status === "success" ? cities.data.features : null;
  useEffect(() => {
    if (cityList && cityList.length > 0 && !cityList.some((f) => f.properties.code === city)) {
      chooseCity(DEFAULT_CITY, { replace: true });
    }
  }, [cityList, city, chooseCity]);
  const cityName = cityList?.find((f) => f.properties.code === city)?.properties.name ?? city;

  // A reversed period is shown as a mistake and not sent.
  const valid = !(filters.from && filters.to && filters.from > filters.to);
  const filterKey = valid ? JSON.stringify(filters) : null;
  const hotspots = useAsyncData(
    toggles.hotspots && filterKey ? `${city}|${filterKey}` : null,
    (signal) => fetchHotspots(city, filters, signal),
  );
  const density = useAsyncData(
    toggles.heat && filterKey ? `${city}|${filterKey}` : null,
    (signal) => fetchDensity(city, filters, signal),
  );
  const viewKey = view
    ? `${view.bbox.map((v) => v.toFixed(3)).join(",")}|${Math.floor(view.zoom)}`
    : null;
  const clusters = useAsyncData(
    toggles.clusters && filterKey && view ? `${filterKey}|${viewKey}` : null,
    (signal) => fetchClusters(filters, view!, signal),
  );
  const trends = useAsyncData(filterKey ? `${city}|${filterKey}` : null, (signal) =>
    fetchTrends(city, filters, signal),
  );

  const hotspotMap = useMemo(
    () =>
      hotspots.status === "success"
        ? new Map(hotspots.data.areas.map((a) => [a.code, a.class]))
        : null,
    [hotspots],
  );
  const counts = useMemo(() => {
    if (hotspots.status !== "success") return null;
    const result = Object.fromEntries(HOTSPOT_CLASSES.map((c) => [c, 0])) as Record<
      HotspotClass,
      number
    >;
    for (const a of hotspots.data.areas) result[a.class] += 1;
    return result;
  }, [hotspots]);
  const onViewChange = useCallback((next: { bbox: Bbox; zoom: number }) => setView(next), []);
  const changeCity = useCallback(
    (code: string) => {
      setSelectedCode(null);
      chooseCity(code);
    },
    [chooseCity],
  );

  const failed = [layers, hotspots, density, clusters].find((s) => s.status === "error");
  const loading =
    layers.status === "loading" ||
    (toggles.hotspots && hotspots.status === "loading") ||
    (toggles.heat && density.status === "loading");
  const clusterData = clusters.status === "success" ? clusters.data : null;

  return (
    <div className="app app--incidents">
      <a className="skip-link" href="#main">
        {t("app.skipToMap")}
      </a>
      <AppHeader brandHeading={false}>
        <CitySelect city={city} cities={cities} onChange={changeCity} onRetry={cities.retry} />
      </AppHeader>
      <main id="main" className="incidents-page" tabIndex={-1}>
        <div className="incidents-bar">
          <h1 className="incidents-bar__title" tabIndex={-1}>
            {t("incidents.map.title")}
          </h1>
          <IncidentsSubNav />
          <IncidentFilterBar filters={filters} types={types} onChange={setFilters} />
        </div>
        <div className="incidents-layout">
          <div className="map-page incidents-layout__map">
            <IncidentMap
              cityName={cityName}
              layers={layers.status === "success" ? layers.data : null}
              context={context.status === "success" ? context.data.data : null}
              hotspots={toggles.hotspots ? hotspotMap : null}
              density={toggles.heat && density.status === "success" ? density.data : null}
              clusters={toggles.clusters ? clusterData : null}
              toggles={toggles}
              selectedCode={selectedCode}
              onSelectArea={setSelectedCode}
              onViewChange={onViewChange}
            />
            {failed && failed.status === "error" ? (
              <MapStatus status="error" error={failed.error} onRetry={failed.retry} />
            ) : (
              <MapStatus status={loading ? "loading" : "ready"} />
            )}
            {clusterData ? (
              <p className="incidents-map__note" data-testid="cluster-summary">
                {t("incidents.map.summary", {
                  total: clusterData.total,
                  unlocated: clusterData.unlocated,
                })}
                {clusterData.truncated ? ` ${t("incidents.map.truncated")}` : ""}
              </p>
            ) : null}
          </div>
          <aside className="incidents-layout__side">
            <IncidentLegend toggles={toggles} counts={counts} onToggle={setToggles} />
            <TrendPanel trends={trends} selectedCode={selectedCode} onSelect={setSelectedCode} />
          </aside>
        </div>
      </main>
    </div>
  );
}
