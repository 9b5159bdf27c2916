import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ClassChange } from "../../../domain/risk/classes";
import type { AreaProperties } from "../areas/areas.types";
import {
  CHANGE_COLOURS,
  CHANGE_SYMBOLS,
  CHANGES,
  NOT_ASSESSED_COLOUR,
  useRiskLabels,
} from "./classes";
import { type AreaLabel, RiskChoropleth } from "./RiskChoropleth";
import type { RiskChanges } from "./risk.types";
import { useCityLayers } from "./useCityLayers";
import "./timeline-legend.css";

const COLOURS = { colours: CHANGE_COLOURS, fallback: NOT_ASSESSED_COLOUR, hatchFallback: true };
const TEXT: Readonly<Record<ClassChange, string>> = {
  up: "#ffffff",
  down: "#ffffff",
  same: "#15252d",
  new: "#15252d",
  gone: "#15252d",
};

interface ChangesMapProps {
  city: string;
  changes: RiskChanges | null;
  selectedCode: string | null;
  onSelect: (code: string) => void;
}

/**
 * Kelurahan coloured by how their class moved between two rounds. Labels carry an arrow
 * (▲ more severe, ▼ less severe, = unchanged) so the change is never told by colour alone.
 * Hooks on `data-testid="changes-map"`: data-ready, data-from, data-to, data-city and
 * data-rendered-changes (distinct kelurahan codes per change as drawn).
 */
export function ChangesMap({ city, changes, selectedCode, onSelect }: ChangesMapProps) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const { cityName, cityLayers, context } = useCityLayers(city);
  const byCode = useMemo(
    () => (changes ? new Map(changes.areas.map((area) => [area.areaCode, area])) : null),
    [changes],
  );
  const values = useMemo(
    () =>
      changes ? new Map(changes.areas.map((area) => [area.areaCode, area.change as string])) : null,
    [changes],
  );

  const label = useCallback(
    (area: AreaProperties, value: string | null): AreaLabel => {
      const change = value as ClassChange | null;
      const entry = byCode?.get(area.code);
      return {
        ariaLabel: t("risk.changes.labelAria", {
          name: area.name,
          change: change ? labels.change(change) : labels.cls(null),
          before: labels.cls(entry?.before ?? null),
          after: labels.cls(entry?.after ?? null),
        }),
        attributes: { "data-change": change ?? "none" },
        ...(change
          ? {
              badge: {
                text: CHANGE_SYMBOLS[change],
                background: CHANGE_COLOURS[change],
                color: TEXT[change],
              },
            }
          : {}),
      };
    },
    [t, labels.change, labels.cls, byCode],
  );

  const renderedAttributes = useCallback(
    (codes: string[]) => {
      const rendered: Record<string, number> = Object.fromEntries(CHANGES.map((c) => [c, 0]));
      for (const code of codes) {
        const value = values?.get(code);
        if (value) rendered[value] = (rendered[value] ?? 0) + 1;
      }
      return { "data-rendered-changes": JSON.stringify(rendered) };
    },
    [values],
  );

  return (
    <div className="page-map">
      <RiskChoropleth
        testId="changes-map"
        attributes={{
          "data-city": city,
          "data-from": changes?.from.id ?? "",
          "data-to": changes?.to.id ?? "",
        }}
        city={city}
        cityName={cityName}
        layers={cityLayers}
        context={context}
        values={values}
        colours={COLOURS}
        label={label}
        tooltip={(area, value) => {
          const entry = byCode?.get(area.code);
          return (
            <>
              <strong>{area.name}</strong>
              <span>
                {value
                  ? `${CHANGE_SYMBOLS[value as ClassChange]} ${labels.change(value as ClassChange)}`
                  : labels.cls(null)}
              </span>
              {entry ? (
                <span>
                  {labels.cls(entry.before)} → {labels.cls(entry.after)}
                </span>
              ) : null}
            </>
          );
        }}
        renderedAttributes={renderedAttributes}
        selectedCode={selectedCode}
        onSelect={onSelect}
      />
      <div className="map-legend change-legend" data-testid="changes-legend">
        <ul>
          {CHANGES.map((change) => (
            <li key={change} data-change={change}>
              <span
                className="swatch risk-swatch"
                style={{ background: CHANGE_COLOURS[change], color: TEXT[change] }}
                aria-hidden="true"
              >
                {CHANGE_SYMBOLS[change]}
              </span>
              {labels.change(change)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
