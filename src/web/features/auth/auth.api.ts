import { getJson, sendJson } from "../../lib/http";
import type { Session } from "./auth.types";

type Ok = { ok: true };

export function fetchSession(): Promise<Session> {
  return getJson<Session>("/api/auth/session");
}

export function signIn(csrfToken: string, email: string, password: string): Promise<Ok> {
  return sendJson("POST", "/api/auth/login", { email, password }, csrfToken);
}

export function signOut(csrfToken: string): Promise<Ok> {
  return sendJson("POST", "/api/auth/logout", {}, csrfToken);
}

export function changePassword(
  csrfToken: string,
  currentPassword: string,
  newPassword: string,
): Promise<Ok> {
  return sendJson("POST", "/api/auth/password", { currentPassword, newPassword }, csrfToken);
}

export function acceptInvitation(csrfToken: string, token: string, password: string): Promise<Ok> {
  return sendJson("POST", "/api/auth/invitations/accept", { token, password }, csrfToken);
}
