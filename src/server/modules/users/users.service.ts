/**
 * People: invited by an administrator, placed in an organisation with a role and an area
 * scope, changed or deactivated but never deleted (their audit history stays meaningful).
 * Reading a person's record is itself audited.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { allowedActions, can, type Role } from "../../../domain/access/roles";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { AreasService } from "../areas/areas.service";
import { recordAudit } from "../audit/audit.service";
import { deleteUserSessions } from "../auth/auth.repository";
import { newToken, tokenHash } from "../auth/auth.tokens";
import { OrganisationsService } from "../organisations/organisations.service";
import { assertAreaInScope, changedFields } from "../scope";
import {
  emailTaken,
  findUserInScope,
  findUsers,
  insertUser,
  replaceInvitation,
  type UserFilter,
  type UserRow,
  updateUser,
} from "./users.repository";
import type { User } from "./users.schema";

export const INVITATION_DAYS = 7;

export class UsersService {
  private readonly areas: AreasService;
  private readonly organisations: OrganisationsService;

  constructor(private readonly db: Kysely<Database>) {
    this.areas = new AreasService(db);
    this.organisations = new OrganisationsService(db);
  }

  private toUser(ctx: AuthedContext, row: UserRow): User {
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role as Role,
      scope: row.scope_area_code,
      scopeName: row.scope_name,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      active: row.active,
      hasPassword: row.has_password,
      lockedUntil: row.locked_until
        ? new Date(row.locked_until as unknown as string).toISOString()
        : null,
      // Nobody deactivates their own account.
      actions: allowedActions(ctx.user.role, "user").filter(
        (a) => a !== "deactivate" || row.id !== ctx.user.id,
      ),
    };
  }

  async list(
    ctx: AuthedContext,
    filter: Omit<UserFilter, "scope">,
    page: number,
    pageSize: number,
  ) {
    return this.db.transaction().execute(async (trx) => {
      const { total, rows } = await findUsers(
        trx,
        { ...filter, scope: ctx.user.scope },
        page,
        pageSize,
      );
      await recordAudit(trx, ctx, { action: "user.list", resource: "user" });
      return { items: rows.map((r) => this.toUser(ctx, r)), total, page, pageSize };
    });
  }

  private async load(
    ctx: AuthedContext,
    id: string,
    db: Kysely<Database> = this.db,
  ): Promise<User> {
    const row = await findUserInScope(db, ctx.user.scope, id);
    if (!row) throw new AppError("USER_NOT_FOUND", 404, "No such person.");
    return this.toUser(ctx, row);
  }

  /** One person's record; the read is audited. */
  async get(ctx: AuthedContext, id: string): Promise<User> {
    return this.db.transaction().execute(async (trx) => {
      const user = await this.load(ctx, id, trx);
      await recordAudit(trx, ctx, { action: "user.read", resource: "user", recordId: id });
      return user;
    });
  }

  /** Create the account and an invitation whose token is returned once. */
  async invite(
    ctx: AuthedContext,
    input: { email: string; name: string; organisationId: string; role: Role; scope: string },
  ) {
    const organisation = await this.organisations.get(ctx, input.organisationId);
    if (!organisation.active)
      throw new AppError("CONFLICT", 409, "The organisation is deactivated.");
    await assertAreaInScope(this.areas, ctx, input.scope);
    if (await emailTaken(this.db, input.email)) {
      throw new AppError("EMAIL_TAKEN", 409, "An account with this e-mail exists.");
    }
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await insertUser(trx, {
        email: input.email.trim(),
        name: input.name,
        organisation_id: input.organisationId,
        role: input.role,
        scope_area_code: input.scope,
      });
      await replaceInvitation(trx, id, tokenHash(token), expiresAt);
      await recordAudit(trx, ctx, {
        action: "user.create",
        resource: "user",
        recordId: id,
        changedFields: ["email", "name", "organisationId", "role", "scope"],
      });
      return id;
    });
    return { user: await this.load(ctx, id), invitation: invitationOf(token, expiresAt) };
  }

  /** A new invitation link (the previous unused one stops working). */
  async reinvite(ctx: AuthedContext, id: string) {
    const user = await this.load(ctx, id);
    if (!user.active) throw new AppError("CONFLICT", 409, "The account is deactivated.");
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    await this.db.transaction().execute(async (trx) => {
      await replaceInvitation(trx, id, tokenHash(token), expiresAt);
      await recordAudit(trx, ctx, { action: "user.invite", resource: "user", recordId: id });
    });
    return { user, invitation: invitationOf(token, expiresAt) };
  }

  /** Change name, role, scope, organisation, or deactivate (which ends all their sessions). */
  async update(
    ctx: AuthedContext,
    id: string,
    input: Partial<{
      name: string;
      role: Role;
      scope: string;
      organisationId: string;
      active: boolean;
    }>,
  ): Promise<User> {
    const current = await this.load(ctx, id);
    const changed = changedFields(current, input);
    if (changed.length === 0) return current;
    if (input.active === false && current.active) {
      if (!can(ctx.user.role, "deactivate", "user"))
        throw new AppError("FORBIDDEN", 403, "Your role cannot deactivate people.");
      if (id === ctx.user.id)
        throw new AppError("SELF_DEACTIVATION", 409, "You cannot deactivate your own account.");
    }
    if (input.scope !== undefined && input.scope !== current.scope)
      await assertAreaInScope(this.areas, ctx, input.scope);
    if (input.organisationId !== undefined && input.organisationId !== current.organisationId) {
      await this.organisations.get(ctx, input.organisationId);
    }
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.scope !== undefined ? { scope_area_code: input.scope } : {}),
        ...(input.organisationId !== undefined ? { organisation_id: input.organisationId } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      });
      if (input.active === false) await deleteUserSessions(trx, id);
      const action = input.active === false ? "user.deactivate" : "user.update";
      await recordAudit(trx, ctx, {
        action,
        resource: "user",
        recordId: id,
        changedFields: changed,
      });
    });
    return this.load(ctx, id);
  }
}

function invitationOf(token: string, expiresAt: Date) {
  return { token, path: `/invite#${token}`, expiresAt: expiresAt.toISOString() };
}
