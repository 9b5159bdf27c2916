import { useTranslation } from "react-i18next";
import type { AsyncState } from "../../hooks/useAsyncData";
import { ApiError, errorKey } from "../../lib/http";

interface ListStatusProps {
  state: AsyncState<unknown>;
  /** True when the loaded page has no rows. */
  empty: boolean;
  onRetry: () => void;
}

/** Loading, error (with retry) and empty states of a list, announced politely. */
export function ListStatus({ state, empty, onRetry }: ListStatusProps) {
  const { t } = useTranslation();
  const requestId =
    state.status === "error" && state.error instanceof ApiError && state.error.requestId;
  return (
    <div role="status" aria-live="polite" className="list-status-region">
      {state.status === "loading" ? (
        <p className="list-status" data-testid="list-loading">
          <span className="spinner" aria-hidden="true" />
          {t("table.loading")}
        </p>
      ) : null}
      {state.status === "error" ? (
        <div className="notice notice--error" role="alert" data-testid="list-error">
          <p>{t(errorKey(state.error))}</p>
          {requestId ? (
            <p className="muted mono">{t("status.requestId", { id: requestId })}</p>
          ) : null}
          <button type="button" className="button" onClick={onRetry}>
            {t("status.retry")}
          </button>
        </div>
      ) : null}
      {state.status === "success" && empty ? (
        <p className="list-status" data-testid="list-empty">
          {t("table.empty")}
        </p>
      ) : null}
    </div>
  );
}
