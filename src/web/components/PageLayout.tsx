import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { AppHeader } from "./AppHeader";

/** Sets `document.title` to "<title> · Tanggap" (or the product title), in the current language. */
export function useDocumentTitle(title?: string): void {
  const { t } = useTranslation();
  const full = title ? t("app.pageTitle", { title }) : t("app.documentTitle");
  useEffect(() => {
    document.title = full;
  }, [full]);
}

interface PageLayoutProps {
  title: string;
  children?: ReactNode;
  /** Controls next to the heading (e.g. a "create" button). */
  actions?: ReactNode;
  /** Narrow single-column pages (forms). */
  narrow?: boolean;
}

/** Every page but the map: header, skip link, a focusable `<h1>` and the content. */
export function PageLayout({ title, children, actions, narrow = false }: PageLayoutProps) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="page-shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppHeader brandHeading={false} />
      <main id="main" className={narrow ? "page page--narrow" : "page"} tabIndex={-1}>
        <div className="page__head">
          <h1 className="page__title" tabIndex={-1}>
            {title}
          </h1>
          {actions ? <div className="page__actions">{actions}</div> : null}
        </div>
        {children}
      </main>
    </div>
  );
}
