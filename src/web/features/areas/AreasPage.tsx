import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../../components/AppHeader";
import { useDocumentTitle } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { AreaMap } from "./AreaMap";
import { AreaPanel } from "./AreaPanel";
import { DEFAULT_CITY, fetchCities } from "./areas.api";
import { CitySelect } from "./CitySelect";
import { LayerWarnings } from "./LayerWarnings";
import { type LayerWarning, loadCityLayers, loadContextLayer } from "./layers";
import { MapLegend } from "./MapLegend";
import { MapStatus } from "./MapStatus";
import { useCityParam } from "./useCityParam";
import "./areas.css";

/** The map page: city selector, kelurahan map, status, legend and the area panel. */
export function AreasPage() {
  const { t } = useTranslation();
  useDocumentTitle();
  const [city, chooseCity] = useCityParam();
  const cities = useAsyncData("cities", fetchCities);
  const context = useAsyncData("context", loadContextLayer);
  const layers = useAsyncData(city, (signal) => loadCityLayers(city, signal));
  const [selection, setSelection] = useState<{ city: string; code: string } | null>(null);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const returnFocus = useRef<HTMLElement | null>(null);

  // A city that the province does not have (e.g. a stale link) falls back to the default.
  const cityList = cities.status === "success" ? cities.data.features : null;
  useEffect(() => {
    if (cityList && cityList.length > 0 && !cityList.some((f) => f.properties.code === city)) {
      chooseCity(DEFAULT_CITY, { replace: true });
    }
  }, [cityList, city, chooseCity]);

  const cityLayers = layers.status === "success" ? layers.data : null;
  const cityName = cityList?.find((f) => f.properties.code === city)?.properties.name ?? city;
  const selectedCode = selection?.city === city ? selection.code : null;
  const selectedArea =
    cityLayers?.kelurahan.features.find((f) => f.properties.code === selectedCode)?.properties ??
    null;

  const openArea = useCallback(
    (code: string) => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && !active.closest(".area-panel")) {
        returnFocus.current = active;
      }
      setSelection({ city, code });
    },
    [city],
  );

  const closeArea = useCallback(() => {
    setSelection(null);
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected && target !== document.body) target.focus();
  }, []);

  const warnings: LayerWarning[] = [
    ...(cityLayers?.warnings ?? []),
    ...(context.status === "success" ? context.data.warnings : []),
  ].filter((warning) => !dismissed.includes(`${city}:${warning}`));

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("app.skipToMap")}
      </a>
      <AppHeader>
        <CitySelect
          city={city}
          cities={cities}
          onChange={(next) => chooseCity(next)}
          onRetry={cities.retry}
        />
      </AppHeader>
      <main id="main" className="map-page" tabIndex={-1}>
        <AreaMap
          city={city}
          cityName={cityName}
          layers={cityLayers}
          context={context.status === "success" ? context.data.data : null}
          selectedCode={selectedCode}
          onSelect={openArea}
        />
        {layers.status === "error" ? (
          <MapStatus status="error" error={layers.error} onRetry={layers.retry} />
        ) : (
          <MapStatus
            status={
              layers.status === "loading"
                ? "loading"
                : layers.data.kelurahan.features.length === 0
                  ? "empty"
                  : "ready"
            }
          />
        )}
        <LayerWarnings
          warnings={warnings}
          onDismiss={(warning) => setDismissed((list) => [...list, `${city}:${warning}`])}
        />
        <MapLegend />
        {selectedArea ? (
          <AreaPanel key={selectedArea.code} area={selectedArea} onClose={closeArea} />
        ) : null}
      </main>
    </div>
  );
}
