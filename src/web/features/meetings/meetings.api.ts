/** Calls to the meetings API and the shapes it answers with. */
import type { Action } from "../../../domain/access/roles";
import { ApiError, getJson, queryString, sendFile, sendJson } from "../../lib/http";

export const MEETING_KINDS = ["coordination", "audience", "other"] as const;
export const PRIORITIES = ["high", "medium", "low"] as const;
export const INPUT_STATUSES = ["open", "accepted", "action", "programme", "declined"] as const;
export const FOLLOW_UP_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type InputStatus = (typeof INPUT_STATUSES)[number];
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface FollowUp {
  id: string;
  inputItemId: string;
  inputItemTopic: string;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  title: string;
  description: string;
  owner: OrganisationRef;
  assignee: OrganisationRef | null;
  dueOn: string;
  status: FollowUpStatus;
  dropReason: string | null;
  completedAt: string | null;
  overdue: boolean;
  daysOverdue: number;
  actions: Action[];
}

export interface InputItem {
  id: string;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  raisedByOrganisation: OrganisationRef | null;
  raisedBy: string;
  topic: string;
  description: string;
  priority: Priority;
  status: InputStatus;
  declineReason: string | null;
  areas: Array<{ code: string; name: string }>;
  locations: Array<{ id: string; name: string; kelurahanCode: string }>;
  actionCount: number;
  actions: Action[];
}

