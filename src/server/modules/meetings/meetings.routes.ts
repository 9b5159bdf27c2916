/** HTTP routes for meetings, their attachments and input items, and follow-up actions. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authedContextOf } from "../../context";
import { datedFilename, type ExportColumn, sendFile, sendTable } from "../exports";
import { errorResponses, uuidParam } from "../shared.schema";
import { MAX_ATTACHMENT_BYTES } from "./attachments";
import { FollowUpsService } from "./follow-ups.service";
import {
  attachmentInfo,
  attachmentParams,
  attachmentQuery,
  digestQuery,
  type FollowUpAction,
  followUpAction,
  followUpInput,
  followUpPage,
  followUpPatch,
  type InputItem,
  inputItem,
  inputItemInput,
  inputItemPage,
  inputItemPatch,
  listFollowUpsQuery,
  listInputItemsQuery,
  listMeetingsQuery,
  type MeetingSummary,
  meetingDetail,
  meetingInput,
  meetingPage,
  meetingPatch,
  myFollowUpsQuery,
  organisationRef,
  weeklyDigest,
} from "./meetings.schema";
import { MeetingsService } from "./meetings.service";

const meetingRead = { access: { resource: "meeting" as const, action: "read" as const } };
const meetingCreate = { access: { resource: "meeting" as const, action: "create" as const } };
const meetingUpdate = { access: { resource: "meeting" as const, action: "update" as const } };
const followRead = { access: { resource: "follow_up" as const, action: "read" as const } };

const MEETING_COLUMNS: ExportColumn<MeetingSummary>[] = [
  { key: "heldOn", header: "tanggal", type: "date" },
  { key: "startTime", header: "jam" },
  { key: "title", header: "judul" },
  { key: "kind", header: "jenis" },
  { key: "place", header: "tempat" },
  { key: "organiser", header: "penyelenggara", value: (r) => r.organiser.name },
  { key: "areaCode", header: "kode_wilayah" },
  { key: "areaName", header: "wilayah" },
  { key: "inputItemCount", header: "masukan", type: "number" },
  { key: "actionCount", header: "tindak_lanjut", type: "number" },
  { key: "openActionCount", header: "tindak_lanjut_terbuka", type: "number" },
  { key: "overdueActionCount", header: "tindak_lanjut_terlambat", type: "number" },
];

const INPUT_COLUMNS: ExportColumn<InputItem>[] = [
  { key: "meetingDate", header: "tanggal_rapat", type: "date" },
  { key: "meetingTitle", header: "rapat" },
  { key: "topic", header: "topik" },
  { key: "description", header: "uraian" },
  {
    key: "raisedByOrganisation",
    header: "diajukan_oleh_instansi",
    value: (r) => r.raisedByOrganisation?.name ?? "",
  },
  { key: "raisedBy", header: "diajukan_oleh" },
  { key: "priority", header: "prioritas" },
  { key: "status", header: "status" },
  { key: "declineReason", header: "alasan_ditolak" },
  { key: "areas", header: "wilayah", value: (r) => r.areas.map((a) => `${a.code} ${a.name}`) },
  { key: "locations", header: "lokasi", value: (r) => r.locations.map((l) => l.name) },
  { key: "actionCount", header: "tindak_lanjut", type: "number" },
];

const FOLLOW_UP_COLUMNS: ExportColumn<FollowUpAction>[] = [
  { key: "title", header: "tindak_lanjut" },
  { key: "owner", header: "penanggung_jawab", value: (r) => r.owner.name },
  { key: "assignee", header: "petugas", value: (r) => r.assignee?.name ?? "" },
  { key: "dueOn", header: "tenggat", type: "date" },
  { key: "status", header: "status" },
  { key: "overdue", header: "terlambat", type: "boolean" },
  { key: "daysOverdue", header: "hari_terlambat", type: "number" },
  { key: "completedAt", header: "selesai_pada", type: "datetime" },
  { key: "dropReason", header: "alasan_dibatalkan" },
  { key: "inputItemTopic", header: "masukan" },
  { key: "meetingTitle", header: "rapat" },
  { key: "meetingDate", header: "tanggal_rapat", type: "date" },
];

const tags = ["meetings"];

export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const meetings = new MeetingsService(app.db);
  const followUps = new FollowUpsService(app.db);
  // Attachments arrive as the raw body; the type is judged from the name and the content.
  app.addContentTypeParser(
    "*",
    { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  // ---- meetings -------------------------------------------------------------------------
  app.get(
    "/api/meetings",
    {
      config: meetingRead,
      schema: {
        tags,
        querystring: listMeetingsQuery,
        response: { 200: meetingPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { page, pageSize, format, ...filter } = request.query;
      const ctx = authedContextOf(request);
      if (format)
        return sendTable(reply, {
          filename: datedFilename("rapat"),
          columns: MEETING_COLUMNS,
          rows: await meetings.listAll(ctx, filter),
          format,
          sheetName: "Rapat",
        });
      return meetings.list(ctx, filter, page, pageSize);
    },
  );
  // Organisations that may organise, attend or own actions: every active one (names only),
  // since a city meeting brings in provincial and national bodies outside the person's scope.
  app.get(
    "/api/meetings/organisations",
    {
      config: meetingRead,
      schema: { tags, response: { 200: z.array(organisationRef), ...errorResponses } },
    },
    () => meetings.organisations(),
  );
  app.get(
    "/api/meetings/:id",
    {
      config: meetingRead,
      schema: { tags, params: uuidParam, response: { 200: meetingDetail, ...errorResponses } },
    },
    (request) => meetings.get(authedContextOf(request), request.params.id),
  );
  app.post(
    "/api/meetings",
    {
      config: meetingCreate,
      schema: { tags, body: meetingInput, response: { 201: meetingDetail, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return meetings.create(authedContextOf(request), request.body);
    },
  );
  app.patch(
    "/api/meetings/:id",
    {
      config: meetingUpdate,
      schema: {
        tags,
        params: uuidParam,
        body: meetingPatch,
        response: { 200: meetingDetail, ...errorResponses },
      },
    },
    (request) => meetings.update(authedContextOf(request), request.params.id, request.body),
  );

  // ---- attachments ----------------------------------------------------------------------
  app.post(
    "/api/meetings/:id/attachments",
    {
      config: meetingUpdate,
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags,
        params: uuidParam,
        querystring: attachmentQuery,
        response: {
          201: attachmentInfo,
          ...errorResponses,
          413: errorResponses[400],
          415: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const result = await meetings.addAttachment(
        authedContextOf(request),
        request.params.id,
        request.query.name,
        request.body,
      );
      reply.status(201);
      return result;
    },
  );
  app.get(
    "/api/meetings/:id/attachments/:attachmentId",
    { config: meetingRead, schema: { tags, params: attachmentParams } },
    async (request, reply) => {
      const file = await meetings.attachment(
        authedContextOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      const dot = file.file_name.lastIndexOf(".");
      return sendFile(reply, file.content, {
        filename: dot > 0 ? file.file_name.slice(0, dot) : file.file_name,
        extension: dot > 0 ? file.file_name.slice(dot + 1).toLowerCase() : "bin",
        contentType: file.content_type,
      });
    },
  );
  app.delete(
    "/api/meetings/:id/attachments/:attachmentId",
    {
      config: meetingUpdate,
      schema: { tags, params: attachmentParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await meetings.deleteAttachment(
        authedContextOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply.status(204).send(null);
    },
  );

  // ---- input items ----------------------------------------------------------------------
  app.get(
    "/api/input-items",
    {
      config: meetingRead,
      schema: {
        tags,
        querystring: listInputItemsQuery,
        response: { 200: inputItemPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { page, pageSize, format, ...filter } = request.query;
      const ctx = authedContextOf(request);
      if (format) {
        const all = await meetings.listInputItems(ctx, filter, 1, 100_000);
        return sendTable(reply, {
          filename: datedFilename("masukan"),
          columns: INPUT_COLUMNS,
          rows: all.items,
          format,
          sheetName: "Masukan",
        });
      }
      return meetings.listInputItems(ctx, filter, page, pageSize);
    },
  );
  app.get(
    "/api/input-items/:id",
    {
      config: meetingRead,
      schema: { tags, params: uuidParam, response: { 200: inputItem, ...errorResponses } },
    },
    (request) => meetings.getInputItem(authedContextOf(request), request.params.id),
  );
  app.post(
    "/api/meetings/:id/input-items",
    {
      config: meetingCreate,
      schema: {
        tags,
        params: uuidParam,
        body: inputItemInput,
        response: { 201: inputItem, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return meetings.createInputItem(authedContextOf(request), request.params.id, request.body);
    },
  );
  app.patch(
    "/api/input-items/:id",
    {
      config: meetingUpdate,
      schema: {
        tags,
        params: uuidParam,
        body: inputItemPatch,
        response: { 200: inputItem, ...errorResponses },
      },
    },
    (request) =>
      meetings.updateInputItem(authedContextOf(request), request.params.id, request.body),
  );

  // ---- follow-up actions ----------------------------------------------------------------
  app.post(
    "/api/input-items/:id/follow-ups",
    {
      config: { access: { resource: "follow_up", action: "create" } },
      schema: {
        tags,
        params: uuidParam,
        body: followUpInput,
        response: { 201: followUpAction, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return followUps.create(authedContextOf(request), request.params.id, request.body);
    },
  );
  app.get(
    "/api/follow-ups",
    {
      config: followRead,
      schema: {
        tags,
        querystring: listFollowUpsQuery,
        response: { 200: followUpPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { page, pageSize, format, ...filter } = request.query;
      const ctx = authedContextOf(request);
      if (format)
        return sendTable(reply, {
          filename: datedFilename("tindak-lanjut"),
          columns: FOLLOW_UP_COLUMNS,
          rows: await followUps.listAll(ctx, filter),
          format,
          sheetName: "Tindak lanjut",
        });
      return followUps.list(ctx, filter, page, pageSize);
    },
  );
  app.get(
    "/api/follow-ups/mine",
    {
      config: followRead,
      schema: {
        tags,
        querystring: myFollowUpsQuery,
        response: { 200: followUpPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { page, pageSize, format, ...filter } = request.query;
      const ctx = authedContextOf(request);
      if (format) {
        const all = await followUps.mine(ctx, filter, 1, 100_000);
        return sendTable(reply, {
          filename: datedFilename("tindak-lanjut-saya"),
          columns: FOLLOW_UP_COLUMNS,
          rows: all.items,
          format,
          sheetName: "Tindak lanjut saya",
        });
      }
      return followUps.mine(ctx, filter, page, pageSize);
    },
  );
  app.get(
    "/api/follow-ups/digest",
    {
      config: followRead,
      schema: {
        tags,
        querystring: digestQuery,
        response: { 200: weeklyDigest, ...errorResponses },
      },
    },
    (request) =>
      followUps.digest(authedContextOf(request), request.query.week, request.query.organisation),
  );
  app.get(
    "/api/follow-ups/:id",
    {
      config: followRead,
      schema: { tags, params: uuidParam, response: { 200: followUpAction, ...errorResponses } },
    },
    (request) => followUps.get(authedContextOf(request), request.params.id),
  );
  app.patch(
    "/api/follow-ups/:id",
    {
      config: { access: { resource: "follow_up", action: "update" } },
      schema: {
        tags,
        params: uuidParam,
        body: followUpPatch,
        response: { 200: followUpAction, ...errorResponses },
      },
    },
    (request) => followUps.update(authedContextOf(request), request.params.id, request.body),
  );
};
