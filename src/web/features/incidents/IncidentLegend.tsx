import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { CLUSTER_COLOUR, HEAT_RAMP } from "../../map/incidents";
import { HOTSPOT_COLOURS } from "./hotspots";
import type { LayerToggles } from "./IncidentMap";
import { HOTSPOT_CLASSES, type HotspotClass } from "./incidents.api";

interface IncidentLegendProps {
  toggles: LayerToggles;
  /** Kelurahan per Gi* class, when the hotspot layer is loaded. */
  counts: Record<HotspotClass, number> | null;
  onToggle: (toggles: LayerToggles) => void;
}

/** Layer switches with, under each, what its colours mean (Gi* confidence classes). */
export function IncidentLegend({ toggles, counts, onToggle }: IncidentLegendProps) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const toggle = (key: keyof LayerToggles) => (
    <label className="incident-legend__toggle">
      <input
        type="checkbox"
        checked={toggles[key]}
        data-testid={`toggle-${key}`}
        onChange={(e) => onToggle({ ...toggles, [key]: e.target.checked })}
      />
      <span>{t(`incidents.layers.${key}`)}</span>
    </label>
  );
  const gradient = `linear-gradient(to right, ${HEAT_RAMP.map(([, c]) => c).join(", ")})`;
  return (
    <section className="incident-legend" aria-label={t("incidents.legend.title")}>
      <h2 className="incident-panel__title">{t("incidents.legend.title")}</h2>
      <div className="incident-legend__group">
        {toggle("hotspots")}
        <p className="muted incident-legend__hint">{t("incidents.legend.hotspotsHint")}</p>
        <ul className="incident-legend__classes" data-testid="hotspot-legend">
          {HOTSPOT_CLASSES.map((cls) => (
            <li
              key={cls}
              data-testid="hotspot-legend-item"
              data-class={cls}
              data-count={counts ? String(counts[cls]) : undefined}
            >
              <span
                className="swatch incident-swatch"
                style={{ background: HOTSPOT_COLOURS[cls] }}
                aria-hidden="true"
              />
              <span>{t(`incidents.hotspots.class.${cls}`)}</span>
              <span className="incident-legend__count">{counts ? number(counts[cls]) : ""}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="incident-legend__group">
        {toggle("heat")}
        <div
          className="incident-legend__ramp"
          style={{ background: gradient }}
          aria-hidden="true"
        />
        <div className="incident-legend__ramp-labels muted">
          <span>{t("incidents.legend.low")}</span>
          <span>{t("incidents.legend.high")}</span>
        </div>
      </div>
      <div className="incident-legend__group">
        {toggle("clusters")}
        <p className="muted incident-legend__hint">
          <span
            className="incident-legend__dot"
            style={{ background: CLUSTER_COLOUR }}
            aria-hidden="true"
          />
          {t("incidents.legend.clustersHint")}
        </p>
      </div>
    </section>
  );
}
