import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Resource } from "../../../domain/access/roles";
import { LoadingPage, NotAllowedPage, SessionErrorPage } from "../../components/StatusPages";
import { useSession } from "./session";

interface RequireAccessProps {
  /** The resource the page reads; without it, being signed in is enough. */
  resource?: Resource;
  children: ReactNode;
}

/**
 * Guards a page: a signed-out person goes to `/masuk?next=<here>`, a signed-in person whose
 * role may not read the resource sees a "not allowed" page. The server enforces the same rules.
 */
export function RequireAccess({ resource, children }: RequireAccessProps) {
  const { state, user, can, refresh } = useSession();
  const location = useLocation();
  if (state.status === "loading") return <LoadingPage />;
  if (state.status === "error") {
    return <SessionErrorPage error={state.error} onRetry={() => void refresh()} />;
  }
  if (!user) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/masuk?next=${next}`} replace />;
  }
  if (resource && !can(resource, "read")) return <NotAllowedPage />;
  return children;
}

/** A same-site path to return to after signing in; anything else becomes `/`. */
export function safeNext(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return "/";
  }
  return value.startsWith("/masuk") ? "/" : value;
}
