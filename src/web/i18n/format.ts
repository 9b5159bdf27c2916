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

/** Date and time shown to people: Jakarta time (WIB) whatever the browser's own zone. */
export const DISPLAY_TIME_ZONE = "Asia/Jakarta";

/** Formats an instant for the language in Jakarta time, e.g. `30 Nov 2026, 02.32.36 WIB`. */
export function formatDateTime(value: string | Date, language: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(localeFor(language), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: DISPLAY_TIME_ZONE,
    timeZoneName: "short",
  }).format(date);
}

/** Formats a calendar date (`2025-12-31`) for the language, e.g. `31 Des 2025`. */
export function formatDate(value: string, language: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(localeFor(language), {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** Number and date formatters bound to the current interface language. */
export function useFormat(): {
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  decimal: (value: number, fractionDigits: number) => string;
  dateTime: (value: string | Date) => string;
  date: (value: string) => string;
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
    dateTime: (value) => formatDateTime(value, language),
    date: (value) => formatDate(value, language),
  };
}
