/**
 * Queries for meetings, input items and follow-up actions, with the scope rule in SQL:
 * a meeting (and what hangs off it) is visible to people whose scope contains its area;
 * a follow-up action also to people of its owning organisation and to its assignee.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { allowedActions, scopePrefix } from "../../../domain/access/roles";
import type { AuthedContext, SessionUser } from "../../context";
import type { FollowUpAction, FollowUpFilter } from "./meetings.schema";

type Db = Kysely<Database>;

/** `column` lies in `area` (equal or below). */
export function within(column: string, area: string) {
  return sql<boolean>`(${sql.ref(column)} = ${area} or ${sql.ref(column)} like ${scopePrefix(area)})`;
}

/** Escape a search term for ILIKE. */
export function likePattern(q: string): string {
  return `%${q.replace(/[%_\\]/g, "\\$&")}%`;
}

export function meetingsInScope(db: Db, scope: string) {
  return db
    .selectFrom("meetings as m")
    .innerJoin("organisations as org", "org.id", "m.organiser_organisation_id")
    .leftJoin("areas as ar", "ar.code", "m.area_code")
    .where(within("m.area_code", scope));
}

export function meetingSummaries(db: Db, scope: string, today: string) {
  return meetingsInScope(db, scope).select((eb) => [
    "m.id",
    sql<string>`to_char(m.held_on, 'YYYY-MM-DD')`.as("held_on"),
    "m.start_time",
    "m.place",
    "m.title",
    "m.kind",
    "m.organiser_organisation_id",
    "org.name as organiser_name",
    "m.area_code",
    "ar.name as area_name",
    "m.minutes",
    "m.created_at",
    "m.updated_at",
    eb
      .selectFrom("input_items as i")
      .whereRef("i.meeting_id", "=", "m.id")
      .select((e) => e.fn.countAll<string>().as("n"))
      .as("input_item_count"),
    eb
      .selectFrom("follow_up_actions as f")
      .innerJoin("input_items as i", "i.id", "f.input_item_id")
      .whereRef("i.meeting_id", "=", "m.id")
      .select((e) => e.fn.countAll<string>().as("n"))
      .as("action_count"),
    eb
      .selectFrom("follow_up_actions as f")
      .innerJoin("input_items as i", "i.id", "f.input_item_id")
      .whereRef("i.meeting_id", "=", "m.id")
      .where("f.status", "in", ["open", "in_progress"])
      .select((e) => e.fn.countAll<string>().as("n"))
      .as("open_action_count"),
    eb
      .selectFrom("follow_up_actions as f")
      .innerJoin("input_items as i", "i.id", "f.input_item_id")
      .whereRef("i.meeting_id", "=", "m.id")
      .where("f.status", "in", ["open", "in_progress"])
      .where(sql<boolean>`f.due_on < ${today}::date`)
      .select((e) => e.fn.countAll<string>().as("n"))
      .as("overdue_action_count"),
  ]);
}
export type MeetingRow = Awaited<
  ReturnType<ReturnType<typeof meetingSummaries>["executeTakeFirstOrThrow"]>
>;

