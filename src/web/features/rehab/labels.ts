import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, errorKey } from "../../lib/http";
import {
  AGE_BANDS,
  CONSENT_BY,
  DISCHARGE_OUTCOMES,
  DRUG_ROUTES,
  ENTRY_ROUTES,
  EPISODE_STATUSES,
  ERASURE_BASES,
  IDENTITY_REASONS,
  PREVIOUS_TREATMENT,
  PRIMARY_SUBSTANCES,
  RELAPSE_STATUSES,
  SERVICE_TYPES,
  SEXES,
  TAT_RECOMMENDATIONS,
  TDI_INJECTING,
  URINE_RESULTS,
  USE_FREQUENCIES,
  VISIT_KINDS,
} from "./vocab";

/** Today's date in Jakarta (`YYYY-MM-DD`), the registry's calendar. */
export function todayJakarta(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}

export function inList<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Translated names of the registry's codes; an unknown code is shown as it is, empty as "—". */
export function useRehabLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const make =
      <T extends string>(list: readonly T[], label: (value: T) => string) =>
      (value: string | null | undefined): string =>
        !value ? "—" : inList(list, value) ? label(value) : value;
    return {
      sex: make(SEXES, (v) => t(`rehab.sex.${v}`)),
      ageBand: make(AGE_BANDS, (v) =>
        v === "unknown" ? t("rehab.ageUnknown") : t("rehab.ageBand", { band: v }),
      ),
      entryRoute: make(ENTRY_ROUTES, (v) => t(`rehab.entryRoute.${v}`)),
      tat: make(TAT_RECOMMENDATIONS, (v) => t(`rehab.tat.${v}`)),
      consentBy: make(CONSENT_BY, (v) => t(`rehab.consentBy.${v}`)),
      route: make(DRUG_ROUTES, (v) => t(`rehab.route.${v}`)),
      frequency: make(USE_FREQUENCIES, (v) => t(`rehab.frequency.${v}`)),
      previousTreatment: make(PREVIOUS_TREATMENT, (v) => t(`rehab.previousTreatment.${v}`)),
      injecting: make(TDI_INJECTING, (v) => t(`rehab.injecting.${v}`)),
      service: make(SERVICE_TYPES, (v) => t(`rehab.service.${v}`)),
      outcome: make(DISCHARGE_OUTCOMES, (v) => t(`rehab.outcome.${v}`)),
      relapse: make(RELAPSE_STATUSES, (v) => t(`rehab.relapse.${v}`)),
      drug: make(PRIMARY_SUBSTANCES, (v) => t(`rehab.drug.${v}`)),
      status: make(EPISODE_STATUSES, (v) => t(`rehab.status.${v}`)),
      visitKind: make(VISIT_KINDS, (v) => t(`rehab.visitKind.${v}`)),
      urine: make(URINE_RESULTS, (v) => t(`rehab.urine.${v}`)),
      reason: make(IDENTITY_REASONS, (v) => t(`rehab.reason.${v}`)),
      erasureBasis: make(ERASURE_BASES, (v) => t(`rehab.erasureBasis.${v}`)),
    };
  }, [t]);
}

/** Error codes of the registry's API that have their own message in the rehab catalogue. */
const REHAB_ERROR_CODES = [
  "REHAB_CLIENT_NOT_FOUND",
  "REHAB_EPISODE_NOT_FOUND",
  "REHAB_EPISODE_OPEN",
  "REHAB_EPISODE_CLOSED",
  "REHAB_CLIENT_ERASED",
  "REHAB_READ_ONLY_GRANT",
  "REHAB_FACILITY_NOT_FOUND",
  "REHAB_NOT_A_FACILITY",
  "REHAB_BREAK_GLASS_NOT_FOUND",
  "REHAB_BREAK_GLASS_NOT_NEEDED",
  "REHAB_ALREADY_REVIEWED",
  "REHAB_SELF_REVIEW",
  "REHAB_IDENTITY_UNREADABLE",
  "SCOPE_VIOLATION",
  "INVALID_TRANSITION",
  "EPISODE_INVALID_TRANSITION",
  "EPISODE_CONSENT_REQUIRED",
  "EPISODE_DATE_BEFORE_INTAKE",
  "EPISODE_DATE_BEFORE_START",
  "EPISODE_DATE_BEFORE_DISCHARGE",
  "EPISODE_DATE_REQUIRED",
  "EPISODE_AFTERCARE_NEEDS_COMPLETION",
] as const;
type RehabErrorCode = (typeof REHAB_ERROR_CODES)[number];

/** A translated message for an API error: the registry's own words first, then the shared ones. */
export function useRehabError(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const code = error instanceof ApiError ? error.code : "";
    if (inList<RehabErrorCode>(REHAB_ERROR_CODES, code)) return t(`rehab.errors.${code}`);
    return t(errorKey(error));
  };
}
