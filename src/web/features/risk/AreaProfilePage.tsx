import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { errorKey, getJson } from "../../lib/http";
import type { AreaProperties } from "../areas/areas.types";
import { useSession } from "../auth/session";
import { ClassBadge } from "./classes";
import { ClassTimeline, ProfileHistory } from "./ProfileHistory";
import { ProfileIndicators } from "./ProfileIndicators";
import { RiskSubNav } from "./RiskSubNav";
import { fetchAreaProfile, fetchRiskConfig } from "./risk.api";
import "../admin/admin.css";
import "./risk.css";
import "./risk-pages.css";
import "./profile.css";

/** `/rawan/wilayah/:code`: one kelurahan's class history, indicators with evidence, locations. */
export function AreaProfilePage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const { can } = useSession();
  const area = useAsyncData(`area:${code}`, (signal) =>
    getJson<{ properties: AreaProperties }>(`/api/areas/${encodeURIComponent(code)}`, signal),
  );
  const profile = useAsyncData(`profile:${code}`, (signal) => fetchAreaProfile(code, signal));
  const config = useAsyncData(can("risk_config", "read") ? "config" : null, fetchRiskConfig);
  const properties = area.status === "success" ? area.data.properties : null;
  const data = profile.status === "success" ? profile.data : null;
  const latestPublished = data?.history.find((entry) => entry.status === "published") ?? null;
  const failure = area.status === "error" ? area : profile.status === "error" ? profile : null;

  return (
    <PageLayout title={properties?.name ?? code}>
      <RiskSubNav />
      <div className="profile-head" data-testid="profile-head" data-code={code}>
        <p className="muted">
          {properties?.parentName ? t("map.tooltipParent", { name: properties.parentName }) : null}{" "}
          <span className="mono">{code}</span>
        </p>
        {data ? (
          <p>
            {t("risk.profile.current")}{" "}
            <ClassBadge riskClass={latestPublished?.class ?? null} testId="profile-class" />{" "}
            {latestPublished ? <span className="muted">{latestPublished.roundName}</span> : null}
          </p>
        ) : null}
      </div>
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p>{t(errorKey(failure.error))}</p>
          <button type="button" className="button" onClick={failure.retry}>
            {t("status.retry")}
          </button>
        </div>
      ) : null}
      {profile.status === "loading" ? (
        <p className="list-status" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("table.loading")}
        </p>
      ) : null}
      {data ? (
        <>
          <section aria-labelledby="profile-history-title">
            <h2 id="profile-history-title" className="section-title">
              {t("risk.profile.history")}
            </h2>
            <ClassTimeline history={data.history} />
            <ProfileHistory history={data.history} />
          </section>
          <section aria-labelledby="profile-indicators-title">
            <h2 id="profile-indicators-title" className="section-title">
              {t("risk.profile.indicators")}
            </h2>
            <ProfileIndicators
              history={data.history}
              catalogue={config.status === "success" ? config.data.catalogue.indicators : null}
            />
          </section>
          <section aria-labelledby="profile-locations-title">
            <h2 id="profile-locations-title" className="section-title">
              {t("risk.profile.locations")}
            </h2>
            {data.locations.length === 0 ? (
              <p className="muted" data-testid="profile-locations">
                {t("risk.profile.noLocations")}
              </p>
            ) : (
              <ul className="location-cards" data-testid="profile-locations">
                {data.locations.map((location) => (
                  <li
                    key={location.id}
                    className="card"
                    data-testid="profile-location"
                    data-id={location.id}
                  >
                    <strong>{location.name}</strong>
                    {location.rw ? (
                      <span> · {t("locations.rwValue", { rw: location.rw })}</span>
                    ) : null}
                    {location.aliases.length > 0 ? (
                      <span className="table__sub muted">
                        {t("locations.aliasesValue", { aliases: location.aliases.join(", ") })}
                      </span>
                    ) : null}
                    {can("named_location", "read") ? (
                      <Link
                        className="table__sub"
                        to={`/lokasi?q=${encodeURIComponent(location.name)}`}
                      >
                        {t("risk.profile.openLocation")}
                      </Link>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </PageLayout>
  );
}
