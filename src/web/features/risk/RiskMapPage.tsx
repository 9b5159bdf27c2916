import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isWithin } from "../../../domain/areas/codes";
import { RISK_CLASSES, type RiskClass } from "../../../domain/risk/classes";
import { RISK_COLOURS, RISK_TEXT_COLOURS } from "../../../domain/risk/colours";
import { AppHeader } from "../../components/AppHeader";
import { useDocumentTitle } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { DEFAULT_CITY, fetchCities } from "../areas/areas.api";
import type { AreaProperties } from "../areas/areas.types";
import { CitySelect } from "../areas/CitySelect";
import { loadCityLayers, loadContextLayer } from "../areas/layers";
import { MapStatus } from "../areas/MapStatus";
import { useCityParam } from "../areas/useCityParam";
import { useSession } from "../auth/session";
import { NOT_ASSESSED_COLOUR, useRiskLabels } from "./classes";
import { locationFeatures } from "./geometry";
import { RiskAreaPanel } from "./RiskAreaPanel";
import { type AreaLabel, RiskChoropleth } from "./RiskChoropleth";
import { RiskLegend } from "./RiskLegend";
import { RiskLocationsPanel } from "./RiskLocationsPanel";
import { RiskSubNav } from "./RiskSubNav";
import { LATEST, RoundSelect } from "./RoundSelect";
import { RoundTimeline } from "./RoundTimeline";
import { fetchRiskConfig, fetchRiskMap, fetchRounds, rulesFor } from "./risk.api";
import { useRoundParam } from "./useRiskParams";
import "../areas/areas.css";
import "./risk.css";

const CLASS_COLOURS = { colours: RISK_COLOURS, fallback: NOT_ASSESSED_COLOUR, hatchFallback: true };
const PLACE_COLOURS = { colours: RISK_COLOURS, fallback: "#ffffff" };

