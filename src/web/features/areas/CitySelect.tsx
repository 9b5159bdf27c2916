import { useTranslation } from "react-i18next";
import type { AsyncState } from "../../hooks/useAsyncData";
import type { AreaCollection } from "./areas.types";

interface CitySelectProps {
  city: string;
  cities: AsyncState<AreaCollection>;
  onChange: (city: string) => void;
  onRetry: () => void;
}

/** The city/regency selector, filled from the province's children. */
export function CitySelect({ city, cities, onChange, onRetry }: CitySelectProps) {
  const { t } = useTranslation();
  const options =
    cities.status === "success"
      ? [...cities.data.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code))
      : [];
  return (
    <div className="field">
      <label className="field__label" htmlFor="city-select">
        {t("city.label")}
      </label>
      <select
        id="city-select"
        className="field__select"
        data-testid="city-select"
        value={city}
        disabled={cities.status !== "success"}
        aria-busy={cities.status === "loading"}
        onChange={(event) => onChange(event.target.value)}
      >
        {cities.status === "success" ? (
          options.map((feature) => (
            <option key={feature.properties.code} value={feature.properties.code}>
              {feature.properties.name}
            </option>
          ))
        ) : (
          <option value={city}>{cities.status === "loading" ? t("city.loading") : city}</option>
        )}
      </select>
      {cities.status === "error" ? (
        <p className="field__error" role="alert">
          {t("city.loadError")}{" "}
          <button type="button" className="link-button" onClick={onRetry}>
            {t("status.retry")}
          </button>
        </p>
      ) : null}
    </div>
  );
}
