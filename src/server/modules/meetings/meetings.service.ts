/**
 * Meetings (coordination meetings and audiences), their attendees and attachments, and the
 * input items (masukan) raised there. Follow-up actions live in follow-ups.service.ts.
 * Every mutation is audited in its own transaction; out of scope answers 404.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { allowedActions, inScope } from "../../../domain/access/roles";
import { codeDepth } from "../../../domain/areas/codes";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { AreasService } from "../areas/areas.service";
import { recordAudit } from "../audit/audit.service";
import { MAX_EXPORT_ROWS } from "../exports";
import { assertAreaInScope } from "../scope";
import { detectAttachmentType, MAX_ATTACHMENT_BYTES } from "./attachments";
import {
  followUpsVisible,
  type InputItemRow,
  inputItemsInScope,
  likePattern,
  type MeetingRow,
  meetingSummaries,
  placesOf,
  toFollowUp,
  within,
} from "./meetings.repository";
import type {
  InputItem,
  InputItemInput,
  InputItemPatch,
  MeetingDetail,
  MeetingInput,
  MeetingPatch,
  MeetingSummary,
} from "./meetings.schema";
import { jakartaToday } from "./weeks";

type Db = Kysely<Database>;

const notFound = () => new AppError("NOT_FOUND", 404, "No such meeting.");
const itemNotFound = () => new AppError("NOT_FOUND", 404, "No such input item.");

function invalid(field: string, problem: string, message = "The request is not valid.") {
  return new AppError("VALIDATION_FAILED", 400, message, [{ field, problem }]);
}

export interface MeetingFilter {
  q?: string | undefined;
  kind?: MeetingSummary["kind"] | undefined;
  organisation?: string | undefined;
  area?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface InputItemFilter {
  q?: string | undefined;
  status?: InputItem["status"] | undefined;
  priority?: InputItem["priority"] | undefined;
  organisation?: string | undefined;
  area?: string | undefined;
  meeting?: string | undefined;
}

function toSummary(row: MeetingRow): MeetingSummary {
  return {
    id: row.id,
    heldOn: row.held_on,
    startTime: row.start_time,
    place: row.place,
    title: row.title,
    kind: row.kind,
    organiser: { id: row.organiser_organisation_id, name: row.organiser_name },
    areaCode: row.area_code,
    areaName: row.area_name,
    inputItemCount: Number(row.input_item_count ?? 0),
    actionCount: Number(row.action_count ?? 0),
    openActionCount: Number(row.open_action_count ?? 0),
    overdueActionCount: Number(row.overdue_action_count ?? 0),
  };
}

export class MeetingsService {
  private readonly areas: AreasService;

  constructor(
    private readonly db: Db,
    private readonly today: () => string = () => jakartaToday(),
  ) {
    this.areas = new AreasService(db);
  }

  // ---- meetings -------------------------------------------------------------------------
  /** Active organisations by name, for choosing organisers, attendees and owners. */
  organisations() {
    return this.db
      .selectFrom("organisations")
      .where("active", "=", true)
      .select(["id", "name"])
      .orderBy("name")
      .execute();
  }

  async list(ctx: AuthedContext, filter: MeetingFilter, page: number, pageSize: number) {
    let query = meetingSummaries(this.db, ctx.user.scope, this.today());
    if (filter.kind) query = query.where("m.kind", "=", filter.kind);
    if (filter.from) query = query.where("m.held_on", ">=", filter.from);
    if (filter.to) query = query.where("m.held_on", "<=", filter.to);
    if (filter.organisation) {
      const org = filter.organisation;
      query = query.where((eb) =>
        eb.or([
          eb("m.organiser_organisation_id", "=", org),
          eb.exists(
            eb
              .selectFrom("meeting_attendees as ma")
              .whereRef("ma.meeting_id", "=", "m.id")
              .where("ma.organisation_id", "=", org)
              .select(sql`1`.as("one")),
          ),
        ]),
      );
    }
    if (filter.area) {
      const area = filter.area;
      query = query.where((eb) =>
        eb.or([
          within("m.area_code", area),
          eb.exists(
            eb
              .selectFrom("input_item_areas as ia")
              .innerJoin("input_items as i", "i.id", "ia.input_item_id")
              .whereRef("i.meeting_id", "=", "m.id")
              .where(within("ia.area_code", area))
              .select(sql`1`.as("one")),
          ),
        ]),
      );
    }
    if (filter.q) {
      const pattern = likePattern(filter.q);
      query = query.where((eb) =>
        eb.or([
          eb("m.title", "ilike", pattern),
          eb("m.place", "ilike", pattern),
          eb("m.minutes", "ilike", pattern),
        ]),
      );
    }
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy("m.held_on", "desc")
      .orderBy("m.created_at", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items: rows.map(toSummary), total: Number(total.n), page, pageSize };
  }

  /** Every matching meeting for an export (no pagination, capped). */
  async listAll(ctx: AuthedContext, filter: MeetingFilter) {
    return (await this.list(ctx, filter, 1, MAX_EXPORT_ROWS)).items;
  }

  private async summary(ctx: AuthedContext, id: string): Promise<MeetingRow> {
    const row = await meetingSummaries(this.db, ctx.user.scope, this.today())
      .where("m.id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  async get(ctx: AuthedContext, id: string): Promise<MeetingDetail> {
    const row = await this.summary(ctx, id);
    const [attendees, attachments, items, actions] = await Promise.all([
      this.db
        .selectFrom("meeting_attendees as ma")
        .innerJoin("organisations as o", "o.id", "ma.organisation_id")
        .where("ma.meeting_id", "=", id)
        .select(["o.id", "o.name"])
        .orderBy("o.name")
        .execute(),
      this.db
        .selectFrom("meeting_attachments")
        .where("meeting_id", "=", id)
        .select(["id", "file_name", "content_type", "size_bytes", "created_at"])
        .orderBy("created_at")
        .execute(),
      inputItemsInScope(this.db, ctx.user.scope)
        .where("i.meeting_id", "=", id)
        .orderBy("i.created_at")
        .orderBy("i.id")
        .execute(),
      followUpsVisible(this.db, ctx.user, this.today())
        .where("i.meeting_id", "=", id)
        .orderBy("f.due_on")
        .orderBy("f.created_at")
        .execute(),
    ]);
    const mapped = await this.inputItemsFromRows(
      ctx,
      items.map((i) => i),
    );
    const followUps = actions.map((a) => toFollowUp(ctx, a));
    return {
      ...toSummary(row),
      minutes: row.minutes,
      attendees,
      attachments: attachments.map((a) => ({
        id: a.id,
        fileName: a.file_name,
        contentType: a.content_type,
        sizeBytes: a.size_bytes,
        createdAt: new Date(a.created_at).toISOString(),
      })),
      inputItems: mapped.map((item) => ({
        ...item,
        followUps: followUps.filter((f) => f.inputItemId === item.id),
      })),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      actions: allowedActions(ctx.user.role, "meeting"),
      followUpActions: allowedActions(ctx.user.role, "follow_up"),
    };
  }

  private async assertOrganisations(ids: string[], field: string) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await this.db
      .selectFrom("organisations")
      .where("id", "in", unique)
      .select("id")
      .execute();
    if (found.length !== unique.length)
      throw new AppError("ORGANISATION_NOT_FOUND", 400, "No such organisation.", [
        { field, problem: "unknown organisation" },
      ]);
  }

  async create(ctx: AuthedContext, input: MeetingInput): Promise<MeetingDetail> {
    await assertAreaInScope(this.areas, ctx, input.areaCode);
    await this.assertOrganisations([input.organiserOrganisationId], "organiserOrganisationId");
    await this.assertOrganisations(input.attendeeOrganisationIds, "attendeeOrganisationIds");
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("meetings")
        .values({
          held_on: input.heldOn,
          start_time: input.startTime ?? null,
          place: input.place,
          title: input.title,
          kind: input.kind,
          organiser_organisation_id: input.organiserOrganisationId,
          area_code: input.areaCode,
          minutes: input.minutes,
          created_by: ctx.user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const attendees = [...new Set(input.attendeeOrganisationIds)];
      if (attendees.length > 0)
        await trx
          .insertInto("meeting_attendees")
          .values(attendees.map((organisation_id) => ({ meeting_id: id, organisation_id })))
          .execute();
      await recordAudit(trx, ctx, {
        action: "meeting.create",
        resource: "meeting",
        recordId: id,
        changedFields: Object.keys(input).filter(
          (k) => input[k as keyof MeetingInput] !== undefined,
        ),
      });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedContext, id: string, input: MeetingPatch): Promise<MeetingDetail> {
    const current = await this.summary(ctx, id);
    if (input.areaCode !== undefined && input.areaCode !== current.area_code) {
      await assertAreaInScope(this.areas, ctx, input.areaCode);
      const outside = await this.db
        .selectFrom("input_item_areas as ia")
        .innerJoin("input_items as i", "i.id", "ia.input_item_id")
        .where("i.meeting_id", "=", id)
        .where(sql<boolean>`not ${within("ia.area_code", input.areaCode)}`)
        .select("ia.area_code")
        .executeTakeFirst();
      if (outside) throw invalid("areaCode", "input items concern areas outside it");
    }
    if (input.organiserOrganisationId)
      await this.assertOrganisations([input.organiserOrganisationId], "organiserOrganisationId");
    if (input.attendeeOrganisationIds)
      await this.assertOrganisations(input.attendeeOrganisationIds, "attendeeOrganisationIds");
    const currentAttendees = (
      await this.db
        .selectFrom("meeting_attendees")
        .where("meeting_id", "=", id)
        .select("organisation_id")
        .execute()
    )
      .map((a) => a.organisation_id)
      .sort();
    const changed: string[] = [];
    const compare: Record<string, [unknown, unknown]> = {
      heldOn: [current.held_on, input.heldOn],
      startTime: [current.start_time, input.startTime],
      place: [current.place, input.place],
      title: [current.title, input.title],
      kind: [current.kind, input.kind],
      organiserOrganisationId: [current.organiser_organisation_id, input.organiserOrganisationId],
      areaCode: [current.area_code, input.areaCode],
      minutes: [current.minutes, input.minutes],
      attendeeOrganisationIds: [
        currentAttendees.join(","),
        input.attendeeOrganisationIds
          ? [...new Set(input.attendeeOrganisationIds)].sort().join(",")
          : undefined,
      ],
    };
    for (const [field, [before, after]] of Object.entries(compare))
      if (after !== undefined && after !== before) changed.push(field);
    if (changed.length === 0) return this.get(ctx, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("meetings")
        .set({
          ...(input.heldOn !== undefined ? { held_on: input.heldOn } : {}),
          ...(input.startTime !== undefined ? { start_time: input.startTime } : {}),
          ...(input.place !== undefined ? { place: input.place } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.organiserOrganisationId !== undefined
            ? { organiser_organisation_id: input.organiserOrganisationId }
            : {}),
          ...(input.areaCode !== undefined ? { area_code: input.areaCode } : {}),
          ...(input.minutes !== undefined ? { minutes: input.minutes } : {}),
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
      if (input.attendeeOrganisationIds && changed.includes("attendeeOrganisationIds")) {
        await trx.deleteFrom("meeting_attendees").where("meeting_id", "=", id).execute();
        const attendees = [...new Set(input.attendeeOrganisationIds)];
        if (attendees.length > 0)
          await trx
            .insertInto("meeting_attendees")
            .values(attendees.map((organisation_id) => ({ meeting_id: id, organisation_id })))
            .execute();
      }
      await recordAudit(trx, ctx, {
        action: "meeting.update",
        resource: "meeting",
        recordId: id,
        changedFields: changed,
      });
    });
    return this.get(ctx, id);
  }

  // ---- attachments ----------------------------------------------------------------------

  async addAttachment(ctx: AuthedContext, meetingId: string, fileName: string, body: unknown) {
    await this.summary(ctx, meetingId);
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw invalid("body", "empty file", "The file is empty.");
    if (body.length > MAX_ATTACHMENT_BYTES)
      throw new AppError("PAYLOAD_TOO_LARGE", 413, "The file is larger than 10 MB.");
    const contentType = detectAttachmentType(fileName, body);
    if (!contentType)
      throw new AppError(
        "UNSUPPORTED_FILE",
        415,
        "Attachments must be PDF, DOCX, XLSX, JPG or PNG files whose content matches their name.",
      );
    const row = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("meeting_attachments")
        .values({
          meeting_id: meetingId,
          file_name: fileName,
          content_type: contentType,
          size_bytes: body.length,
          content: body,
          created_by: ctx.user.id,
        })
        .returning(["id", "file_name", "content_type", "size_bytes", "created_at"])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "meeting.attachment.create",
        resource: "meeting",
        recordId: meetingId,
        changedFields: ["attachments"],
      });
      return row;
    });
    return {
      id: row.id,
      fileName: row.file_name,
      contentType: row.content_type,
      sizeBytes: row.size_bytes,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  async attachment(ctx: AuthedContext, meetingId: string, attachmentId: string) {
    await this.summary(ctx, meetingId);
    const row = await this.db
      .selectFrom("meeting_attachments")
      .where("meeting_id", "=", meetingId)
      .where("id", "=", attachmentId)
      .select(["file_name", "content_type", "content"])
      .executeTakeFirst();
    if (!row) throw new AppError("NOT_FOUND", 404, "No such attachment.");
    return row;
  }

  /** Idempotent: an attachment already gone answers the same (nothing is audited then). */
  async deleteAttachment(ctx: AuthedContext, meetingId: string, attachmentId: string) {
    await this.summary(ctx, meetingId);
    await this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom("meeting_attachments")
        .where("meeting_id", "=", meetingId)
        .where("id", "=", attachmentId)
        .returning("id")
        .executeTakeFirst();
      if (deleted)
        await recordAudit(trx, ctx, {
          action: "meeting.attachment.delete",
          resource: "meeting",
          recordId: meetingId,
          changedFields: ["attachments"],
        });
    });
  }

  // ---- input items ----------------------------------------------------------------------

  async inputItemsFromRows(ctx: AuthedContext, rows: InputItemRow[]): Promise<InputItem[]> {
    const places = await placesOf(
      this.db,
      rows.map((r) => r.id),
    );
    const actions = allowedActions(ctx.user.role, "meeting");
    return rows.map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      meetingDate: r.meeting_date,
      raisedByOrganisation:
        r.raised_by_organisation_id && r.raised_by_organisation_name
          ? { id: r.raised_by_organisation_id, name: r.raised_by_organisation_name }
          : null,
      raisedBy: r.raised_by,
      topic: r.topic,
      description: r.description,
      priority: r.priority,
      status: r.status,
      declineReason: r.decline_reason,
      areas: places.areas
        .filter((a) => a.input_item_id === r.id)
        .map((a) => ({ code: a.code, name: a.name })),
      locations: places.locations
        .filter((l) => l.input_item_id === r.id)
        .map((l) => ({ id: l.id, name: l.name, kelurahanCode: l.kelurahan_code })),
      actionCount: Number(r.action_count ?? 0),
      actions,
    }));
  }

  async listInputItems(
    ctx: AuthedContext,
    filter: InputItemFilter,
    page: number,
    pageSize: number,
  ) {
    let query = inputItemsInScope(this.db, ctx.user.scope);
    if (filter.status) query = query.where("i.status", "=", filter.status);
    if (filter.priority) query = query.where("i.priority", "=", filter.priority);
    if (filter.organisation)
      query = query.where("i.raised_by_organisation_id", "=", filter.organisation);
    if (filter.meeting) query = query.where("i.meeting_id", "=", filter.meeting);
    if (filter.area) {
      const area = filter.area;
      query = query.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom("input_item_areas as ia")
              .whereRef("ia.input_item_id", "=", "i.id")
              .where(within("ia.area_code", area))
              .select(sql`1`.as("one")),
          ),
          eb.exists(
            eb
              .selectFrom("input_item_locations as il")
              .innerJoin("named_locations as l", "l.id", "il.named_location_id")
              .whereRef("il.input_item_id", "=", "i.id")
              .where(within("l.kelurahan_code", area))
              .select(sql`1`.as("one")),
          ),
        ]),
      );
    }
    if (filter.q) {
      const pattern = likePattern(filter.q);
      query = query.where((eb) =>
        eb.or([eb("i.topic", "ilike", pattern), eb("i.description", "ilike", pattern)]),
      );
    }
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy("m.held_on", "desc")
      .orderBy("i.created_at")
      .orderBy("i.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: await this.inputItemsFromRows(ctx, rows),
      total: Number(total.n),
      page,
      pageSize,
    };
  }

  async getInputItem(ctx: AuthedContext, id: string): Promise<InputItem> {
    const row = await inputItemsInScope(this.db, ctx.user.scope)
      .where("i.id", "=", id)
      .executeTakeFirst();
    if (!row) throw itemNotFound();
    return (await this.inputItemsFromRows(ctx, [row]))[0]!;
  }

  /** Areas must exist, be kelurahan or larger, and lie in the meeting's area; locations too. */
  private async assertPlaces(meetingArea: string, areaCodes: string[], locationIds: string[]) {
    for (const code of areaCodes) {
      if (codeDepth(code) > 4) throw invalid("areaCodes", "kelurahan or larger");
      if (!(await this.areas.exists(code)))
        throw new AppError("AREA_NOT_FOUND", 400, `No area with code ${code}.`);
      if (!inScope(meetingArea, code)) throw invalid("areaCodes", "outside the meeting's area");
    }
    const unique = [...new Set(locationIds)];
    if (unique.length > 0) {
      const found = await this.db
        .selectFrom("named_locations")
        .where("id", "in", unique)
        .select(["id", "kelurahan_code"])
        .execute();
      if (found.length !== unique.length)
        throw new AppError("LOCATION_NOT_FOUND", 400, "No such named location.", [
          { field: "locationIds", problem: "unknown location" },
        ]);
      if (found.some((l) => !inScope(meetingArea, l.kelurahan_code)))
        throw invalid("locationIds", "outside the meeting's area");
    }
  }

  async createInputItem(
    ctx: AuthedContext,
    meetingId: string,
    input: InputItemInput,
  ): Promise<InputItem> {
    const meeting = await this.summary(ctx, meetingId);
    if (!input.raisedByOrganisationId && !input.raisedBy)
      throw invalid("raisedBy", "say who raised it: an organisation or a role");
    if (input.raisedByOrganisationId)
      await this.assertOrganisations([input.raisedByOrganisationId], "raisedByOrganisationId");
    await this.assertPlaces(meeting.area_code, input.areaCodes, input.locationIds);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("input_items")
        .values({
          meeting_id: meetingId,
          raised_by_organisation_id: input.raisedByOrganisationId ?? null,
          raised_by: input.raisedBy,
          topic: input.topic,
          description: input.description,
          priority: input.priority,
          created_by: ctx.user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.writePlaces(trx, id, input.areaCodes, input.locationIds);
      await recordAudit(trx, ctx, {
        action: "input_item.create",
        resource: "meeting",
        recordId: id,
        changedFields: Object.keys(input).filter(
          (k) => input[k as keyof InputItemInput] !== undefined,
        ),
      });
      return id;
    });
    return this.getInputItem(ctx, id);
  }

  private async writePlaces(trx: Db, id: string, areaCodes: string[], locationIds: string[]) {
    const areas = [...new Set(areaCodes)];
    if (areas.length > 0)
      await trx
        .insertInto("input_item_areas")
        .values(areas.map((area_code) => ({ input_item_id: id, area_code })))
        .execute();
    const locations = [...new Set(locationIds)];
    if (locations.length > 0)
      await trx
        .insertInto("input_item_locations")
        .values(locations.map((named_location_id) => ({ input_item_id: id, named_location_id })))
        .execute();
  }

  async updateInputItem(ctx: AuthedContext, id: string, input: InputItemPatch): Promise<InputItem> {
    const current = await this.getInputItem(ctx, id);
    const meeting = await this.summary(ctx, current.meetingId);
    const status = input.status ?? current.status;
    const declineReason =
      status === "declined"
        ? (input.declineReason !== undefined
            ? input.declineReason
            : current.declineReason
          )?.trim() || ""
        : null;
    if (status === "declined" && !declineReason)
      throw invalid("declineReason", "required when declined", "Say why the input was declined.");
    const raisedByOrg =
      input.raisedByOrganisationId !== undefined
        ? input.raisedByOrganisationId
        : (current.raisedByOrganisation?.id ?? null);
    const raisedBy = input.raisedBy ?? current.raisedBy;
    if (!raisedByOrg && !raisedBy) throw invalid("raisedBy", "say who raised it");
    if (input.raisedByOrganisationId)
      await this.assertOrganisations([input.raisedByOrganisationId], "raisedByOrganisationId");
    if (input.areaCodes || input.locationIds)
      await this.assertPlaces(meeting.area_code, input.areaCodes ?? [], input.locationIds ?? []);

    const changed: string[] = [];
    const compare: Record<string, [unknown, unknown]> = {
      raisedByOrganisationId: [
        current.raisedByOrganisation?.id ?? null,
        input.raisedByOrganisationId,
      ],
      raisedBy: [current.raisedBy, input.raisedBy],
      topic: [current.topic, input.topic],
      description: [current.description, input.description],
      priority: [current.priority, input.priority],
      status: [current.status, input.status],
      declineReason: [current.declineReason, declineReason],
      areaCodes: [
        current.areas
          .map((a) => a.code)
          .sort()
          .join(","),
        input.areaCodes ? [...new Set(input.areaCodes)].sort().join(",") : undefined,
      ],
      locationIds: [
        current.locations
          .map((l) => l.id)
          .sort()
          .join(","),
        input.locationIds ? [...new Set(input.locationIds)].sort().join(",") : undefined,
      ],
    };
    for (const [field, [before, after]] of Object.entries(compare))
      if (after !== undefined && after !== before) changed.push(field);
    if (changed.length === 0) return current;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("input_items")
        .set({
          raised_by_organisation_id: raisedByOrg,
          raised_by: raisedBy,
          ...(input.topic !== undefined ? { topic: input.topic } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.priority !== undefined ? { priority: input.priority } : {}),
          status,
          decline_reason: declineReason,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
      if (changed.includes("areaCodes")) {
        await trx.deleteFrom("input_item_areas").where("input_item_id", "=", id).execute();
        await this.writePlaces(trx, id, input.areaCodes ?? [], []);
      }
      if (changed.includes("locationIds")) {
        await trx.deleteFrom("input_item_locations").where("input_item_id", "=", id).execute();
        await this.writePlaces(trx, id, [], input.locationIds ?? []);
      }
      await recordAudit(trx, ctx, {
        action: "input_item.update",
        resource: "meeting",
        recordId: id,
        changedFields: changed,
      });
    });
    return this.getInputItem(ctx, id);
  }
}
