import { useTranslation } from "react-i18next";
import { ApiError, errorKey } from "../../lib/http";

type MapStatusProps =
  | { status: "loading" | "empty" | "ready" }
  | { status: "error"; error: unknown; onRetry: () => void };

/** Loading, error (with retry) and empty states, announced to screen readers. */
export function MapStatus(props: MapStatusProps) {
  const { t } = useTranslation();
  const requestId =
    props.status === "error" && props.error instanceof ApiError && props.error.requestId;
  return (
    <div className="map-status-region" role="status" aria-live="polite">
      {props.status === "loading" ? (
        <div className="map-status">
          <span className="spinner" aria-hidden="true" />
          {t("status.loading")}
        </div>
      ) : null}
      {props.status === "empty" ? <div className="map-status">{t("status.empty")}</div> : null}
      {props.status === "error" ? (
        <div className="map-status map-status--error" role="alert">
          <p className="map-status__title">{t("status.errorTitle")}</p>
          <p>{t(errorKey(props.error))}</p>
          {requestId ? (
            <p className="muted mono">{t("status.requestId", { id: requestId })}</p>
          ) : null}
          <button type="button" className="button" onClick={props.onRetry}>
            {t("status.retry")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
