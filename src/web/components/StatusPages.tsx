import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorKey } from "../lib/http";
import { PageLayout } from "./PageLayout";

/** Shown while the session is checked before a protected page. */
export function LoadingPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t("page.loadingTitle")} narrow>
      <p className="list-status" role="status">
        <span className="spinner" aria-hidden="true" />
        {t("page.loading")}
      </p>
    </PageLayout>
  );
}

/** The session could not be checked (e.g. the server is unreachable). */
export function SessionErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <PageLayout title={t("page.sessionErrorTitle")} narrow>
      <div className="notice notice--error" role="alert">
        <p>{t(errorKey(error))}</p>
        <button type="button" className="button" onClick={onRetry}>
          {t("status.retry")}
        </button>
      </div>
    </PageLayout>
  );
}

/** The person is signed in but their role may not use this page. */
export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t("page.notAllowedTitle")} narrow>
      <div className="notice" data-testid="not-allowed">
        <p>{t("page.notAllowedText")}</p>
        <p>
          <Link to="/">{t("page.backToMap")}</Link>
        </p>
      </div>
    </PageLayout>
  );
}

/** No route matches the address. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t("page.notFoundTitle")} narrow>
      <div className="notice" data-testid="not-found">
        <p>{t("page.notFoundText")}</p>
        <p>
          <Link to="/">{t("page.backToMap")}</Link>
        </p>
      </div>
    </PageLayout>
  );
}
