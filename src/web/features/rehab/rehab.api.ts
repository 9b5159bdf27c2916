/**
 * Calls to the rehabilitation registry's API (src/server/modules/rehab; shapes as in its
 * rehab.schema.ts). Identity travels only in request bodies and answers, never in an address,
 * and the client never stores it.
 */
import type { Action } from "../../../domain/access/roles";
import type { AssistSubstance, RiskBand } from "../../../domain/rehab/assist";
import type { EpisodeEvent } from "../../../domain/rehab/episodes";
import { getJson, queryString, sendJson } from "../../lib/http";
import type { Page } from "../admin/list";
import { assistBody } from "./assist";
import type { IntakeDraft } from "./intake";

const BASE = "/api/rehab";
const enc = encodeURIComponent;

export interface ClientSummary {
  id: string;
  code: string;
  sex: string;
  birthYear: number;
  child: boolean;
  synthetic: boolean;
  erased: boolean;
  residenceKelurahanCode: string | null;
  residenceKelurahanName: string | null;
  facilityName: string | null;
  status: string | null;
  lastEpisodeStart: string | null;
}

export interface ClientIdentity {
  fullName: string | null;
  nik: string | null;
  dateOfBirth: string | null;
  phone: string | null;
  address: string | null;
}

export interface EpisodeSummary {
  id: string;
  facilityId: string;
  facilityName: string;
  status: string;
  entryRoute: string;
  intakeDate: string;
  serviceType: string | null;
  startDate: string | null;
  dischargeDate: string | null;
  dischargeOutcome: string | null;
  aftercareStart: string | null;
  closedDate: string | null;
  primarySubstance: string | null;
  highestBand: RiskBand | null;
}

export interface ClientDetail extends ClientSummary {
  identityPresent: Record<keyof ClientIdentity, boolean>;
  erasedAt: string | null;
  createdAt: string;
  episodes: EpisodeSummary[];
  breakGlass: { id: string; expiresAt: string } | null;
  actions: Action[];
  identityActions: Action[];
}

export interface SubstanceScore {
  substance: AssistSubstance;
  everUsed: boolean;
  score: number;
  band: RiskBand;
}

export interface Screening {
  id: string;
  instrument: string;
  screenedOn: string;
  scores: SubstanceScore[];
  highestBand: RiskBand;
  injection: string;
}

export interface Visit {
  id: string;
  date: string;
  kind: string;
  urineResult: string | null;
  note: string;
}

export interface FollowUp {
  id: string;
  date: string;
  relapseStatus: string;
  note: string;
}

export interface Episode extends EpisodeSummary {
  clientId: string;
  clientCode: string;
  entryNote: string;
  tatRecommendation: string | null;
  tatAssessedOn: string | null;
  tatReference: string;
  consentGiven: boolean;
  consentDate: string | null;
  consentBy: string | null;
  treatmentPlan: string;
  secondarySubstances: string[];
  route: string | null;
  frequency: string | null;
  ageAtFirstUse: number | null;
  previousTreatment: string | null;
  injecting: string | null;
  dischargeNote: string;
  closeNote: string;
  screenings: Screening[];
  visits: Visit[];
  followUps: FollowUp[];
  /** Transitions the domain's table allows from the current status. */
  events: string[];
  actions: Action[];
}

export interface Facility {
  id: string;
  name: string;
  type: string;
  areaCode: string;
}

export interface BreakGlassGrant {
  id: string;
  clientId: string;
  clientCode: string;
  userId: string;
  userName: string;
  reason: string;
  createdAt: string;
  expiresAt: string;
  active: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string;
}

export interface IdentityView {
  id: string;
  userName: string;
  reasonCode: string;
  reason: string;
  breakGlass: boolean;
  viewedAt: string;
}

export function clientsPath(filter: {
  code?: string;
  facilityId?: string;
  status?: string;
  child?: string;
  page?: number;
  pageSize?: number;
}): string {
  return `${BASE}/clients${queryString(filter)}`;
}

export function fetchClient(id: string, signal?: AbortSignal): Promise<ClientDetail> {
  return getJson(`${BASE}/clients/${enc(id)}`, signal);
}

export function fetchEpisode(id: string, signal?: AbortSignal): Promise<Episode> {
  return getJson(`${BASE}/episodes/${enc(id)}`, signal);
}

export function fetchFacilities(signal?: AbortSignal): Promise<{ items: Facility[] }> {
  return getJson(`${BASE}/facilities`, signal);
}

export function fetchIdentityViews(
  id: string,
  signal?: AbortSignal,
): Promise<{ items: IdentityView[] }> {
  return getJson(`${BASE}/clients/${enc(id)}/identity-views`, signal);
}

export function lookupNik(
  csrfToken: string,
  nik: string,
): Promise<{ client: ClientSummary | null }> {
  return sendJson("POST", `${BASE}/clients/lookup`, { nik }, csrfToken);
}

export function revealIdentity(
  csrfToken: string,
  id: string,
  body: { reasonCode: string; reason: string },
): Promise<{ identity: ClientIdentity }> {
  return sendJson("POST", `${BASE}/clients/${enc(id)}/identity`, body, csrfToken);
}

