import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AccountMenu } from "./AccountMenu";
import { LanguageSwitch } from "./LanguageSwitch";
import { SiteNav } from "./SiteNav";

interface AppHeaderProps {
  children?: ReactNode;
  /** The product name is the page's `<h1>` on the map; other pages have their own heading. */
  brandHeading?: boolean;
}

/** The top bar: product name, subtitle, navigation, page controls, language and account. */
export function AppHeader({ children, brandHeading = true }: AppHeaderProps) {
  const { t } = useTranslation();
  const name = (
    <Link to="/" className="brand__link">
      {t("app.name")}
    </Link>
  );
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <path d="M16 2c-6.1 0-11 4.8-11 10.8C5 21 16 30 16 30s11-9 11-17.2C27 6.8 22.1 2 16 2z" />
          <circle cx="16" cy="12.5" r="4.5" />
        </svg>
        <div>
          {brandHeading ? (
            <h1 className="brand__name">{name}</h1>
          ) : (
            <p className="brand__name">{name}</p>
          )}
          <p className="brand__subtitle" data-testid="subtitle">
            {t("app.subtitle")}
          </p>
        </div>
      </div>
      <SiteNav />
      <div className="app-header__controls">
        {children}
        <LanguageSwitch />
        <AccountMenu />
      </div>
    </header>
  );
}
