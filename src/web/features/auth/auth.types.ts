import type { Action, Resource, Role } from "../../../domain/access/roles";

/** The signed-in person, as `GET /api/auth/session` returns them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  scope: string;
  organisationId: string;
}

/** Demo accounts offered on the sign-in page when the server runs in demo mode. */
export interface DemoInfo {
  password: string;
  accounts: { email: string; role: string }[];
}

/** The answer of `GET /api/auth/session`. */
export interface Session {
  user: SessionUser | null;
  csrfToken: string;
  permissions: Partial<Record<Resource, Action[]>>;
  demo: DemoInfo | null;
}