export interface MeetingSummary {
  id: string;
  heldOn: string;
  startTime: string | null;
  place: string;
  title: string;
  kind: MeetingKind;
  organiser: OrganisationRef;
  areaCode: string;
  areaName: string | null;
  inputItemCount: number;
  actionCount: number;
  openActionCount: number;
  overdueActionCount: number;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface MeetingDetail extends MeetingSummary {
  minutes: string;
  attendees: OrganisationRef[];
  attachments: Attachment[];
  inputItems: Array<InputItem & { followUps: FollowUp[] }>;
  actions: Action[];
  followUpActions: Action[];
}

export interface WeeklyDigest {
  week: string;
  start: string;
  end: string;
  asOf: string;
  counts: { newInputItems: number; dueThisWeek: number; overdue: number; doneThisWeek: number };
  newInputItems: InputItem[];
  dueThisWeek: FollowUp[];
  overdue: FollowUp[];
  doneThisWeek: FollowUp[];
}

export interface MeetingFilters {
  q: string;
  kind: string;
  area: string;
  from: string;
  to: string;
}

export interface FollowUpFilters {
  status: string;
  overdue: string;
  organisation: string;
  area: string;
}

export const NO_MEETING_FILTERS: MeetingFilters = { q: "", kind: "", area: "", from: "", to: "" };
export const NO_FOLLOW_UP_FILTERS: FollowUpFilters = {
  status: "",
  overdue: "",
  organisation: "",
  area: "",
};

export function meetingsUrl(filters: MeetingFilters, extra: Record<string, string | number>) {
  return `/api/meetings${queryString({ ...filters, ...extra })}`;
}

export function fetchMeetings(
  filters: MeetingFilters,
  page: number,
  pageSize: number,
  signal: AbortSignal,
) {
  return getJson<Page<MeetingSummary>>(meetingsUrl(filters, { page, pageSize }), signal);
}

export function fetchMeeting(id: string, signal: AbortSignal) {
  return getJson<MeetingDetail>(`/api/meetings/${encodeURIComponent(id)}`, signal);
}

export function fetchOrganisationChoices(signal: AbortSignal) {
  return getJson<OrganisationRef[]>("/api/meetings/organisations", signal);
}

export interface MeetingInput {
  heldOn: string;
  startTime: string | null;
  place: string;
  title: string;
  kind: MeetingKind;
  organiserOrganisationId: string;
  areaCode: string;
  minutes: string;
  attendeeOrganisationIds: string[];
}

export function createMeeting(input: MeetingInput, csrfToken: string) {
  return sendJson<MeetingDetail>("POST", "/api/meetings", input, csrfToken);
}

export function updateMeeting(id: string, input: Partial<MeetingInput>, csrfToken: string) {
  return sendJson<MeetingDetail>(
    "PATCH",
    `/api/meetings/${encodeURIComponent(id)}`,
    input,
    csrfToken,
  );
}

export interface InputItemInput {
  raisedByOrganisationId: string | null;
  raisedBy: string;
  topic: string;
  description: string;
  priority: Priority;
  areaCodes: string[];
}

export function createInputItem(meetingId: string, input: InputItemInput, csrfToken: string) {
  return sendJson<InputItem>(
    "POST",
    `/api/meetings/${encodeURIComponent(meetingId)}/input-items`,
    input,
    csrfToken,
  );
}

export function updateInputItem(
  id: string,
  input: { status?: InputStatus; declineReason?: string | null },
  csrfToken: string,
) {
  return sendJson<InputItem>(
    "PATCH",
    `/api/input-items/${encodeURIComponent(id)}`,
    input,
    csrfToken,
  );
}

export interface FollowUpInput {
  title: string;
  description: string;
  ownerOrganisationId: string;
  assigneeUserId: string | null;
  dueOn: string;
}

export function createFollowUp(inputItemId: string, input: FollowUpInput, csrfToken: string) {
  return sendJson<FollowUp>(
    "POST",
    `/api/input-items/${encodeURIComponent(inputItemId)}/follow-ups`,
    input,
    csrfToken,
  );
}

export function updateFollowUp(
  id: string,
  input: { status?: FollowUpStatus; dropReason?: string | null },
  csrfToken: string,
) {
  return sendJson<FollowUp>("PATCH", `/api/follow-ups/${encodeURIComponent(id)}`, input, csrfToken);
}

export function followUpsUrl(filters: FollowUpFilters, extra: Record<string, string | number>) {
  return `/api/follow-ups${queryString({ ...filters, ...extra })}`;
}

export function fetchFollowUps(
  filters: FollowUpFilters,
  page: number,
  pageSize: number,
  signal: AbortSignal,
) {
  return getJson<Page<FollowUp>>(followUpsUrl(filters, { page, pageSize }), signal);
}

export function myFollowUpsUrl(all: boolean, extra: Record<string, string | number> = {}) {
  return `/api/follow-ups/mine${queryString({ all: all ? "true" : "", ...extra })}`;
}

export function fetchMyFollowUps(
  all: boolean,
  page: number,
  pageSize: number,
  signal: AbortSignal,
) {
  return getJson<Page<FollowUp>>(myFollowUpsUrl(all, { page, pageSize }), signal);
}

export function fetchDigest(week: string, signal: AbortSignal) {
  return getJson<WeeklyDigest>(`/api/follow-ups/digest${queryString({ week })}`, signal);
}

export function uploadAttachment(meetingId: string, file: File, csrfToken: string) {
  return sendFile<Attachment>(
    `/api/meetings/${encodeURIComponent(meetingId)}/attachments${queryString({ name: file.name })}`,
    file,
    file.type || "application/octet-stream",
    csrfToken,
  );
}

export function attachmentUrl(meetingId: string, attachmentId: string) {
  return `/api/meetings/${encodeURIComponent(meetingId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** DELETE with the CSRF token (the shared client speaks POST, PATCH and PUT only). */
export async function deleteAttachment(meetingId: string, attachmentId: string, csrfToken: string) {
  let response: Response;
  try {
    response = await fetch(attachmentUrl(meetingId, attachmentId), {
      method: "DELETE",
      headers: { accept: "application/json", "x-csrf-token": csrfToken },
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError("NETWORK", 0);
  }
  if (!response.ok) {
    let code = "UNKNOWN";
    try {
      const body = (await response.json()) as { error?: { code?: string } };
      code = body.error?.code ?? code;
    } catch {
      // keep UNKNOWN
    }
    throw new ApiError(code, response.status);
  }
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_ACCEPT = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png";
