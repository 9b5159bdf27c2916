/**
 * Activities under programmes: type from the catalogue, date, place (kelurahan, optional named
 * location and point inside it), organisations involved, participants by sex and age band,
 * results by type, notes and photos. Recorded by people whose scope holds the kelurahan (a
 * kelurahan officer records in their own kelurahan). The activity-type catalogue lives here.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { type Database, json } from "../../../db/schema";
import { allowedActions, scopePrefix } from "../../../domain/access/roles";
import { codeDepth, isWithin } from "../../../domain/areas/codes";
import {
  type Participants,
  type Pillar,
  participantTotals,
  type ResultKind,
} from "../../../domain/programmes/catalogue";
import type { AreaGeometry } from "../../../domain/spatial/geometry";
import { pointInGeometry } from "../../../domain/spatial/locate";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { dateText } from "../../time";
import { AreasService } from "../areas/areas.service";
import { recordAudit } from "../audit/audit.service";
import { assertAreaInScope } from "../scope";
import type { ActivityInput, ActivityPatch, ActivityView } from "./programmes.schema";
import { ProgrammesService } from "./programmes.service";

/** Photo types and size limit. */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const PHOTO_MAX_BYTES = 3 * 1024 * 1024;
export const PHOTOS_PER_ACTIVITY = 10;

function invalid(field: string, problem: string): AppError {
  return new AppError("VALIDATION_FAILED", 400, "The request is not valid.", [{ field, problem }]);
}

function notFound(): AppError {
  return new AppError("NOT_FOUND", 404, "No such activity in your scope.");
}

/** True when the bytes start like the declared image type. */
export function looksLike(type: string, bytes: Buffer): boolean {
  if (type === "image/jpeg") return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (type === "image/png")
    return bytes
      .subarray(0, 8)
      .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (type === "image/webp")
    return (
      bytes.subarray(0, 4).toString("latin1") === "RIFF" &&
      bytes.subarray(8, 12).toString("latin1") === "WEBP"
    );
  return false;
}

