import { z } from "zod";
import { ACTIONS, ROLES } from "../../../domain/access/roles";
import { areaCodeField, pageOf, pageQuery } from "../shared.schema";

export const role = z.enum(ROLES);

export const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  scope: z.string(),
  scopeName: z.string().nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  active: z.boolean(),
  /** False until the person has accepted the invitation and set a password. */
  hasPassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  actions: z.array(z.enum(ACTIONS)),
});
export type User = z.infer<typeof user>;

export const listUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: role.optional(),
  organisationId: z.uuid().optional(),
  active: z.enum(["true", "false"]).optional(),
  ...pageQuery,
});

export const inviteUserBody = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(2).max(200),
  organisationId: z.uuid(),
  role,
  scope: areaCodeField,
});

export const updateUserBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    role,
    scope: areaCodeField,
    organisationId: z.uuid(),
    active: z.boolean(),
  })
  .partial();

export const invitation = z.object({
  /** Shown once: give it to the person; only its hash is stored. */
  token: z.string(),
  path: z.string(),
  expiresAt: z.string(),
});

export const invitedUser = z.object({ user, invitation });
export const userPage = pageOf(user);