/** Input items whose meeting is in scope. */
export function inputItemsInScope(db: Db, scope: string) {
  return db
    .selectFrom("input_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .leftJoin("organisations as ro", "ro.id", "i.raised_by_organisation_id")
    .where(within("m.area_code", scope))
    .select((eb) => [
      "i.id",
      "i.meeting_id",
      "m.title as meeting_title",
      sql<string>`to_char(m.held_on, 'YYYY-MM-DD')`.as("meeting_date"),
      "i.raised_by_organisation_id",
      "ro.name as raised_by_organisation_name",
      "i.raised_by",
      "i.topic",
      "i.description",
      "i.priority",
      "i.status",
      "i.decline_reason",
      "i.created_at",
      eb
        .selectFrom("follow_up_actions as f")
        .whereRef("f.input_item_id", "=", "i.id")
        .select((e) => e.fn.countAll<string>().as("n"))
        .as("action_count"),
    ]);
}
export type InputItemRow = Awaited<
  ReturnType<ReturnType<typeof inputItemsInScope>["executeTakeFirstOrThrow"]>
>;

/** Areas and named locations of the given input items. */
export async function placesOf(db: Db, itemIds: string[]) {
  if (itemIds.length === 0) return { areas: [], locations: [] };
  const [areas, locations] = await Promise.all([
    db
      .selectFrom("input_item_areas as ia")
      .innerJoin("areas as a", "a.code", "ia.area_code")
      .where("ia.input_item_id", "in", itemIds)
      .select(["ia.input_item_id", "a.code", "a.name"])
      .orderBy("a.code")
      .execute(),
    db
      .selectFrom("input_item_locations as il")
      .innerJoin("named_locations as l", "l.id", "il.named_location_id")
      .where("il.input_item_id", "in", itemIds)
      .select(["il.input_item_id", "l.id", "l.name", "l.kelurahan_code"])
      .orderBy("l.name")
      .execute(),
  ]);
  return { areas, locations };
}

/** Follow-up actions visible to the person, with the overdue flag judged at `today`. */
export function followUpsVisible(db: Db, user: SessionUser, today: string) {
  return db
    .selectFrom("follow_up_actions as f")
    .innerJoin("input_items as i", "i.id", "f.input_item_id")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .innerJoin("organisations as o", "o.id", "f.owner_organisation_id")
    .leftJoin("users as u", "u.id", "f.assignee_user_id")
    .where((eb) =>
      eb.or([
        within("m.area_code", user.scope),
        eb("f.owner_organisation_id", "=", user.organisationId),
        eb("f.assignee_user_id", "=", user.id),
      ]),
    )
    .select([
      "f.id",
      "f.input_item_id",
      "i.topic as input_item_topic",
      "i.meeting_id",
      "m.title as meeting_title",
      sql<string>`to_char(m.held_on, 'YYYY-MM-DD')`.as("meeting_date"),
      "f.title",
      "f.description",
      "f.owner_organisation_id",
      "o.name as owner_name",
      "f.assignee_user_id",
      "u.name as assignee_name",
      sql<string>`to_char(f.due_on, 'YYYY-MM-DD')`.as("due_on"),
      "f.status",
      "f.drop_reason",
      "f.completed_at",
      sql<boolean>`(f.status in ('open','in_progress') and f.due_on < ${today}::date)`.as(
        "overdue",
      ),
      sql<number>`greatest(0, ${today}::date - f.due_on)`.as("days_past_due"),
    ]);
}
export type FollowUpRow = Awaited<
  ReturnType<ReturnType<typeof followUpsVisible>["executeTakeFirstOrThrow"]>
>;

/** Apply list filters to {@link followUpsVisible}. */
export function filterFollowUps(
  query: ReturnType<typeof followUpsVisible>,
  filter: FollowUpFilter,
  user: SessionUser,
  today: string,
) {
  let q = query;
  if (filter.status) q = q.where("f.status", "=", filter.status);
  if (filter.overdue === true)
    q = q
      .where("f.status", "in", ["open", "in_progress"])
      .where(sql<boolean>`f.due_on < ${today}::date`);
  if (filter.overdue === false)
    q = q.where(
      sql<boolean>`not (f.status in ('open','in_progress') and f.due_on < ${today}::date)`,
    );
  if (filter.organisation) q = q.where("f.owner_organisation_id", "=", filter.organisation);
  if (filter.meeting) q = q.where("i.meeting_id", "=", filter.meeting);
  if (filter.mine)
    q = q.where((eb) =>
      eb.or([
        eb("f.owner_organisation_id", "=", user.organisationId),
        eb("f.assignee_user_id", "=", user.id),
      ]),
    );
  if (filter.area) {
    const area = filter.area;
    q = q.where((eb) =>
      eb.or([
        within("m.area_code", area),
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
    q = q.where((eb) => eb.or([eb("f.title", "ilike", pattern), eb("i.topic", "ilike", pattern)]));
  }
  return q;
}

/** A follow-up row as the API returns it. */
export function toFollowUp(ctx: AuthedContext, r: FollowUpRow): FollowUpAction {
  const overdue = Boolean(r.overdue);
  return {
    id: r.id,
    inputItemId: r.input_item_id,
    inputItemTopic: r.input_item_topic,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingDate: r.meeting_date,
    title: r.title,
    description: r.description,
    owner: { id: r.owner_organisation_id, name: r.owner_name },
    assignee:
      r.assignee_user_id && r.assignee_name
        ? { id: r.assignee_user_id, name: r.assignee_name }
        : null,
    dueOn: r.due_on,
    status: r.status,
    dropReason: r.drop_reason,
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    overdue,
    daysOverdue: overdue ? Number(r.days_past_due) : 0,
    actions: allowedActions(ctx.user.role, "follow_up"),
  };
}