function scopedActivities(db: Kysely<Database>, scope: string) {
  return db
    .selectFrom("activities as a")
    .innerJoin("programmes as p", "p.id", "a.programme_id")
    .innerJoin("activity_types as t", "t.code", "a.type_code")
    .leftJoin("areas as ar", "ar.code", "a.area_code")
    .leftJoin("named_locations as l", "l.id", "a.named_location_id")
    .where((eb) =>
      eb.or([eb("a.area_code", "=", scope), eb("a.area_code", "like", scopePrefix(scope))]),
    )
    .select([
      "a.id",
      "a.programme_id",
      "p.name as programme_name",
      "p.pillar",
      "a.schedule_id",
      "a.type_code",
      "t.name as type_name",
      "t.result_kind",
      "a.held_on",
      "a.area_code",
      "ar.name as area_name",
      "a.named_location_id",
      "l.name as location_name",
      "a.lon",
      "a.lat",
      "a.participants",
      "a.participants_total",
      "a.urine_tested",
      "a.urine_positive",
      "a.reached",
      "a.referred",
      "a.notes",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof scopedActivities>["execute"]>>[number];

export class ActivitiesService {
  private readonly areas: AreasService;
  private readonly programmes: ProgrammesService;

  constructor(private readonly db: Kysely<Database>) {
    this.areas = new AreasService(db);
    this.programmes = new ProgrammesService(db);
  }

  private async views(ctx: AuthedContext, rows: Row[]): Promise<ActivityView[]> {
    const ids = rows.map((r) => r.id);
    const orgs = ids.length
      ? await this.db
          .selectFrom("activity_organisations as ao")
          .innerJoin("organisations as o", "o.id", "ao.organisation_id")
          .select(["ao.activity_id", "o.id", "o.name"])
          .where("ao.activity_id", "in", ids)
          .orderBy("o.name")
          .execute()
      : [];
    const photos = ids.length
      ? await this.db
          .selectFrom("activity_photos")
          .select(["id", "activity_id", "content_type", "size_bytes"])
          .where("activity_id", "in", ids)
          .orderBy("created_at")
          .execute()
      : [];
    const actions = allowedActions(ctx.user.role, "activity");
    return rows.map((r) => {
      const participants = (r.participants ?? {}) as Participants;
      const totals = participantTotals(participants);
      return {
        id: r.id,
        programmeId: r.programme_id,
        programmeName: r.programme_name,
        pillar: r.pillar as Pillar,
        scheduleId: r.schedule_id,
        typeCode: r.type_code,
        typeName: r.type_name,
        resultKind: r.result_kind as ResultKind,
        heldOn: dateText(r.held_on),
        areaCode: r.area_code,
        areaName: r.area_name,
        namedLocationId: r.named_location_id,
        namedLocationName: r.location_name,
        point: r.lon !== null && r.lat !== null ? { lon: r.lon, lat: r.lat } : null,
        organisations: orgs
          .filter((o) => o.activity_id === r.id)
          .map((o) => ({ id: o.id, name: o.name })),
        participants,
        participantsMale: totals.male,
        participantsFemale: totals.female,
        participantsTotal: r.participants_total,
        urineTested: r.urine_tested,
        urinePositive: r.urine_positive,
        reached: r.reached,
        referred: r.referred,
        notes: r.notes,
        photos: photos
          .filter((p) => p.activity_id === r.id)
          .map((p) => ({ id: p.id, contentType: p.content_type, sizeBytes: p.size_bytes })),
        actions,
      };
    });
  }

  async list(
    ctx: AuthedContext,
    filter: {
      programme?: string | undefined;
      area?: string | undefined;
      type?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
    },
    page: number,
    pageSize: number,
  ) {
    let query = scopedActivities(this.db, ctx.user.scope);
    if (filter.programme) query = query.where("a.programme_id", "=", filter.programme);
    if (filter.area) {
      const area = filter.area;
      query = query.where((eb) =>
        eb.or([eb("a.area_code", "=", area), eb("a.area_code", "like", scopePrefix(area))]),
      );
    }
    if (filter.type) query = query.where("a.type_code", "=", filter.type);
    if (filter.from) query = query.where("a.held_on", ">=", filter.from);
    if (filter.to) query = query.where("a.held_on", "<=", filter.to);
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy("a.held_on", "desc")
      .orderBy("a.created_at", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items: await this.views(ctx, rows), total: Number(total.n), page, pageSize };
  }

  async get(ctx: AuthedContext, id: string): Promise<ActivityView> {
    const row = await scopedActivities(this.db, ctx.user.scope)
      .where("a.id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound();
    const [view] = await this.views(ctx, [row]);
    return view!;
  }

  /** Validates the merged activity (what it will be after the change). */
  private async check(
    ctx: AuthedContext,
    programmeArea: string,
    programmeId: string,
    a: Omit<ActivityInput, "programmeId" | "notes">,
  ) {
    if (codeDepth(a.areaCode) !== 4)
      throw invalid("areaCode", "an activity takes place in a kelurahan");
    await assertAreaInScope(this.areas, ctx, a.areaCode);
    if (!isWithin(a.areaCode, programmeArea))
      throw invalid("areaCode", "not inside the programme's area");
    const type = await this.programmes.assertType(a.typeCode);
    const kind = type.result_kind as ResultKind;
    if (kind !== "urine_test" && (a.urineTested !== null || a.urinePositive !== null))
      throw invalid("urineTested", "only urine tests record tested and positive");
    if (kind !== "outreach" && (a.reached !== null || a.referred !== null))
      throw invalid("reached", "only outreach records people reached and referred");
    if ((a.urinePositive ?? 0) > (a.urineTested ?? 0))
      throw invalid("urinePositive", "more positive than tested");
    if ((a.referred ?? 0) > (a.reached ?? 0))
      throw invalid("referred", "more referred than reached");
    if (a.namedLocationId) await this.programmes.assertLocation(a.namedLocationId, a.areaCode);
    if (a.point) {
      const area = await this.db
        .selectFrom("areas")
        .select("geometry")
        .where("code", "=", a.areaCode)
        .executeTakeFirst();
      if (
        !area?.geometry ||
        !pointInGeometry(area.geometry as unknown as AreaGeometry, [a.point.lon, a.point.lat])
      )
        throw invalid("point", "the point is not inside the kelurahan");
    }
    if (a.scheduleId) {
      const s = await this.db
        .selectFrom("activity_schedules")
        .select("id")
        .where("id", "=", a.scheduleId)
        .where("programme_id", "=", programmeId)
        .executeTakeFirst();
      if (!s) throw invalid("scheduleId", "not a schedule of this programme");
    }
    if (a.organisationIds.length > 0) {
      const found = await this.db
        .selectFrom("organisations")
        .select("id")
        .where("id", "in", a.organisationIds)
        .execute();
      if (found.length !== new Set(a.organisationIds).size)
        throw new AppError("ORGANISATION_NOT_FOUND", 400, "An organisation does not exist.");
    }
  }

  private async writeOrganisations(trx: Transaction<Database>, id: string, ids: string[]) {
    await trx.deleteFrom("activity_organisations").where("activity_id", "=", id).execute();
    const unique = [...new Set(ids)];
    if (unique.length > 0)
      await trx
        .insertInto("activity_organisations")
        .values(unique.map((organisation_id) => ({ activity_id: id, organisation_id })))
        .execute();
  }

  async create(ctx: AuthedContext, input: ActivityInput): Promise<ActivityView> {
    // Place first: recording outside one's own area is refused before anything else.
    if (codeDepth(input.areaCode) === 4) await assertAreaInScope(this.areas, ctx, input.areaCode);
    const programme = await this.programmes.load(ctx, input.programmeId);
    if (programme.status === "cancelled")
      throw invalid("programmeId", "the programme is cancelled");
    await this.check(ctx, programme.area_code, programme.id, input);
    const totals = participantTotals(input.participants);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("activities")
        .values({
          programme_id: input.programmeId,
          schedule_id: input.scheduleId,
          type_code: input.typeCode,
          held_on: input.heldOn,
          area_code: input.areaCode,
          named_location_id: input.namedLocationId,
          lon: input.point?.lon ?? null,
          lat: input.point?.lat ?? null,
          participants: json(input.participants),
          participants_total: totals.total,
          urine_tested: input.urineTested,
          urine_positive: input.urinePositive,
          reached: input.reached,
          referred: input.referred,
          notes: input.notes,
          created_by: ctx.user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.writeOrganisations(
        trx,
        id,
        input.organisationIds.length > 0 ? input.organisationIds : [programme.lead_organisation_id],
      );
      await recordAudit(trx, ctx, {
        action: "activity.create",
        resource: "activity",
        recordId: id,
        changedFields: Object.keys(input),
      });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedContext, id: string, patch: ActivityPatch): Promise<ActivityView> {
    const current = await this.get(ctx, id);
    const programme = await this.db
      .selectFrom("programmes")
      .select(["id", "area_code"])
      .where("id", "=", current.programmeId)
      .executeTakeFirstOrThrow();
    const merged = {
      scheduleId: patch.scheduleId !== undefined ? patch.scheduleId : current.scheduleId,
      typeCode: patch.typeCode ?? current.typeCode,
      heldOn: patch.heldOn ?? current.heldOn,
      areaCode: patch.areaCode ?? current.areaCode,
      namedLocationId:
        patch.namedLocationId !== undefined ? patch.namedLocationId : current.namedLocationId,
      point: patch.point !== undefined ? patch.point : current.point,
      organisationIds: patch.organisationIds ?? current.organisations.map((o) => o.id),
      participants: patch.participants ?? current.participants,
      urineTested: patch.urineTested !== undefined ? patch.urineTested : current.urineTested,
      urinePositive:
        patch.urinePositive !== undefined ? patch.urinePositive : current.urinePositive,
      reached: patch.reached !== undefined ? patch.reached : current.reached,
      referred: patch.referred !== undefined ? patch.referred : current.referred,
    };
    await this.check(ctx, programme.area_code, programme.id, merged);
    const changed = Object.entries(patch)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    if (changed.length === 0) return current;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("activities")
        .set({
          schedule_id: merged.scheduleId,
          type_code: merged.typeCode,
          held_on: merged.heldOn,
          area_code: merged.areaCode,
          named_location_id: merged.namedLocationId,
          lon: merged.point?.lon ?? null,
          lat: merged.point?.lat ?? null,
          participants: json(merged.participants),
          participants_total: participantTotals(merged.participants).total,
          urine_tested: merged.urineTested,
          urine_positive: merged.urinePositive,
          reached: merged.reached,
          referred: merged.referred,
          ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
      if (patch.organisationIds) await this.writeOrganisations(trx, id, patch.organisationIds);
      await recordAudit(trx, ctx, {
        action: "activity.update",
        resource: "activity",
        recordId: id,
        changedFields: changed,
      });
    });
    return this.get(ctx, id);
  }

  async addPhoto(ctx: AuthedContext, id: string, contentType: string, bytes: Buffer) {
    await this.get(ctx, id);
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    if (!(PHOTO_TYPES as readonly string[]).includes(type))
      throw new AppError("UNSUPPORTED_FILE", 400, "Photos must be JPEG, PNG or WebP.");
    if (bytes.length === 0 || !looksLike(type, bytes))
      throw new AppError("UNSUPPORTED_FILE", 400, "The file is not a valid image of that type.");
    if (bytes.length > PHOTO_MAX_BYTES)
      throw new AppError("PAYLOAD_TOO_LARGE", 413, "A photo may be at most 3 MB.");
    return this.db.transaction().execute(async (trx) => {
      const n = await trx
        .selectFrom("activity_photos")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("activity_id", "=", id)
        .executeTakeFirstOrThrow();
      if (Number(n.n) >= PHOTOS_PER_ACTIVITY)
        throw invalid("photos", `at most ${PHOTOS_PER_ACTIVITY} photos per activity`);
      const { id: photoId } = await trx
        .insertInto("activity_photos")
        .values({
          activity_id: id,
          content_type: type,
          size_bytes: bytes.length,
          content: bytes,
          created_by: ctx.user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "activity.photo_add",
        resource: "activity",
        recordId: id,
        changedFields: ["photos"],
      });
      return { id: photoId, contentType: type, sizeBytes: bytes.length };
    });
  }

  async photo(ctx: AuthedContext, id: string, photoId: string) {
    await this.get(ctx, id);
    const photo = await this.db
      .selectFrom("activity_photos")
      .select(["content_type", "content"])
      .where("id", "=", photoId)
      .where("activity_id", "=", id)
      .executeTakeFirst();
    if (!photo) throw new AppError("NOT_FOUND", 404, "No such photo.");
    return { contentType: photo.content_type, content: Buffer.from(photo.content) };
  }

  async removePhoto(ctx: AuthedContext, id: string, photoId: string) {
    await this.get(ctx, id);
    await this.db.transaction().execute(async (trx) => {
      const gone = await trx
        .deleteFrom("activity_photos")
        .where("id", "=", photoId)
        .where("activity_id", "=", id)
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) throw new AppError("NOT_FOUND", 404, "No such photo.");
      await recordAudit(trx, ctx, {
        action: "activity.photo_remove",
        resource: "activity",
        recordId: id,
        changedFields: ["photos"],
      });
    });
  }

  // ---- the activity-type catalogue ----

  async types(includeInactive: boolean) {
    let q = this.db.selectFrom("activity_types").selectAll().orderBy("sort").orderBy("code");
    if (!includeInactive) q = q.where("active", "=", true);
    const rows = await q.execute();
    return {
      items: rows.map((t) => ({
        code: t.code,
        name: t.name,
        nameEn: t.name_en,
        resultKind: t.result_kind as ResultKind,
        active: t.active,
        sort: t.sort,
      })),
    };
  }

  async createType(
    ctx: AuthedContext,
    input: { code: string; name: string; nameEn: string; resultKind: ResultKind; sort: number },
  ) {
    await this.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom("activity_types")
        .select("code")
        .where("code", "=", input.code)
        .executeTakeFirst();
      if (exists) throw new AppError("CONFLICT", 409, "That activity type exists.");
      await trx
        .insertInto("activity_types")
        .values({
          code: input.code,
          name: input.name,
          name_en: input.nameEn,
          result_kind: input.resultKind,
          sort: input.sort,
        })
        .execute();
      await recordAudit(trx, ctx, {
        action: "activity_type.create",
        resource: "activity_type",
        recordId: input.code,
        changedFields: Object.keys(input),
      });
    });
    return (await this.types(true)).items.find((t) => t.code === input.code)!;
  }

  async updateType(
    ctx: AuthedContext,
    code: string,
    input: Partial<{
      name: string;
      nameEn: string;
      resultKind: ResultKind;
      active: boolean;
      sort: number;
    }>,
  ) {
    const changed = Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    await this.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom("activity_types")
        .select("code")
        .where("code", "=", code)
        .executeTakeFirst();
      if (!exists) throw new AppError("NOT_FOUND", 404, "No such activity type.");
      if (changed.length === 0) return;
      await trx
        .updateTable("activity_types")
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
          ...(input.resultKind !== undefined ? { result_kind: input.resultKind } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(input.sort !== undefined ? { sort: input.sort } : {}),
        })
        .where("code", "=", code)
        .execute();
      await recordAudit(trx, ctx, {
        action: "activity_type.update",
        resource: "activity_type",
        recordId: code,
        changedFields: changed,
      });
    });
    return (await this.types(true)).items.find((t) => t.code === code)!;
  }
}
