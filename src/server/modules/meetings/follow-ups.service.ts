/**
 * Follow-up actions: what an input item turned into, owned by an organisation, with a due
 * date and a status. Overdue (due before today in Asia/Jakarta and not done or dropped) is
 * computed in SQL and returned as a flag. "My actions" and the weekly digest read from here.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { can } from "../../../domain/access/roles";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.service";
import { MAX_EXPORT_ROWS } from "../exports";
import {
  type FollowUpRow,
  filterFollowUps,
  followUpsVisible,
  inputItemsInScope,
  toFollowUp,
} from "./meetings.repository";
import type {
  FollowUpAction,
  FollowUpFilter,
  FollowUpInput,
  FollowUpPatch,
  WeeklyDigest,
} from "./meetings.schema";
import { MeetingsService } from "./meetings.service";
import { addDays, isoWeekRange, jakartaDayStart, jakartaToday } from "./weeks";

type Db = Kysely<Database>;

const notFound = () => new AppError("NOT_FOUND", 404, "No such follow-up action.");

function invalid(field: string, problem: string, message = "The request is not valid.") {
  return new AppError("VALIDATION_FAILED", 400, message, [{ field, problem }]);
}

export class FollowUpsService {
  private readonly meetings: MeetingsService;

  constructor(
    private readonly db: Db,
    private readonly today: () => string = () => jakartaToday(),
  ) {
    this.meetings = new MeetingsService(db, today);
  }

  async list(ctx: AuthedContext, filter: FollowUpFilter, page: number, pageSize: number) {
    const today = this.today();
    const query = filterFollowUps(
      followUpsVisible(this.db, ctx.user, today),
      filter,
      ctx.user,
      today,
    );
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await query
      // Overdue first (most overdue on top), then by due date.
      .orderBy(sql`(f.status in ('open','in_progress') and f.due_on < ${today}::date)`, "desc")
      .orderBy("f.due_on")
      .orderBy("f.created_at")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: rows.map((r) => toFollowUp(ctx, r)),
      total: Number(total.n),
      page,
      pageSize,
    };
  }

  async listAll(ctx: AuthedContext, filter: FollowUpFilter) {
    return (await this.list(ctx, filter, 1, MAX_EXPORT_ROWS)).items;
  }

  /** Owned by my organisation or assigned to me; open and in progress unless `all`. */
  async mine(
    ctx: AuthedContext,
    filter: {
      status?: FollowUpFilter["status"];
      overdue?: boolean | undefined;
      all?: boolean | undefined;
    },
    page: number,
    pageSize: number,
  ) {
    if (filter.status || filter.all)
      return this.list(
        ctx,
        { status: filter.status, overdue: filter.overdue, mine: true },
        page,
        pageSize,
      );
    // Default: what still needs doing.
    const today = this.today();
    const query = filterFollowUps(
      followUpsVisible(this.db, ctx.user, today),
      { overdue: filter.overdue, mine: true },
      ctx.user,
      today,
    ).where("f.status", "in", ["open", "in_progress"]);
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy(sql`(f.due_on < ${today}::date)`, "desc")
      .orderBy("f.due_on")
      .orderBy("f.created_at")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: rows.map((r) => toFollowUp(ctx, r)),
      total: Number(total.n),
      page,
      pageSize,
    };
  }

  async get(ctx: AuthedContext, id: string): Promise<FollowUpAction> {
    const row = await followUpsVisible(this.db, ctx.user, this.today())
      .where("f.id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound();
    return toFollowUp(ctx, row);
  }

  private async assertOwnerAndAssignee(ownerId: string, assigneeId: string | null | undefined) {
    const owner = await this.db
      .selectFrom("organisations")
      .where("id", "=", ownerId)
      .select("id")
      .executeTakeFirst();
    if (!owner)
      throw new AppError("ORGANISATION_NOT_FOUND", 400, "No such organisation.", [
        { field: "ownerOrganisationId", problem: "unknown organisation" },
      ]);
    if (assigneeId) {
      const user = await this.db
        .selectFrom("users")
        .where("id", "=", assigneeId)
        .where("active", "=", true)
        .select("organisation_id")
        .executeTakeFirst();
      if (!user)
        throw new AppError("USER_NOT_FOUND", 400, "No such person.", [
          { field: "assigneeUserId", problem: "unknown person" },
        ]);
      if (user.organisation_id !== ownerId)
        throw invalid("assigneeUserId", "must belong to the owning organisation");
    }
  }

  /** Turn an input item into a follow-up action; an open or accepted item becomes "action". */
  async create(ctx: AuthedContext, inputItemId: string, input: FollowUpInput) {
    const item = await inputItemsInScope(this.db, ctx.user.scope)
      .where("i.id", "=", inputItemId)
      .executeTakeFirst();
    if (!item) throw new AppError("NOT_FOUND", 404, "No such input item.");
    if (item.status === "declined")
      throw new AppError(
        "INVALID_TRANSITION",
        409,
        "A declined input item cannot be turned into an action.",
      );
    await this.assertOwnerAndAssignee(input.ownerOrganisationId, input.assigneeUserId);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("follow_up_actions")
        .values({
          input_item_id: inputItemId,
          title: input.title,
          description: input.description,
          owner_organisation_id: input.ownerOrganisationId,
          assignee_user_id: input.assigneeUserId ?? null,
          due_on: input.dueOn,
          created_by: ctx.user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "follow_up.create",
        resource: "follow_up",
        recordId: id,
        changedFields: Object.keys(input).filter(
          (k) => input[k as keyof FollowUpInput] !== undefined,
        ),
      });
      if (item.status === "open" || item.status === "accepted") {
        await trx
          .updateTable("input_items")
          .set({ status: "action", updated_at: sql`now()` })
          .where("id", "=", inputItemId)
          .execute();
        await recordAudit(trx, ctx, {
          action: "input_item.update",
          resource: "meeting",
          recordId: inputItemId,
          changedFields: ["status"],
        });
      }
      return id;
    });
    return this.get(ctx, id);
  }

  /**
   * Change an action. Who may update but not create follow-ups (kelurahan officers) may
   * change its status (and the reason for dropping it) only.
   */
  async update(ctx: AuthedContext, id: string, input: FollowUpPatch): Promise<FollowUpAction> {
    const current = await this.get(ctx, id);
    if (!can(ctx.user.role, "create", "follow_up")) {
      const others = Object.entries(input)
        .filter(([key, value]) => value !== undefined && key !== "status" && key !== "dropReason")
        .map(([key]) => key);
      if (others.length > 0)
        throw new AppError("FORBIDDEN", 403, "You may change the status of this action only.", {
          fields: others,
        });
    }
    const status = input.status ?? current.status;
    const dropReason =
      status === "dropped"
        ? (input.dropReason !== undefined ? input.dropReason : current.dropReason)?.trim() || ""
        : null;
    if (status === "dropped" && !dropReason)
      throw invalid("dropReason", "required when dropped", "Say why the action was dropped.");
    const ownerId = input.ownerOrganisationId ?? current.owner.id;
    const assigneeId =
      input.assigneeUserId !== undefined ? input.assigneeUserId : (current.assignee?.id ?? null);
    if (input.ownerOrganisationId !== undefined || input.assigneeUserId !== undefined)
      await this.assertOwnerAndAssignee(ownerId, assigneeId);

    const compare: Record<string, [unknown, unknown]> = {
      title: [current.title, input.title],
      description: [current.description, input.description],
      ownerOrganisationId: [current.owner.id, input.ownerOrganisationId],
      assigneeUserId: [current.assignee?.id ?? null, input.assigneeUserId],
      dueOn: [current.dueOn, input.dueOn],
      status: [current.status, input.status],
      dropReason: [current.dropReason, dropReason],
    };
    const changed = Object.entries(compare)
      .filter(([, [before, after]]) => after !== undefined && after !== before)
      .map(([field]) => field);
    if (changed.length === 0) return current;
    const completedAt =
      status === "done" ? (current.status === "done" ? current.completedAt : new Date()) : null;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("follow_up_actions")
        .set({
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          owner_organisation_id: ownerId,
          assignee_user_id: assigneeId,
          ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
          status,
          drop_reason: dropReason,
          completed_at: completedAt,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, ctx, {
        action: "follow_up.update",
        resource: "follow_up",
        recordId: id,
        changedFields: changed,
      });
    });
    return this.get(ctx, id);
  }

  /**
   * The week's digest (ISO week, Monday to Sunday, Jakarta days): input items raised at
   * meetings held that week, actions due that week (not dropped), actions overdue as of the
   * day after the week (or today, for the current week), and actions done that week.
   */
  async digest(
    ctx: AuthedContext,
    week: string,
    organisation?: string | undefined,
  ): Promise<WeeklyDigest> {
    const range = isoWeekRange(week);
    if (!range) throw invalid("week", "no such ISO week");
    const today = this.today();
    const dayAfter = addDays(range.end, 1);
    const asOf = [today, dayAfter].sort()[0]!;
    const base = () => {
      let q = followUpsVisible(this.db, ctx.user, asOf);
      if (organisation) q = q.where("f.owner_organisation_id", "=", organisation);
      return q.orderBy("f.due_on").orderBy("f.created_at");
    };
    const [due, overdue, done, items] = await Promise.all([
      base()
        .where("f.due_on", ">=", range.start)
        .where("f.due_on", "<=", range.end)
        .where("f.status", "<>", "dropped")
        .execute(),
      // Overdue as of `asOf`: due before it, and not finished by then.
      base()
        .where(sql<boolean>`f.due_on < ${asOf}::date`)
        .where((eb) =>
          eb.or([
            eb("f.status", "in", ["open", "in_progress"]),
            eb.and([
              eb("f.status", "=", "done"),
              eb("f.completed_at", ">=", new Date(jakartaDayStart(asOf))),
            ]),
          ]),
        )
        .execute(),
      base()
        .where("f.status", "=", "done")
        .where("f.completed_at", ">=", new Date(jakartaDayStart(range.start)))
        .where("f.completed_at", "<", new Date(jakartaDayStart(dayAfter)))
        .execute(),
      (() => {
        let q = inputItemsInScope(this.db, ctx.user.scope)
          .where("m.held_on", ">=", range.start)
          .where("m.held_on", "<=", range.end);
        if (organisation) q = q.where("i.raised_by_organisation_id", "=", organisation);
        return q.orderBy("m.held_on").orderBy("i.created_at").execute();
      })(),
    ]);
    const newInputItems = await this.meetings.inputItemsFromRows(ctx, items);
    // In the digest, "overdue" is judged at asOf: an action done after asOf was overdue then.
    const asOverdue = (r: FollowUpRow) => ({
      ...toFollowUp(ctx, r),
      overdue: true,
      daysOverdue: Number(r.days_past_due),
    });
    return {
      week,
      start: range.start,
      end: range.end,
      asOf,
      counts: {
        newInputItems: newInputItems.length,
        dueThisWeek: due.length,
        overdue: overdue.length,
        doneThisWeek: done.length,
      },
      newInputItems,
      dueThisWeek: due.map((r) => toFollowUp(ctx, r)),
      overdue: overdue.map(asOverdue),
      doneThisWeek: done.map((r) => toFollowUp(ctx, r)),
    };
  }
}
