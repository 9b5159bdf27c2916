import type { Action, Role } from "../../../domain/access/roles";
import { sendJson } from "../../lib/http";

/** A person as `GET /api/users` returns them. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  scope: string;
  scopeName: string | null;
  organisationId: string;
  organisationName: string;
  active: boolean;
  /** False until the person has accepted the invitation and set a password. */
  hasPassword: boolean;
  lockedUntil: string | null;
  actions: Action[];
}

/** A one-time invitation: only its hash is stored, so it can be shown only now. */
export interface Invitation {
  token: string;
  path: string;
  expiresAt: string;
}

export interface UserInput {
  name: string;
  organisationId: string;
  role: Role;
  scope: string;
}

export function inviteUser(
  csrfToken: string,
  input: UserInput & { email: string },
): Promise<{ user: User; invitation: Invitation }> {
  return sendJson("POST", "/api/users", input, csrfToken);
}

export function reissueInvitation(
  csrfToken: string,
  id: string,
): Promise<{ user: User; invitation: Invitation }> {
  return sendJson("POST", `/api/users/${encodeURIComponent(id)}/invitation`, {}, csrfToken);
}

export function updateUser(
  csrfToken: string,
  id: string,
  changes: Partial<UserInput & { active: boolean }>,
): Promise<User> {
  return sendJson("PATCH", `/api/users/${encodeURIComponent(id)}`, changes, csrfToken);
}
