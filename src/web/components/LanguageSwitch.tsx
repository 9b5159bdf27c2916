import { useTranslation } from "react-i18next";
import { LANGUAGES, setLanguage } from "../i18n";

/** ID / EN toggle; the active language is marked with `aria-pressed`. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t("language.groupLabel")}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="lang-switch__button"
          data-testid={`lang-${language}`}
          aria-pressed={i18n.language === language}
          title={t(`language.${language}.name`)}
          onClick={() => setLanguage(language)}
        >
          {t(`language.${language}.short`)}
        </button>
      ))}
    </fieldset>
  );
}
