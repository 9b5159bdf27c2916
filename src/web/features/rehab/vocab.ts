/** Code lists of the registry, shared with the server through the domain. */
export {
  AGE_BANDS,
  ERASURE_BASES,
  IDENTITY_REASONS,
  SEXES,
} from "../../../domain/rehab/clients";
export {
  CONSENT_BY,
  DISCHARGE_OUTCOMES,
  ENTRY_ROUTES,
  EPISODE_STATUSES,
  type EpisodeEvent,
  type EpisodeStatus,
  eventsFrom,
  RELAPSE_STATUSES,
  SERVICE_TYPES,
  TAT_RECOMMENDATIONS,
  URINE_RESULTS,
  VISIT_KINDS,
} from "../../../domain/rehab/episodes";
export { PERIODS } from "../../../domain/rehab/periods";
export {
  AGE_FIRST_USE,
  TDI_FREQUENCIES as USE_FREQUENCIES,
  TDI_INJECTING,
  TDI_PREVIOUS_TREATMENT as PREVIOUS_TREATMENT,
  TDI_ROUTES as DRUG_ROUTES,
  TDI_SUBSTANCES as PRIMARY_SUBSTANCES,
} from "../../../domain/rehab/tdi";