/** `/rawan`: kelurahan of a city filled with their latest published class, or a chosen round's. */
export function RiskMapPage() {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  useDocumentTitle(t("risk.map.title"));
  const { can } = useSession();
  const [city, chooseCity] = useCityParam();
  const [round, chooseRound] = useRoundParam();
  const cities = useAsyncData("cities", fetchCities);
  const context = useAsyncData("context", loadContextLayer);
  const layers = useAsyncData(city, (signal) => loadCityLayers(city, signal));
  const rounds = useAsyncData("rounds", fetchRounds);
  const config = useAsyncData(can("risk_config", "read") ? "config" : null, fetchRiskConfig);
  const roundList = rounds.status === "success" ? rounds.data : null;
  // A round id that is not (or no longer) visible falls back to "latest".
  const roundKnown = round === null || (roundList?.some((r) => r.id === round) ?? false);
  useEffect(() => {
    if (roundList && round && !roundKnown) chooseRound(null, { replace: true });
  }, [roundList, round, roundKnown, chooseRound]);
  const mapKey = roundKnown ? `${city}|${round ?? LATEST}` : null;
  const mapData = useAsyncData(mapKey, (signal) => fetchRiskMap(city, round, signal));
  const [selection, setSelection] = useState<{ city: string; code: string } | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const cityList = cities.status === "success" ? cities.data.features : null;
  useEffect(() => {
    if (cityList && cityList.length > 0 && !cityList.some((f) => f.properties.code === city)) {
      chooseCity(DEFAULT_CITY, { replace: true });
    }
  }, [cityList, city, chooseCity]);
  const cityName = cityList?.find((f) => f.properties.code === city)?.properties.name ?? city;
  const cityLayers = layers.status === "success" ? layers.data : null;
  const data = mapData.status === "success" ? mapData.data : null;

  const values = useMemo(
    () => (data ? new Map(data.areas.map((a) => [a.areaCode, a.class as string])) : null),
    [data],
  );
  const counts = useMemo(() => {
    if (!cityLayers || !values) return null;
    const result: Record<RiskClass | "none", number> = {
      bahaya: 0,
      waspada: 0,
      siaga: 0,
      aman: 0,
      none: 0,
    };
    for (const feature of cityLayers.kelurahan.features) {
      const value = values.get(feature.id) as RiskClass | undefined;
      result[value ?? "none"] += 1;
    }
    return result;
  }, [cityLayers, values]);
  const places = useMemo(() => (data ? locationFeatures(data.locations) : undefined), [data]);

  const label = useCallback(
    (area: AreaProperties, value: string | null): AreaLabel => {
      const riskClass = value as RiskClass | null;
      return {
        ariaLabel: t("risk.map.labelAria", {
          name: area.name,
          parent: area.parentName ?? "",
          cls: labels.cls(riskClass),
        }),
        attributes: { "data-class": riskClass ?? "none" },
        ...(riskClass
          ? {
              badge: {
                text: t(`risk.classInitial.${riskClass}`),
                background: RISK_COLOURS[riskClass],
                color: RISK_TEXT_COLOURS[riskClass],
              },
            }
          : {}),
      };
    },
    [t, labels.cls],
  );
  const renderedAttributes = useCallback(
    (codes: string[]) => {
      const rendered: Record<string, number> = Object.fromEntries(RISK_CLASSES.map((c) => [c, 0]));
      for (const code of codes) {
        const value = values?.get(code);
        if (value !== undefined) rendered[value] = (rendered[value] ?? 0) + 1;
      }
      return {
        "data-rendered-classes": JSON.stringify(rendered),
        "data-rendered-kelurahan": String(codes.length),
      };
    },
    [values],
  );

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

  const selectedCode = selection?.city === city ? selection.code : null;
  const selectedArea =
    cityLayers?.kelurahan.features.find((f) => f.id === selectedCode)?.properties ?? null;
  const relevantRounds = (roundList ?? []).filter(
    (r) => isWithin(city, r.areaCode) || isWithin(r.areaCode, city),
  );
  const kelurahanNames = useMemo(
    () => new Map((cityLayers?.kelurahan.features ?? []).map((f) => [f.id, f.properties.name])),
    [cityLayers],
  );
  const caption = data?.round
    ? t("risk.legend.round", { name: data.round.name })
    : t("risk.legend.latest");
  const indicatorEntry = config.status === "success" ? rulesFor(config.data, "indicator") : null;
  const latestRules =
    indicatorEntry?.rules.method === "indicator"
      ? { version: indicatorEntry.version, rules: indicatorEntry.rules }
      : null;
  const status = layers.status === "error" ? layers : mapData.status === "error" ? mapData : null;

  return (
    <div className="app app--risk">
      <a className="skip-link" href="#main">
        {t("app.skipToMap")}
      </a>
      <AppHeader brandHeading={false}>
        <CitySelect city={city} cities={cities} onChange={chooseCity} onRetry={cities.retry} />
        <RoundSelect
          id="round-select"
          testId="round-select"
          label={t("risk.rounds.label")}
          value={round ?? LATEST}
          rounds={rounds}
          withLatest
          onChange={(value) => chooseRound(value === LATEST ? null : value)}
        />
      </AppHeader>
      <main id="main" className="risk-page" tabIndex={-1}>
        <div className="risk-bar">
          <h1 className="risk-bar__title" tabIndex={-1}>
            {t("risk.map.title")}
          </h1>
          <RiskSubNav />
          <RoundTimeline rounds={relevantRounds} selected={round} onSelect={chooseRound} />
        </div>
        <div className="map-page">
          <RiskChoropleth
            testId="risk-map"
            attributes={{ "data-city": city, "data-round": round ?? LATEST }}
            city={city}
            cityName={cityName}
            layers={cityLayers}
            context={context.status === "success" ? context.data.data : null}
            values={values}
            colours={CLASS_COLOURS}
            label={label}
            tooltip={(area, value) => (
              <>
                <strong>{area.name}</strong>
                <span>{t("map.tooltipParent", { name: area.parentName ?? "" })}</span>
                <span>{labels.cls(value as RiskClass | null)}</span>
              </>
            )}
            renderedAttributes={renderedAttributes}
            places={places}
            placeColours={PLACE_COLOURS}
            selectedCode={selectedCode}
            onSelect={openArea}
            onSelectPlace={(id) => {
              const location = data?.locations.find((l) => l.id === id);
              if (location) openArea(location.kelurahanCode);
            }}
          />
          {status ? (
            <MapStatus status="error" error={status.error} onRetry={status.retry} />
          ) : (
            <MapStatus
              status={
                layers.status === "loading" || mapData.status === "loading" ? "loading" : "ready"
              }
            />
          )}
          <RiskLegend
            counts={counts}
            caption={caption}
            rules={latestRules}
            roundRuleVersion={roundList?.find((r) => r.id === round)?.ruleVersion ?? null}
            showPlaces={(places?.features.length ?? 0) > 0}
          />
          <RiskLocationsPanel
            locations={data?.locations ?? []}
            kelurahanNames={kelurahanNames}
            onSelectKelurahan={openArea}
          />
          {selectedArea ? (
            <RiskAreaPanel
              key={`${selectedArea.code}|${mapKey}`}
              area={selectedArea}
              entry={data?.areas.find((a) => a.areaCode === selectedArea.code) ?? null}
              locations={data?.locations.filter((l) => l.kelurahanCode === selectedArea.code) ?? []}
              onClose={closeArea}
            />
          ) : null}
        </div>
      </main>
    </div>
  );
}
