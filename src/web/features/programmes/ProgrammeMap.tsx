import { type ReactNode, useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { CategoryStyle } from "../../map";
import type { AreaProperties } from "../areas/areas.types";
import { type AreaLabel, RiskChoropleth } from "../risk/RiskChoropleth";
import { useCityLayers } from "../risk/useCityLayers";

interface Props {
  testId: string;
  city: string;
  values: ReadonlyMap<string, string> | null;
  colours: Omit<CategoryStyle, "property">;
  /** The word of a category, for labels and tooltips. */
  word: (value: string | null) => string;
  detail: (code: string) => ReactNode;
  badge?: (value: string | null) => AreaLabel["badge"] | undefined;
  selectedCode: string | null;
  onSelect: (code: string) => void;
}

/** A kelurahan map of a programme view, drawn by the shared choropleth through src/web/map. */
export function ProgrammeMap(props: Props) {
  const { t } = useTranslation();
  const { cityName, cityLayers, context } = useCityLayers(props.city);
  const { word, badge, values } = props;
  const label = useCallback(
    (area: AreaProperties, value: string | null): AreaLabel => {
      const b = badge?.(value);
      return {
        ariaLabel: t("programmes.map.labelAria", { name: area.name, value: word(value) }),
        attributes: { "data-value": value ?? "none" },
        ...(b ? { badge: b } : {}),
      };
    },
    [t, word, badge],
  );
  const renderedAttributes = useCallback(
    (codes: string[]) => {
      const counts: Record<string, number> = {};
      for (const code of codes) {
        const v = values?.get(code) ?? "none";
        counts[v] = (counts[v] ?? 0) + 1;
      }
      return { "data-rendered": JSON.stringify(counts) };
    },
    [values],
  );
  return (
    <RiskChoropleth
      testId={props.testId}
      attributes={{ "data-city": props.city }}
      city={props.city}
      cityName={cityName}
      layers={cityLayers}
      context={context}
      values={values}
      colours={props.colours}
      label={label}
      tooltip={(area, value) => (
        <>
          <strong>{area.name}</strong>
          <span>{word(value)}</span>
          {props.detail(area.code)}
        </>
      )}
      renderedAttributes={renderedAttributes}
      selectedCode={props.selectedCode}
      onSelect={props.onSelect}
    />
  );
}

/** A legend of category colours with their words. */
export function CategoryLegend(props: {
  title: string;
  entries: Array<{ value: string; colour: string; label: string }>;
}) {
  return (
    <figure className="legend" aria-label={props.title}>
      <figcaption className="legend__title">{props.title}</figcaption>
      <ul className="legend__list">
        {props.entries.map((e) => (
          <li key={e.value} className="legend__item">
            <span className="legend__swatch" style={{ background: e.colour }} aria-hidden="true" />
            {e.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
