import { useTranslation } from "react-i18next";
import type { AsyncState } from "../../hooks/useAsyncData";
import { INCIDENT_SOURCES, type IncidentFilters, type IncidentType } from "./incidents.api";

interface IncidentFilterBarProps {
  filters: IncidentFilters;
  types: AsyncState<IncidentType[]>;
  onChange: (filters: IncidentFilters) => void;
}

/** The type's name in the current language. */
export function typeName(types: AsyncState<IncidentType[]>, code: string, language: string) {
  const type = types.status === "success" ? types.data.find((t) => t.code === code) : undefined;
  if (!type) return code;
  return language.startsWith("en") ? type.nameEn : type.name;
}

/** Period (from, to), type and source: the filters of the map, the trends and the list. */
export function IncidentFilterBar({ filters, types, onChange }: IncidentFilterBarProps) {
  const { t, i18n } = useTranslation();
  const set = (key: keyof IncidentFilters) => (value: string) =>
    onChange({ ...filters, [key]: value });
  const reversed = filters.from !== "" && filters.to !== "" && filters.from > filters.to;
  return (
    <fieldset className="incident-filters" data-testid="incident-filters">
      <legend className="visually-hidden">{t("incidents.filters.label")}</legend>
      <label className="incident-filters__field">
        <span>{t("incidents.filters.from")}</span>
        <input
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          data-testid="filter-from"
          onChange={(e) => set("from")(e.target.value)}
        />
      </label>
      <label className="incident-filters__field">
        <span>{t("incidents.filters.to")}</span>
        <input
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          data-testid="filter-to"
          aria-invalid={reversed || undefined}
          onChange={(e) => set("to")(e.target.value)}
        />
      </label>
      <label className="incident-filters__field">
        <span>{t("incidents.filters.type")}</span>
        <select
          value={filters.type}
          data-testid="filter-type"
          onChange={(e) => set("type")(e.target.value)}
        >
          <option value="">{t("incidents.filters.allTypes")}</option>
          {types.status === "success"
            ? types.data.map((type) => (
                <option key={type.code} value={type.code}>
                  {typeName(types, type.code, i18n.language)}
                </option>
              ))
            : null}
        </select>
      </label>
      <label className="incident-filters__field">
        <span>{t("incidents.filters.source")}</span>
        <select
          value={filters.source}
          data-testid="filter-source"
          onChange={(e) => set("source")(e.target.value)}
        >
          <option value="">{t("incidents.filters.allSources")}</option>
          {INCIDENT_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`incidents.source.${source}`)}
            </option>
          ))}
        </select>
      </label>
      {reversed ? (
        <p className="field__error" role="alert">
          {t("incidents.filters.reversed")}
        </p>
      ) : null}
    </fieldset>
  );
}
