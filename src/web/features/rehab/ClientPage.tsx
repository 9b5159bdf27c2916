import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { errorCode } from "../../lib/http";
import { useSession } from "../auth/session";
import { BreakGlassForm } from "./BreakGlassForm";
import { DataSubjectPanel } from "./DataSubjectPanel";
import { EpisodeActions } from "./EpisodeActions";
import { IdentityPanel } from "./IdentityPanel";
import { useRehabError, useRehabLabels } from "./labels";
import { RehabSubNav } from "./RehabSubNav";
import { type ClientDetail, type Episode, fetchClient, fetchEpisode } from "./rehab.api";
import { EpisodeTimeline } from "./Timeline";
import "../admin/admin.css";
import "../risk/risk-pages.css";
import "./rehab.css";

function ClientView({
  client,
  episodes: loaded,
  onReload,
}: {
  client: ClientDetail;
  episodes: Episode[];
  onReload: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const labels = useRehabLabels();
  const format = useFormat();
  const episodes = [...loaded].sort((a, b) => b.intakeDate.localeCompare(a.intakeDate));
  // A break-the-glass grant reads only; the server refuses changes through it.
  const readOnly = client.erased || client.breakGlass !== null;
  const canUpdate = client.actions.includes("update") && !readOnly;
  return (
    <>
      <div className="client-head" data-testid="client-head">
        <span className="client-code" data-testid="client-code">
          {client.code}
        </span>
        {client.child ? (
          <span
            className="badge badge--child"
            data-testid="client-child"
            title={t("rehab.childHint")}
          >
            {t("rehab.child")}
          </span>
        ) : null}
        {client.synthetic ? <span className="badge">{t("rehab.synthetic")}</span> : null}
        {client.erased ? (
          <span className="badge badge--off" data-testid="client-erased">
            {t("rehab.dataSubject.erased")}
          </span>
        ) : null}
      </div>
      {client.breakGlass ? (
        <p className="notice notice--warning break-glass-banner" data-testid="break-glass-active">
          {t("rehab.breakGlass.active", { until: format.dateTime(client.breakGlass.expiresAt) })}
        </p>
      ) : null}
      {client.child ? <p className="notice">{t("rehab.childHint")}</p> : null}
      <dl className="facts card">
        <div>
          <dt>{t("rehab.client.sex")}</dt>
          <dd>{labels.sex(client.sex)}</dd>
        </div>
        <div>
          <dt>{t("rehab.client.birthYear")}</dt>
          <dd>{client.birthYear}</dd>
        </div>
        <div>
          <dt>{t("rehab.client.residence")}</dt>
          <dd>{client.residenceKelurahanName ?? client.residenceKelurahanCode ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("rehab.client.status")}</dt>
          <dd data-testid="client-status">{labels.status(client.status)}</dd>
        </div>
      </dl>

      {client.identityActions.includes("read") ? (
        <IdentityPanel clientId={client.id} code={client.code} />
      ) : null}

      <h2 className="section-title">{t("rehab.client.episodes")}</h2>
      {episodes.length === 0 ? <p className="muted">{t("rehab.client.noEpisodes")}</p> : null}
      {episodes.map((episode) => (
        <section
          key={episode.id}
          className="card episode"
          data-testid="episode"
          data-id={episode.id}
          data-status={episode.status}
          aria-label={t("rehab.client.episodeLabel", { date: format.date(episode.intakeDate) })}
        >
          <div className="episode__head">
            <h3 className="assist-card__title">
              {episode.facilityName ?? "—"} · {format.date(episode.intakeDate)}
            </h3>
            <span className="badge" data-testid="episode-status">
              {labels.status(episode.status)}
            </span>
          </div>
          <dl className="facts">
            <div>
              <dt>{t("rehab.episode.serviceType")}</dt>
              <dd>{labels.service(episode.serviceType)}</dd>
            </div>
            <div>
              <dt>{t("rehab.tdi.primarySubstance")}</dt>
              <dd>
                {labels.drug(episode.primarySubstance)}
                {episode.route ? ` (${labels.route(episode.route)})` : ""}
              </dd>
            </div>
            {episode.secondarySubstances.length > 0 ? (
              <div>
                <dt>{t("rehab.tdi.secondarySubstance")}</dt>
                <dd>{episode.secondarySubstances.map((d) => labels.drug(d)).join(", ")}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("rehab.tdi.frequency")}</dt>
              <dd>{labels.frequency(episode.frequency)}</dd>
            </div>
            <div>
              <dt>{t("rehab.tdi.ageAtFirstUse")}</dt>
              <dd>{episode.ageAtFirstUse ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("rehab.tdi.previousTreatment")}</dt>
              <dd>{labels.previousTreatment(episode.previousTreatment)}</dd>
            </div>
            <div>
              <dt>{t("rehab.tdi.injecting")}</dt>
              <dd>{labels.injecting(episode.injecting)}</dd>
            </div>
            <div>
              <dt>{t("rehab.consent.title")}</dt>
              <dd>
                {episode.consentGiven
                  ? `${labels.consentBy(episode.consentBy)} · ${episode.consentDate ? format.date(episode.consentDate) : "—"}`
                  : t("rehab.consent.missing")}
              </dd>
            </div>
          </dl>
          {episode.treatmentPlan ? (
            <details>
              <summary>{t("rehab.episode.treatmentPlan")}</summary>
              <p className="prewrap">{episode.treatmentPlan}</p>
            </details>
          ) : null}
          <EpisodeTimeline episode={episode} />
          <EpisodeActions
            episode={episode}
            canUpdate={canUpdate}
            onChanged={(message) => onReload(message)}
          />
        </section>
      ))}
      {can("rehab_client", "create") && !readOnly ? (
        <p>
          <Link to="/rehab/registrasi" className="button button--quiet">
            {t("rehab.client.newEpisode")}
          </Link>
        </p>
      ) : null}
      <DataSubjectPanel
        clientId={client.id}
        code={client.code}
        canExport={client.actions.includes("export") && client.breakGlass === null}
        canErase={client.actions.includes("erase") && !readOnly}
        onErased={() => onReload(t("rehab.dataSubject.erasedNote"))}
      />
    </>
  );
}

/** `/rehab/klien/:id`: one client by code, their episodes, identity on request, requests. */
export function ClientPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const { can } = useSession();
  const errorText = useRehabError();
  const [reload, setReload] = useState(0);
  const arrival = location.state as { registered?: boolean; screeningFailed?: boolean } | null;
  const [saved, setSaved] = useState(arrival?.registered ? t("rehab.intake.registered") : "");
  const navigate = useNavigate();
  const client = useAsyncData(`rehab-client|${id}|${reload}`, async (signal) => {
    const detail = await fetchClient(id, signal);
    const episodes = await Promise.all(detail.episodes.map((e) => fetchEpisode(e.id, signal)));
    return { ...detail, loaded: episodes };
  });
  const code = errorCode(client.status === "error" ? client.error : null);
  // Out of scope answers 404 like a client that does not exist (and a malformed id, 400).
  const notFound =
    client.status === "error" &&
    (code === "REHAB_CLIENT_NOT_FOUND" || code === "NOT_FOUND" || code === "VALIDATION_FAILED");
  // The title carries the pseudonymous code only, never identity.
  const title =
    client.status === "success"
      ? t("rehab.client.title", { code: client.data.code })
      : notFound
        ? t("rehab.client.notFoundTitle")
        : t("rehab.client.loadingTitle");
  return (
    <PageLayout title={title}>
      <RehabSubNav />
      <p className="saved-note" role="status" aria-live="polite">
        {saved}
      </p>
      {arrival?.screeningFailed ? (
        <p className="notice notice--warning" role="alert" data-testid="screening-failed">
          {t("rehab.intake.screeningFailed")}
        </p>
      ) : null}
      {client.status === "loading" ? (
        <p className="list-status" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("rehab.loading")}
        </p>
      ) : null}
      {notFound ? (
        <>
          <div className="notice" data-testid="rehab-client-not-found">
            <p>{t("rehab.client.notFound")}</p>
            <p>
              <Link to="/rehab">{t("rehab.client.backToList")}</Link>
            </p>
          </div>
          {can("rehab_break_glass", "create") ? (
            <BreakGlassForm
              onGranted={(grant) => {
                setSaved(t("rehab.breakGlass.granted"));
                if (grant.clientId === id) setReload((n) => n + 1);
                else navigate(`/rehab/klien/${grant.clientId}`);
              }}
            />
          ) : null}
        </>
      ) : null}
      {client.status === "error" && !notFound ? (
        <div className="notice notice--error" role="alert">
          <p>{errorText(client.error)}</p>
          <button type="button" className="button" onClick={client.retry}>
            {t("status.retry")}
          </button>
        </div>
      ) : null}
      {client.status === "success" ? (
        <ClientView
          key={client.data.id}
          client={client.data}
          episodes={client.data.loaded}
          onReload={(message) => {
            setSaved(message ?? "");
            setReload((n) => n + 1);
          }}
        />
      ) : null}
    </PageLayout>
  );
}
