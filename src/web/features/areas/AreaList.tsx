import { useTranslation } from "react-i18next";
import type { AreaFeature } from "./areas.types";

interface AreaListProps {
  areas: readonly AreaFeature[];
  selectedCode: string | null;
  onSelect: (code: string) => void;
}

/** A plain list of kelurahan; the fallback when the map itself cannot be drawn. */
export function AreaList({ areas, selectedCode, onSelect }: AreaListProps) {
  const { t } = useTranslation();
  const sorted = [...areas].sort((a, b) => a.properties.name.localeCompare(b.properties.name));
  return (
    <nav className="area-list" aria-labelledby="area-list-title">
      <h2 id="area-list-title" className="area-list__title">
        {t("list.title")}
      </h2>
      <ul>
        {sorted.map(({ properties }) => (
          <li key={properties.code}>
            <button
              type="button"
              className="link-button"
              aria-current={properties.code === selectedCode ? "true" : undefined}
              onClick={() => onSelect(properties.code)}
            >
              {properties.name}
            </button>{" "}
            {properties.parentName ? (
              <span className="muted">
                {t("map.tooltipParent", { name: properties.parentName })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
