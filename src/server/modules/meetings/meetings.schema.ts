/** Request and response shapes for meetings, input items and follow-up actions. */
import { z } from "zod";
import { ACTIONS } from "../../../domain/access/roles";
import { exportQuery } from "../exports";
import { areaCodeField, pageOf, pageQuery } from "../shared.schema";

export const MEETING_KINDS = ["coordination", "audience", "other"] as const;
export const PRIORITIES = ["high", "medium", "low"] as const;
export const INPUT_STATUSES = ["open", "accepted", "action", "programme", "declined"] as const;
export const FOLLOW_UP_STATUSES = ["open", "in_progress", "done", "dropped"] as const;

const dateField = z.iso.date();
const timeField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM");
const text = (max: number) => z.string().trim().max(max);
const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

export const organisationRef = z.object({ id: z.string(), name: z.string() });

export const attachmentInfo = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});

export const followUpAction = z.object({
  id: z.string(),
  inputItemId: z.string(),
  inputItemTopic: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  title: z.string(),
  description: z.string(),
  owner: organisationRef,
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueOn: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  dropReason: z.string().nullable(),
  completedAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Days past the due date (0 when not overdue). */
  daysOverdue: z.number().int(),
  actions: z.array(z.enum(ACTIONS)),
});
export type FollowUpAction = z.infer<typeof followUpAction>;

export const inputItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  raisedByOrganisation: organisationRef.nullable(),
  raisedBy: z.string(),
  topic: z.string(),
  description: z.string(),
  priority: z.enum(PRIORITIES),
  status: z.enum(INPUT_STATUSES),
  declineReason: z.string().nullable(),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  locations: z.array(z.object({ id: z.string(), name: z.string(), kelurahanCode: z.string() })),
  actionCount: z.number().int(),
  actions: z.array(z.enum(ACTIONS)),
});
export type InputItem = z.infer<typeof inputItem>;

export const inputItemWithActions = inputItem.extend({ followUps: z.array(followUpAction) });

