import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { RISK_CLASSES, type RiskClass } from "../../../domain/risk/classes";
import { RISK_COLOURS, RISK_TEXT_COLOURS } from "../../../domain/risk/colours";
import type { AreaProperties } from "../areas/areas.types";
import { MapStatus } from "../areas/MapStatus";
import { NOT_ASSESSED_COLOUR, useRiskLabels } from "../risk/classes";
import { type AreaLabel, RiskChoropleth } from "../risk/RiskChoropleth";
import { useCityLayers } from "../risk/useCityLayers";
import "../risk/risk.css";

const CLASS_COLOURS = { colours: RISK_COLOURS, fallback: NOT_ASSESSED_COLOUR, hatchFallback: true };

interface ClassesMapProps {
  testId: string;
  city: string;
  /** Latest published class per kelurahan; null while loading. */
  areas: ReadonlyArray<{ areaCode: string; class: RiskClass }> | null;
  /** Opening a kelurahan (the dashboard goes to its profile); none on the public page. */
  onSelect?: (code: string) => void;
}

/** The kelurahan of a city filled with their latest published class (the risk choropleth). */
export function ClassesMap({ testId, city, areas, onSelect }: ClassesMapProps) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const { cityName, cityLayers, context, layers } = useCityLayers(city);
  const values = useMemo(
    () => (areas ? new Map(areas.map((a) => [a.areaCode, a.class as string])) : null),
    [areas],
  );
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
      return { "data-rendered-classes": JSON.stringify(rendered) };
    },
    [values],
  );
  return (
    <div className="know-map">
      <RiskChoropleth
        testId={testId}
        attributes={{ "data-city": city }}
        city={city}
        cityName={cityName}
        layers={cityLayers}
        context={context}
        values={values}
        colours={CLASS_COLOURS}
        label={label}
        tooltip={(area, value) => (
          <>
            <strong>{area.name}</strong>
            <span>{labels.cls(value as RiskClass | null)}</span>
          </>
        )}
        renderedAttributes={renderedAttributes}
        selectedCode={null}
        onSelect={onSelect ?? (() => {})}
      />
      {layers.status === "error" ? (
        <MapStatus status="error" error={layers.error} onRetry={layers.retry} />
      ) : null}
      <ul className="know-legend" aria-label={t("know.public.legend")}>
        {RISK_CLASSES.map((c) => (
          <li key={c}>
            <span
              className="know-swatch"
              style={{ background: RISK_COLOURS[c] }}
              aria-hidden="true"
            />
            {labels.cls(c)}
          </li>
        ))}
        <li>
          <span className="know-swatch know-swatch--none" aria-hidden="true" />
          {labels.cls(null)}
        </li>
      </ul>
    </div>
  );
}
