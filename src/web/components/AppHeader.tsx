import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./LanguageSwitch";

/** The top bar: product name, subtitle, page controls and the language switch. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <path d="M16 2c-6.1 0-11 4.8-11 10.8C5 21 16 30 16 30s11-9 11-17.2C27 6.8 22.1 2 16 2z" />
          <circle cx="16" cy="12.5" r="4.5" />
        </svg>
        <div>
          <h1 className="brand__name">{t("app.name")}</h1>
          <p className="brand__subtitle" data-testid="subtitle">
            {t("app.subtitle")}
          </p>
        </div>
      </div>
      <div className="app-header__controls">
        {children}
        <LanguageSwitch />
      </div>
    </header>
  );
}
