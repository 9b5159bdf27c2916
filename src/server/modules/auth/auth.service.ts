/**
 * Sign-in, sign-out, password change and invitations. Every outcome is audited in the same
 * transaction as its change; no password or token ever reaches the log or the audit trail.
 */
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../../db/schema";
import { passwordProblems } from "../../../domain/access/passwords";
import type { AuthedContext, RequestContext } from "../../context";
import { AppError } from "../../errors";
import { millis } from "../../time";
import { recordAudit } from "../audit/audit.service";
import {
  deleteSession,
  deleteUserSessions,
  findUserByEmail,
  findUserById,
  insertSession,
} from "./auth.repository";
import { newToken, tokenHash } from "./auth.tokens";

/** Wrong passwords in a row that lock an account, and for how long. */
export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_MINUTES = 15;

/** Argon2id (the enum is a const enum, unusable with isolatedModules: 2 is Argon2id). */
const ARGON2 = { algorithm: 2 as Algorithm } as const;
/** Verified against when the e-mail is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;

/** Argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Throws PASSWORD_TOO_WEAK listing the problems. */
export function assertStrongPassword(password: string, email?: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length > 0) {
    throw new AppError("PASSWORD_TOO_WEAK", 400, "The password does not meet the rules.", {
      problems,
    });
  }
}

export interface NewSession {
  token: string;
  csrfToken: string;
  userId: string;
  maxAgeSeconds: number;
}

export class AuthService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: { maxHours: number },
  ) {}

  /** Check the credentials; on success open a session. */
  async signIn(ctx: RequestContext, email: string, password: string): Promise<NewSession> {
    const user = await findUserByEmail(this.db, email);
    if (!user?.password_hash || !user.active) {
      dummyHash ??= hashPassword("not-a-real-password-just-for-timing");
      await verify(await dummyHash, password).catch(() => false);
      await this.db.transaction().execute((trx) =>
        recordAudit(trx, ctx, {
          action: "auth.login_failed",
          resource: "user",
          recordId: user?.id ?? null,
          actorUserId: null,
        }),
      );
      throw invalidCredentials();
    }
    if (user.locked_until && millis(user.locked_until) > Date.now()) {
      throw locked();
    }
    const ok = await verify(user.password_hash, password).catch(() => false);
    if (!ok) {
      const nowLocked = await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable("users")
          .set({ failed_logins: sql`failed_logins + 1` })
          .where("id", "=", user.id)
          .returning("failed_logins")
          .executeTakeFirstOrThrow();
        const lock = row.failed_logins >= LOCKOUT_THRESHOLD;
        if (lock) {
          await trx
            .updateTable("users")
            .set({
              failed_logins: 0,
              locked_until: sql`now() + ${`${LOCKOUT_MINUTES} minutes`}::interval`,
            })
            .where("id", "=", user.id)
            .execute();
        }
        await recordAudit(trx, ctx, {
          action: lock ? "auth.locked" : "auth.login_failed",
          resource: "user",
          recordId: user.id,
          actorUserId: null,
          changedFields: lock ? ["failed_logins", "locked_until"] : ["failed_logins"],
        });
        return lock;
      });
      throw nowLocked ? locked() : invalidCredentials();
    }
    const token = newToken();
    const csrfToken = newToken();
    const maxAgeSeconds = this.settings.maxHours * 3600;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ failed_logins: 0, locked_until: null })
        .where("id", "=", user.id)
        .execute();
      const session = await insertSession(trx, {
        token_hash: tokenHash(token),
        csrf_token: csrfToken,
        user_id: user.id,
        expires_at: new Date(Date.now() + maxAgeSeconds * 1000),
      });
      await recordAudit(trx, ctx, {
        action: "auth.login",
        resource: "session",
        recordId: session.id,
        actorUserId: user.id,
      });
    });
    return { token, csrfToken, userId: user.id, maxAgeSeconds };
  }

  /** End the current session. */
  async signOut(ctx: AuthedContext): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await deleteSession(trx, ctx.user.sessionId);
      await recordAudit(trx, ctx, {
        action: "auth.logout",
        resource: "session",
        recordId: ctx.user.sessionId,
      });
    });
  }

  /** Change one's own password; every other session of the person ends. */
  async changePassword(
    ctx: AuthedContext,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await findUserById(this.db, ctx.user.id);
    if (
      !user?.password_hash ||
      !(await verify(user.password_hash, currentPassword).catch(() => false))
    ) {
      throw invalidCredentials();
    }
    assertStrongPassword(newPassword, user.email);
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({
          password_hash: passwordHash,
          password_changed_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where("id", "=", user.id)
        .execute();
      await deleteUserSessions(trx, user.id, ctx.user.sessionId);
      await recordAudit(trx, ctx, {
        action: "user.password_change",
        resource: "user",
        recordId: user.id,
        changedFields: ["password"],
      });
    });
  }

  /** Set the first password of an invited person and use up the invitation. */
  async acceptInvitation(ctx: RequestContext, token: string, password: string): Promise<void> {
    const invitation = await this.db
      .selectFrom("invitations as i")
      .innerJoin("users as u", "u.id", "i.user_id")
      .select([
        "i.token_hash",
        "i.expires_at",
        "i.used_at",
        "u.id as user_id",
        "u.email",
        "u.active",
      ])
      .where("i.token_hash", "=", tokenHash(token))
      .executeTakeFirst();
    const usable =
      invitation &&
      !invitation.used_at &&
      invitation.active &&
      millis(invitation.expires_at) > Date.now();
    if (!invitation || !usable) {
      throw new AppError(
        "INVITATION_INVALID",
        400,
        "This invitation link is not valid or has expired.",
      );
    }
    assertStrongPassword(password, invitation.email);
    const passwordHash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable("invitations")
        .set({ used_at: sql`now()` })
        .where("token_hash", "=", invitation.token_hash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) {
        throw new AppError(
          "INVITATION_INVALID",
          400,
          "This invitation link is not valid or has expired.",
        );
      }
      await trx
        .updateTable("users")
        .set({
          password_hash: passwordHash,
          password_changed_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where("id", "=", invitation.user_id)
        .execute();
      await recordAudit(trx, ctx, {
        action: "user.invitation_accept",
        resource: "user",
        recordId: invitation.user_id,
        actorUserId: invitation.user_id,
        changedFields: ["password"],
      });
    });
  }
}

function invalidCredentials() {
  return new AppError("INVALID_CREDENTIALS", 401, "E-mail or password is wrong.");
}

function locked() {
  return new AppError(
    "ACCOUNT_LOCKED",
    423,
    `Too many wrong passwords: the account is locked for ${LOCKOUT_MINUTES} minutes.`,
  );
}
