/**
 * Break the glass: a supervisor outside a client's scope gets time-limited read access in an
 * emergency, with a stated reason. Every grant is audited and waits for review by another
 * supervisor whose scope covers the client's facilities (or by the grant's own reviewers list).
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/schema";
import { BREAK_GLASS_HOURS, normaliseClientCode } from "../../../domain/rehab/clients";
import type { AuthedContext } from "../../context";
import { recordAudit } from "../audit/audit.service";
import { facilityCondition, reachesWithoutGrant } from "./rehab-access";
import { rehabError } from "./rehab-cipher";

type Db = Kysely<Database>;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

interface GrantRow {
  id: string;
  client_id: string;
  client_code: string;
  user_id: string;
  user_name: string;
  reason: string;
  created_at: Date | string;
  expires_at: Date | string;
  active: boolean;
  reviewer_name: string | null;
  reviewed_at: Date | string | null;
  review_note: string;
}

function toGrant(r: GrantRow) {
  return {
    id: r.id,
    clientId: r.client_id,
    clientCode: r.client_code,
    userId: r.user_id,
    userName: r.user_name,
    reason: r.reason,
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    active: r.active,
    reviewedBy: r.reviewer_name,
    reviewedAt: r.reviewed_at ? iso(r.reviewed_at) : null,
    reviewNote: r.review_note,
  };
}

const GRANT_SELECT = sql`g.id, g.client_id, c.code as client_code, g.user_id, u.name as user_name,
  g.reason, g.created_at, g.expires_at, (g.expires_at > now()) as active,
  r.name as reviewer_name, g.reviewed_at, g.review_note
  from rehab_break_glass g
  join rehab_clients c on c.id = g.client_id
  join users u on u.id = g.user_id
  left join users r on r.id = g.reviewed_by`;

export class RehabBreakGlassService {
  constructor(private readonly db: Db) {}

  /** Open a grant on a client found by its code; only for clients outside one's scope. */
  async open(ctx: AuthedContext, input: { clientCode: string; reason: string }) {
    const code = normaliseClientCode(input.clientCode);
    const client = await this.db
      .selectFrom("rehab_clients")
      .select(["id", "erased_at"])
      .where("code", "=", code)
      .executeTakeFirst();
    if (!client) throw rehabError("REHAB_CLIENT_NOT_FOUND", 404, "No client with that code.");
    if (await reachesWithoutGrant(this.db, ctx.user, client.id))
      throw rehabError(
        "REHAB_BREAK_GLASS_NOT_NEEDED",
        409,
        "This client is already in your scope.",
      );
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("rehab_break_glass")
        .values({
          user_id: ctx.user.id,
          client_id: client.id,
          reason: input.reason,
          expires_at: sql`now() + ${`${BREAK_GLASS_HOURS} hours`}::interval` as never,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: "rehab_break_glass.create",
        resource: "rehab_break_glass",
        recordId: id,
        changedFields: [`client:${client.id}`, "reason"],
      });
      return id;
    });
    return this.one(id);
  }

  private async one(id: string) {
    const rows = await sql<GrantRow>`select ${GRANT_SELECT} where g.id = ${id}`.execute(this.db);
    return toGrant(rows.rows[0]!);
  }

  /** Grants to review: on clients of facilities in the reviewer's scope, or the reviewer's own. */
  private scopeCondition(ctx: AuthedContext) {
    return sql`(g.user_id = ${ctx.user.id} or exists (
      select 1 from rehab_episodes e join organisations o on o.id = e.facility_id
      where e.client_id = g.client_id and ${facilityCondition(ctx.user)}))`;
  }

  async list(ctx: AuthedContext, state: "unreviewed" | "all", page: number, pageSize: number) {
    const where = sql.join(
      [this.scopeCondition(ctx), ...(state === "unreviewed" ? [sql`g.reviewed_at is null`] : [])],
      sql` and `,
    );
    return this.db.transaction().execute(async (trx) => {
      const total = await sql<{
        n: string;
      }>`select count(*) as n from rehab_break_glass g where ${where}`.execute(trx);
      const rows = await sql<GrantRow>`select ${GRANT_SELECT} where ${where}
        order by g.created_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(trx);
      await recordAudit(trx, ctx, {
        action: "rehab_break_glass.list",
        resource: "rehab_break_glass",
      });
      return { items: rows.rows.map(toGrant), total: Number(total.rows[0]!.n), page, pageSize };
    });
  }

  /** Mark a grant reviewed; nobody reviews their own grant. */
  async review(ctx: AuthedContext, id: string, note: string) {
    const rows = await sql<{ id: string; user_id: string; reviewed_at: unknown }>`
      select g.id, g.user_id, g.reviewed_at from rehab_break_glass g
      where g.id = ${id} and ${this.scopeCondition(ctx)}`.execute(this.db);
    const grant = rows.rows[0];
    if (!grant) throw rehabError("REHAB_BREAK_GLASS_NOT_FOUND", 404, "No such grant.");
    if (grant.user_id === ctx.user.id)
      throw rehabError("REHAB_SELF_REVIEW", 403, "Another supervisor reviews your grant.");
    if (grant.reviewed_at)
      throw rehabError("REHAB_ALREADY_REVIEWED", 409, "This grant was already reviewed.");
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("rehab_break_glass")
        .set({ reviewed_by: ctx.user.id, reviewed_at: sql`now()`, review_note: note })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, ctx, {
        action: "rehab_break_glass.review",
        resource: "rehab_break_glass",
        recordId: id,
        changedFields: ["reviewed", "reviewNote"],
      });
    });
    return this.one(id);
  }
}
