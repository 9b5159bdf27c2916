import { z } from "zod";
import { ROLES } from "../../../domain/access/roles";

export const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const acceptInvitationBody = z.object({
  token: z.string().min(10).max(200),
  password: z.string().min(1).max(1024),
});

export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  scope: z.string(),
  organisationId: z.string(),
});

export const sessionResponse = z.object({
  user: sessionUser.nullable(),
  csrfToken: z.string(),
  /** What the signed-in person may do, per resource (the client hides the rest). */
  permissions: z.record(z.string(), z.array(z.string())),
  demo: z
    .object({
      password: z.string(),
      accounts: z.array(z.object({ email: z.string(), role: z.string() })),
    })
    .nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const okResponse = z.object({ ok: z.literal(true) });
