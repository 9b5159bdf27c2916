import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Action, Resource } from "../../../domain/access/roles";
import { UNAUTHENTICATED_EVENT } from "../../lib/http";
import { fetchSession } from "./auth.api";
import type { Session, SessionUser } from "./auth.types";

export type SessionState =
  | { status: "loading" }
  | { status: "ready"; session: Session }
  | { status: "error"; error: unknown };

interface SessionContextValue {
  state: SessionState;
  /** Loads the session again (after sign-in and sign-out: the CSRF token changes). */
  refresh: () => Promise<Session | null>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Loads `GET /api/auth/session` once in the background (pages that need no sign-in, like the
 * map, never wait for it) and again when asked or when the server answers UNAUTHENTICATED.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const latest = useRef(0);

  const refresh = useCallback(async (): Promise<Session | null> => {
    const ticket = ++latest.current;
    try {
      const session = await fetchSession();
      if (ticket === latest.current) setState({ status: "ready", session });
      return session;
    } catch (error) {
      if (ticket === latest.current) setState({ status: "error", error });
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onUnauthenticated = (): void => void refresh();
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
  }, [refresh]);

  const value = useMemo(() => ({ state, refresh }), [state, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state with shortcuts: the person, the CSRF token and a permission check. */
export function useSession(): SessionContextValue & {
  session: Session | null;
  user: SessionUser | null;
  csrfToken: string;
  can: (resource: Resource, action: Action) => boolean;
} {
  const context = useContext(SessionContext);
  if (!context) throw new Error("useSession needs a SessionProvider");
  const session = context.state.status === "ready" ? context.state.session : null;
  return {
    ...context,
    session,
    user: session?.user ?? null,
    csrfToken: session?.csrfToken ?? "",
    can: (resource, action) => session?.permissions[resource]?.includes(action) ?? false,
  };
}
