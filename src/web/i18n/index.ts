import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import enIncidents from "./en.incidents.json";
import enCore from "./en.json";
import enKnow from "./en.know.json";
import enMeetings from "./en.meetings.json";
import enProgrammes from "./en.programmes.json";
import enRehab from "./en.rehab.json";
import idIncidents from "./id.incidents.json";
import idCore from "./id.json";
import idKnow from "./id.know.json";
import idMeetings from "./id.meetings.json";
import idProgrammes from "./id.programmes.json";
import idRehab from "./id.rehab.json";

// One catalogue per language, merged from the core file and one file per product part
// (each part under its own top-level key; scripts/check-i18n.mjs refuses overlaps).
const id = { ...idCore, ...idIncidents, ...idMeetings, ...idProgrammes, ...idRehab, ...idKnow };
const en = { ...enCore, ...enIncidents, ...enMeetings, ...enProgrammes, ...enRehab, ...enKnow };

/** Interface languages; Indonesian is the source and the default. */
export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "id";

const STORAGE_KEY = "tanggap.language";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    // Typing keys against the source catalogue makes a misspelt key a compile error.
    resources: { translation: typeof id };
  }
}

/** Narrows an arbitrary value to a supported language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back quietly.
    return DEFAULT_LANGUAGE;
  }
}

function reflectLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = i18next.t("app.documentTitle");
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisting the choice is acceptable.
  }
}

/** Initialises i18next with the bundled catalogues and the stored (or default) language. */
export async function initI18n(): Promise<typeof i18next> {
  i18next.on("languageChanged", reflectLanguage);
  await i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
  });
  reflectLanguage(i18next.language);
  return i18next;
}

/** Switches the interface language (persisted and reflected in `<html lang>`). */
export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
}