export function openBreakGlass(
  csrfToken: string,
  body: { clientCode: string; reason: string },
): Promise<BreakGlassGrant> {
  return sendJson("POST", `${BASE}/break-glass`, body, csrfToken);
}

export function breakGlassPath(filter: {
  state?: string;
  page?: number;
  pageSize?: number;
}): string {
  return `${BASE}/break-glass${queryString(filter)}`;
}

export function reviewBreakGlass(
  csrfToken: string,
  id: string,
  note: string,
): Promise<BreakGlassGrant> {
  return sendJson("POST", `${BASE}/break-glass/${enc(id)}/review`, { note }, csrfToken);
}

export function exportClient(csrfToken: string, id: string, reason: string): Promise<unknown> {
  return sendJson("POST", `${BASE}/clients/${enc(id)}/export`, { reason }, csrfToken);
}

export function eraseClient(
  csrfToken: string,
  id: string,
  body: { basis: string; reference: string },
): Promise<unknown> {
  return sendJson("POST", `${BASE}/clients/${enc(id)}/erase`, body, csrfToken);
}

const EVENT_PATHS: Record<Exclude<EpisodeEvent, "assess">, string> = {
  start_care: "start",
  discharge: "discharge",
  begin_aftercare: "aftercare",
  close: "close",
};

export function episodeEvent(
  csrfToken: string,
  episodeId: string,
  event: Exclude<EpisodeEvent, "assess">,
  body: Record<string, unknown>,
): Promise<Episode> {
  return sendJson(
    "POST",
    `${BASE}/episodes/${enc(episodeId)}/${EVENT_PATHS[event]}`,
    body,
    csrfToken,
  );
}

export function addVisit(
  csrfToken: string,
  episodeId: string,
  body: Record<string, unknown>,
): Promise<Episode> {
  return sendJson("POST", `${BASE}/episodes/${enc(episodeId)}/visits`, body, csrfToken);
}

export function addFollowUp(
  csrfToken: string,
  episodeId: string,
  body: Record<string, unknown>,
): Promise<Episode> {
  return sendJson("POST", `${BASE}/episodes/${enc(episodeId)}/follow-ups`, body, csrfToken);
}

export function addScreening(
  csrfToken: string,
  episodeId: string,
  body: Record<string, unknown>,
): Promise<Episode> {
  return sendJson("POST", `${BASE}/episodes/${enc(episodeId)}/screenings`, body, csrfToken);
}

/** The episode's fields from the wizard's draft, as `episodeInput` takes them. */
function episodeBody(draft: IntakeDraft) {
  const e = draft.episode;
  const tdi = draft.tdi;
  return {
    facilityId: e.facilityId || undefined,
    intakeDate: e.startDate,
    entryRoute: e.entryRoute,
    entryNote: e.referralNote.trim() || undefined,
    tatRecommendation: e.entryRoute === "legal_tat" ? e.tatRecommendation || null : null,
    consentGiven: e.consentGiven,
    consentDate: e.consentDate || null,
    consentBy: e.consentBy || null,
    consentNote: e.consentNote.trim() || undefined,
    treatmentPlan: draft.plan.treatmentPlan.trim() || undefined,
    serviceType: draft.plan.serviceType || null,
    primarySubstance: tdi.primarySubstance || null,
    secondarySubstances: tdi.secondarySubstance ? [tdi.secondarySubstance] : [],
    route: tdi.route || null,
    frequency: tdi.frequency || null,
    ageAtFirstUse: tdi.ageAtFirstUse === "" ? null : Number(tdi.ageAtFirstUse),
    previousTreatment: tdi.previousTreatment || null,
    injecting: tdi.injecting || null,
  };
}

export interface Registered {
  clientId: string;
  episodeId: string;
  /** The screening could not be saved (the client and episode were). */
  screeningError: unknown;
}

/**
 * Registers a client with a first episode (or opens a new episode of a client found by the
 * NIK), then records the ASSIST screening on that episode.
 */
export async function registerClient(csrfToken: string, draft: IntakeDraft): Promise<Registered> {
  let clientId: string;
  let episodeId: string;
  if (draft.existing) {
    const episode = await sendJson<Episode>(
      "POST",
      `${BASE}/clients/${enc(draft.existing.id)}/episodes`,
      episodeBody(draft),
      csrfToken,
    );
    clientId = draft.existing.id;
    episodeId = episode.id;
  } else {
    const id = draft.identity;
    const result = await sendJson<{ client: ClientDetail; episodeId: string }>(
      "POST",
      `${BASE}/clients`,
      {
        identity: {
          fullName: id.fullName.trim(),
          nik: id.nik,
          dateOfBirth: id.birthDate,
          phone: id.phone.trim() || undefined,
          address: id.address.trim() || undefined,
        },
        sex: id.sex,
        residenceKelurahanCode: id.residenceKelurahanCode || null,
        episode: episodeBody(draft),
      },
      csrfToken,
    );
    clientId = result.client.id;
    episodeId = result.episodeId;
  }
  let screeningError: unknown = null;
  try {
    await addScreening(csrfToken, episodeId, {
      screenedOn: draft.episode.startDate,
      answers: assistBody(draft.assist),
    });
  } catch (error) {
    screeningError = error;
  }
  return { clientId, episodeId, screeningError };
}

export type { Page };
