import { createBrowserRouter, Outlet } from "react-router";
import { CrashMessage } from "./components/ErrorBoundary";
import { RouteFocus } from "./components/RouteFocus";
import { NotFoundPage } from "./components/StatusPages";
import { AreasPage } from "./features/areas/AreasPage";
import { AuditPage } from "./features/audit/AuditPage";
import { AcceptInvitationPage } from "./features/auth/AcceptInvitationPage";
import { ChangePasswordPage } from "./features/auth/ChangePasswordPage";
import { RequireAccess } from "./features/auth/RequireAccess";
import { SignInPage } from "./features/auth/SignInPage";
import { OrganisationsPage } from "./features/organisations/OrganisationsPage";
import { UsersPage } from "./features/users/UsersPage";

function Root() {
  return (
    <>
      <RouteFocus />
      <Outlet />
    </>
  );
}

/**
 * The client's routes. Indonesian paths are the canonical ones; `/invite` exists because the
 * API hands out invitation links as `/invite#<token>`. The server serves index.html for every
 * HTML request outside `/api/`, so each path also works when opened directly.
 */
export const router = createBrowserRouter([
  {
    path: "/",
    element: <Root />,
    errorElement: <CrashMessage />,
    children: [
      { index: true, element: <AreasPage /> },
      { path: "masuk", element: <SignInPage /> },
      { path: "undangan", element: <AcceptInvitationPage /> },
      { path: "invite", element: <AcceptInvitationPage /> },
      {
        path: "akun/kata-sandi",
        element: (
          <RequireAccess>
            <ChangePasswordPage />
          </RequireAccess>
        ),
      },
      {
        path: "admin/organisasi",
        element: (
          <RequireAccess resource="organisation">
            <OrganisationsPage />
          </RequireAccess>
        ),
      },
      {
        path: "admin/pengguna",
        element: (
          <RequireAccess resource="user">
            <UsersPage />
          </RequireAccess>
        ),
      },
      {
        path: "admin/audit",
        element: (
          <RequireAccess resource="audit_event">
            <AuditPage />
          </RequireAccess>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
