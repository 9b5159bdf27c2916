import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { RiskClass } from "../../../domain/risk/classes";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { errorKey } from "../../lib/http";
import type { AreaProperties } from "../areas/areas.types";
import { ClassBadge } from "./classes";
import { fetchAreaProfile } from "./risk.api";
import type { MapLocation, RiskMapData } from "./risk.types";
import "../areas/AreaPanel.css";

interface RiskAreaPanelProps {
  area: AreaProperties;
  /** The class shown on the map and the round it comes from (null: not assessed). */
  entry: RiskMapData["areas"][number] | null;
  locations: readonly MapLocation[];
  onClose: () => void;
}

/**
 * One kelurahan on the risk map: its class and round, the pokok and pendukung counts of that
 * assessment (from the area profile), its named locations and a link to the full profile.
 * Focus moves to the heading when it opens (remount with `key`); Escape closes it.
 */
export function RiskAreaPanel({ area, entry, locations, onClose }: RiskAreaPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onCloseRef = useRef(onClose);
  const profile = useAsyncData(entry ? area.code : null, (signal) =>
    fetchAreaProfile(area.code, signal),
  );

  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === "Escape") onCloseRef.current();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const assessed =
    profile.status === "success" && entry
      ? (profile.data.history.find((h) => h.roundId === entry.roundId) ?? null)
      : null;
  const riskClass: RiskClass | null = entry?.class ?? null;
  const counts = (value: number | null | undefined): string =>
    value === null || value === undefined ? "—" : format.number(value);
  return (
    <aside
      className="area-panel risk-panel"
      data-testid="risk-panel"
      aria-labelledby="risk-panel-title"
    >
      <div className="area-panel__header">
        <div>
          <p className="area-panel__eyebrow">{t("panel.title")}</p>
          <h2 id="risk-panel-title" className="area-panel__title" tabIndex={-1} ref={headingRef}>
            {area.name}
          </h2>
          <p className="muted">
            {t("map.tooltipParent", { name: area.parentName ?? "" })}{" "}
            <span className="mono">{area.code}</span>
          </p>
        </div>
        <button
          type="button"
          className="button button--quiet"
          aria-label={t("panel.closeAria")}
          onClick={onClose}
        >
          {t("panel.close")}
        </button>
      </div>
      <dl className="area-panel__facts">
        <div>
          <dt>{t("risk.panel.class")}</dt>
          <dd>
            <ClassBadge riskClass={riskClass} testId="risk-panel-class" />
          </dd>
        </div>
        <div>
          <dt>{t("risk.panel.round")}</dt>
          <dd data-testid="risk-panel-round">
            {entry
              ? t("risk.panel.roundValue", {
                  name: entry.roundName,
                  end: format.date(entry.periodEnd),
                })
              : t("risk.panel.noRound")}
          </dd>
        </div>
        {entry ? (
          <div>
            <dt>{t("risk.panel.indicators")}</dt>
            <dd>
              {profile.status === "loading" ? t("table.loading") : null}
              {profile.status === "error" ? (
                <span className="field__error">{t(errorKey(profile.error))}</span>
              ) : null}
              {profile.status === "success" ? (
                <span data-testid="risk-panel-counts">
                  <span data-testid="risk-panel-pokok">
                    {t("risk.panel.pokok", { n: counts(assessed?.pokok) })}
                  </span>
                  {" · "}
                  <span data-testid="risk-panel-pendukung">
                    {t("risk.panel.pendukung", { n: counts(assessed?.pendukung) })}
                  </span>
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {locations.length > 0 ? (
          <div>
            <dt>{t("risk.panel.locations")}</dt>
            <dd>
              <ul className="plain-list">
                {locations.map((location) => (
                  <li key={location.id}>
                    {location.name} <ClassBadge riskClass={location.class} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="risk-panel__link">
        <Link to={`/rawan/wilayah/${area.code}`} data-testid="risk-panel-profile">
          {t("risk.panel.profile")}
        </Link>
      </p>
    </aside>
  );
}
