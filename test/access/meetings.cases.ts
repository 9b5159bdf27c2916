/** Access-matrix cases for Act (issue 6): meetings, input items, follow-up actions. */
import { unique } from "../factories";
import type { AccessModule } from "./types";

const PDF = "%PDF-1.4\n% matrix\n";

export const meetingsAccess: AccessModule = {
  fixtures: async ({ db, orgIn, orgOut }) => {
    const meeting = (areaCode: string, organiser: string) =>
      db
        .insertInto("meetings")
        .values({
          held_on: "2025-05-20",
          title: unique("Rapat matrix"),
          kind: "coordination",
          organiser_organisation_id: organiser,
          area_code: areaCode,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const item = (meetingId: string) =>
      db
        .insertInto("input_items")
        .values({
          meeting_id: meetingId,
          raised_by: "Camat",
          topic: "Masukan matrix",
          priority: "medium",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const action = (inputItemId: string, owner: string) =>
      db
        .insertInto("follow_up_actions")
        .values({
          input_item_id: inputItemId,
          title: "Tindak lanjut matrix",
          owner_organisation_id: owner,
          due_on: "2025-06-30",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const attachment = (meetingId: string) =>
      db
        .insertInto("meeting_attachments")
        .values({
          meeting_id: meetingId,
          file_name: "notulen.pdf",
          content_type: "application/pdf",
          size_bytes: Buffer.byteLength(PDF),
          content: Buffer.from(PDF),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const mIn = (await meeting("31.73", orgIn)).id;
    const mOut = (await meeting("31.71", orgOut)).id;
    const iIn = (await item(mIn)).id;
    const iOut = (await item(mOut)).id;
    return {
      meetingsIn: mIn,
      meetingsOut: mOut,
      meetingsItemIn: iIn,
      meetingsItemOut: iOut,
      // Owned by an organisation outside the matrix users' own, so only scope lets them see it.
      meetingsActionIn: (await action(iIn, orgOut)).id,
      meetingsActionOut: (await action(iOut, orgOut)).id,
      meetingsAttachmentIn: (await attachment(mIn)).id,
      meetingsAttachmentDel: (await attachment(mIn)).id,
      meetingsAttachmentOut: (await attachment(mOut)).id,
      meetingsOrgIn: orgIn,
    };
  },
  cases: {
    "GET /api/meetings": {
      inScope: () => ({ url: "/api/meetings?pageSize=200" }),
      hiddenId: (f) => f.meetingsOut,
    },
    "GET /api/meetings/organisations": { inScope: () => ({ url: "/api/meetings/organisations" }) },
    "GET /api/meetings/:id": {
      inScope: (f) => ({ url: `/api/meetings/${f.meetingsIn}` }),
      outOfScope: (f) => ({ url: `/api/meetings/${f.meetingsOut}` }),
    },
    "POST /api/meetings": {
      inScope: (f) => ({
        url: "/api/meetings",
        payload: {
          heldOn: "2025-05-21",
          title: unique("Rapat"),
          kind: "audience",
          organiserOrganisationId: f.meetingsOrgIn,
          areaCode: "31.73",
        },
      }),
      outOfScope: (f) => ({
        url: "/api/meetings",
        payload: {
          heldOn: "2025-05-21",
          title: unique("Rapat"),
          kind: "audience",
          organiserOrganisationId: f.meetingsOrgIn,
          areaCode: "31.71",
        },
      }),
      outStatus: 403,
    },
    "PATCH /api/meetings/:id": {
      inScope: (f) => ({ url: `/api/meetings/${f.meetingsIn}`, payload: { minutes: unique("n") } }),
      outOfScope: (f) => ({
        url: `/api/meetings/${f.meetingsOut}`,
        payload: { minutes: unique("n") },
      }),
    },
    "POST /api/meetings/:id/attachments": {
      inScope: (f) => ({
        url: `/api/meetings/${f.meetingsIn}/attachments?name=notulen.pdf`,
        headers: { "content-type": "application/pdf" },
        payload: PDF,
      }),
      outOfScope: (f) => ({
        url: `/api/meetings/${f.meetingsOut}/attachments?name=notulen.pdf`,
        headers: { "content-type": "application/pdf" },
        payload: PDF,
      }),
    },
    "GET /api/meetings/:id/attachments/:attachmentId": {
      inScope: (f) => ({
        url: `/api/meetings/${f.meetingsIn}/attachments/${f.meetingsAttachmentIn}`,
      }),
      outOfScope: (f) => ({
        url: `/api/meetings/${f.meetingsOut}/attachments/${f.meetingsAttachmentOut}`,
      }),
    },
    // Deleting is idempotent (a second delete of the same attachment answers 204 too).
    "DELETE /api/meetings/:id/attachments/:attachmentId": {
      inScope: (f) => ({
        url: `/api/meetings/${f.meetingsIn}/attachments/${f.meetingsAttachmentDel}`,
      }),
      outOfScope: (f) => ({
        url: `/api/meetings/${f.meetingsOut}/attachments/${f.meetingsAttachmentOut}`,
      }),
    },
    "GET /api/input-items": {
      inScope: () => ({ url: "/api/input-items?pageSize=200" }),
      hiddenId: (f) => f.meetingsItemOut,
    },
    "GET /api/input-items/:id": {
      inScope: (f) => ({ url: `/api/input-items/${f.meetingsItemIn}` }),
      outOfScope: (f) => ({ url: `/api/input-items/${f.meetingsItemOut}` }),
    },
    "POST /api/meetings/:id/input-items": {
      inScope: (f) => ({
        url: `/api/meetings/${f.meetingsIn}/input-items`,
        payload: { raisedBy: "Lurah", topic: unique("Masukan"), priority: "low" },
      }),
      outOfScope: (f) => ({
        url: `/api/meetings/${f.meetingsOut}/input-items`,
        payload: { raisedBy: "Lurah", topic: unique("Masukan"), priority: "low" },
      }),
    },
    "PATCH /api/input-items/:id": {
      inScope: (f) => ({
        url: `/api/input-items/${f.meetingsItemIn}`,
        payload: { description: unique("d") },
      }),
      outOfScope: (f) => ({
        url: `/api/input-items/${f.meetingsItemOut}`,
        payload: { description: unique("d") },
      }),
    },
    "POST /api/input-items/:id/follow-ups": {
      inScope: (f) => ({
        url: `/api/input-items/${f.meetingsItemIn}/follow-ups`,
        payload: {
          title: unique("Aksi"),
          ownerOrganisationId: f.meetingsOrgIn,
          dueOn: "2025-07-01",
        },
      }),
      outOfScope: (f) => ({
        url: `/api/input-items/${f.meetingsItemOut}/follow-ups`,
        payload: {
          title: unique("Aksi"),
          ownerOrganisationId: f.meetingsOrgIn,
          dueOn: "2025-07-01",
        },
      }),
    },
    "GET /api/follow-ups": {
      inScope: () => ({ url: "/api/follow-ups?pageSize=200" }),
      hiddenId: (f) => f.meetingsActionOut,
    },
    "GET /api/follow-ups/mine": { inScope: () => ({ url: "/api/follow-ups/mine?all=true" }) },
    "GET /api/follow-ups/digest": {
      inScope: () => ({ url: "/api/follow-ups/digest?week=2025-W27" }),
    },
    "GET /api/follow-ups/:id": {
      inScope: (f) => ({ url: `/api/follow-ups/${f.meetingsActionIn}` }),
      outOfScope: (f) => ({ url: `/api/follow-ups/${f.meetingsActionOut}` }),
    },
    "PATCH /api/follow-ups/:id": {
      inScope: (f) => ({
        url: `/api/follow-ups/${f.meetingsActionIn}`,
        payload: { status: "in_progress" },
      }),
      outOfScope: (f) => ({
        url: `/api/follow-ups/${f.meetingsActionOut}`,
        payload: { status: "in_progress" },
      }),
    },
  },
};
