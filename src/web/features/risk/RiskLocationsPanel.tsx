import { useTranslation } from "react-i18next";
import { ClassBadge } from "./classes";
import type { MapLocation } from "./risk.types";

interface RiskLocationsPanelProps {
  locations: readonly MapLocation[];
  /** Kelurahan names by code. */
  kelurahanNames: ReadonlyMap<string, string>;
  onSelectKelurahan: (code: string) => void;
}

/**
 * Named locations of the city with their class. Those with geometry are also drawn on the
 * map; those without are marked so nobody looks for them there.
 */
export function RiskLocationsPanel(props: RiskLocationsPanelProps) {
  const { t } = useTranslation();
  const { locations, kelurahanNames } = props;
  if (locations.length === 0) return null;
  return (
    <details className="risk-locations" data-testid="risk-locations">
      <summary>{t("risk.locations.title", { count: locations.length })}</summary>
      <ul>
        {locations.map((location) => (
          <li
            key={location.id}
            data-testid="risk-location"
            data-id={location.id}
            data-class={location.class ?? "none"}
            data-geometry={location.geometry?.type ?? "none"}
          >
            <strong>{location.name}</strong> <ClassBadge riskClass={location.class} />
            <br />
            <button
              type="button"
              className="link-button"
              onClick={() => props.onSelectKelurahan(location.kelurahanCode)}
            >
              {t("risk.locations.kelurahan", {
                name: kelurahanNames.get(location.kelurahanCode) ?? location.kelurahanCode,
              })}
            </button>
            {location.geometry ? null : (
              <span className="muted risk-locations__note">{t("risk.locations.noGeometry")}</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