export const meetingSummary = z.object({
  id: z.string(),
  heldOn: z.string(),
  startTime: z.string().nullable(),
  place: z.string(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  organiser: organisationRef,
  areaCode: z.string(),
  areaName: z.string().nullable(),
  inputItemCount: z.number().int(),
  actionCount: z.number().int(),
  openActionCount: z.number().int(),
  overdueActionCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingDetail = meetingSummary.extend({
  minutes: z.string(),
  attendees: z.array(organisationRef),
  attachments: z.array(attachmentInfo),
  inputItems: z.array(inputItemWithActions),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(ACTIONS)),
  followUpActions: z.array(z.enum(ACTIONS)),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const meetingInput = z.object({
  heldOn: dateField,
  startTime: timeField.nullable().optional(),
  place: text(300).default(""),
  title: text(300).min(3),
  kind: z.enum(MEETING_KINDS),
  organiserOrganisationId: z.uuid(),
  areaCode: areaCodeField,
  minutes: z.string().max(100_000).default(""),
  attendeeOrganisationIds: z.array(z.uuid()).max(100).default([]),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingPatch = z
  .object({
    heldOn: dateField,
    startTime: timeField.nullable(),
    place: text(300),
    title: text(300).min(3),
    kind: z.enum(MEETING_KINDS),
    organiserOrganisationId: z.uuid(),
    areaCode: areaCodeField,
    minutes: z.string().max(100_000),
    attendeeOrganisationIds: z.array(z.uuid()).max(100),
  })
  .partial();
export type MeetingPatch = z.infer<typeof meetingPatch>;

export const listMeetingsQuery = z.object({
  q: text(100).optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  organisation: z.uuid().optional(),
  area: areaCodeField.optional(),
  from: dateField.optional(),
  to: dateField.optional(),
  ...pageQuery,
  ...exportQuery,
});

export const inputItemInput = z.object({
  raisedByOrganisationId: z.uuid().nullable().optional(),
  raisedBy: text(200).default(""),
  topic: text(300).min(3),
  description: z.string().max(20_000).default(""),
  priority: z.enum(PRIORITIES),
  areaCodes: z.array(areaCodeField).max(60).default([]),
  locationIds: z.array(z.uuid()).max(60).default([]),
});
export type InputItemInput = z.infer<typeof inputItemInput>;

export const inputItemPatch = z
  .object({
    raisedByOrganisationId: z.uuid().nullable(),
    raisedBy: text(200),
    topic: text(300).min(3),
    description: z.string().max(20_000),
    priority: z.enum(PRIORITIES),
    status: z.enum(INPUT_STATUSES),
    declineReason: text(2000).nullable(),
    areaCodes: z.array(areaCodeField).max(60),
    locationIds: z.array(z.uuid()).max(60),
  })
  .partial();
export type InputItemPatch = z.infer<typeof inputItemPatch>;

export const listInputItemsQuery = z.object({
  q: text(100).optional(),
  status: z.enum(INPUT_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  organisation: z.uuid().optional(),
  area: areaCodeField.optional(),
  meeting: z.uuid().optional(),
  ...pageQuery,
  ...exportQuery,
});

export const followUpInput = z.object({
  title: text(300).min(3),
  description: z.string().max(20_000).default(""),
  ownerOrganisationId: z.uuid(),
  assigneeUserId: z.uuid().nullable().optional(),
  dueOn: dateField,
});
export type FollowUpInput = z.infer<typeof followUpInput>;

export const followUpPatch = z
  .object({
    title: text(300).min(3),
    description: z.string().max(20_000),
    ownerOrganisationId: z.uuid(),
    assigneeUserId: z.uuid().nullable(),
    dueOn: dateField,
    status: z.enum(FOLLOW_UP_STATUSES),
    dropReason: text(2000).nullable(),
  })
  .partial();
export type FollowUpPatch = z.infer<typeof followUpPatch>;

export const listFollowUpsQuery = z.object({
  q: text(100).optional(),
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  overdue: booleanQuery.optional(),
  organisation: z.uuid().optional(),
  area: areaCodeField.optional(),
  meeting: z.uuid().optional(),
  ...pageQuery,
  ...exportQuery,
});
export type FollowUpFilter = {
  q?: string | undefined;
  status?: (typeof FOLLOW_UP_STATUSES)[number] | undefined;
  overdue?: boolean | undefined;
  organisation?: string | undefined;
  area?: string | undefined;
  meeting?: string | undefined;
  mine?: boolean | undefined;
};

export const myFollowUpsQuery = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  overdue: booleanQuery.optional(),
  /** Open and in-progress only (default), or every status. */
  all: booleanQuery.optional(),
  ...pageQuery,
  ...exportQuery,
});

export const isoWeekField = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, "must be YYYY-Www");

export const digestQuery = z.object({
  week: isoWeekField,
  organisation: z.uuid().optional(),
});

export const weeklyDigest = z.object({
  week: z.string(),
  start: z.string(),
  end: z.string(),
  /** The day overdue is judged at: the day after the week, or today for the current week. */
  asOf: z.string(),
  counts: z.object({
    newInputItems: z.number().int(),
    dueThisWeek: z.number().int(),
    overdue: z.number().int(),
    doneThisWeek: z.number().int(),
  }),
  newInputItems: z.array(inputItem),
  dueThisWeek: z.array(followUpAction),
  overdue: z.array(followUpAction),
  doneThisWeek: z.array(followUpAction),
});
export type WeeklyDigest = z.infer<typeof weeklyDigest>;

export const meetingPage = pageOf(meetingSummary);
export const inputItemPage = pageOf(inputItem);
export const followUpPage = pageOf(followUpAction);

export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
export const attachmentQuery = z.object({ name: text(200).min(1) });
