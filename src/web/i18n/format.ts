import { useTranslation } from "react-i18next";

const LOCALES: Record<string, string> = { id: "id-ID", en: "en-GB" };

/** The BCP 47 locale used for number formatting in an interface language. */
export function localeFor(language: string): string {
  return LOCALES[language] ?? "id-ID";
}

/** Formats a number for the language, e.g. `1.236,5` in Indonesian and `1,236.5` in English. */
export function formatNumber(
  value: number,
  language: string,
  options: Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat(localeFor(language), options).format(value);
}

/** Number formatters bound to the current interface language. */
export function useFormat(): {
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  decimal: (value: number, fractionDigits: number) => string;
} {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    number: (value, options) => formatNumber(value, language, options),
    decimal: (value, fractionDigits) =>
      formatNumber(value, language, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
  };
}
