import { createBrowserRouter, Outlet } from "react-router";
import { CrashMessage } from "./components/ErrorBoundary";
import { lazyPage, PageSuspense } from "./components/LazyPage";
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

// Pages of signed-in work load on demand: the public map stays a lighter download.
const AreaProfilePage = lazyPage(() =>
  import("./features/risk/AreaProfilePage").then((m) => m.AreaProfilePage),
);
const ChangesPage = lazyPage(() =>
  import("./features/risk/ChangesPage").then((m) => m.ChangesPage),
);
const IncidentsMapPage = lazyPage(() =>
  import("./features/incidents/IncidentsMapPage").then((m) => m.IncidentsMapPage),
);
const IncidentsListPage = lazyPage(() =>
  import("./features/incidents/IncidentsListPage").then((m) => m.IncidentsListPage),
);
const IncidentImportPage = lazyPage(() =>
  import("./features/incidents/IncidentImportPage").then((m) => m.IncidentImportPage),
);
const LocationsPage = lazyPage(() =>
  import("./features/locations/LocationsPage").then((m) => m.LocationsPage),
);
const RiskMapPage = lazyPage(() =>
  import("./features/risk/RiskMapPage").then((m) => m.RiskMapPage),
);
const RiskTablePage = lazyPage(() =>
  import("./features/risk/RiskTablePage").then((m) => m.RiskTablePage),
);
const RoundDetailPage = lazyPage(() =>
  import("./features/risk/RoundDetailPage").then((m) => m.RoundDetailPage),
);
const RoundsPage = lazyPage(() => import("./features/risk/RoundsPage").then((m) => m.RoundsPage));
const RulesPage = lazyPage(() => import("./features/rules/RulesPage").then((m) => m.RulesPage));
// Know: reports (briefing PDF, BNNK brief, table downloads).
const ReportsPage = lazyPage(() =>
  import("./features/reports/ReportsPage").then((m) => m.ReportsPage),
);
// Know: the executive dashboard, and the public page (no sign-in).
const DashboardPage = lazyPage(() =>
  import("./features/dashboard/DashboardPage").then((m) => m.DashboardPage),
);
const PublicPage = lazyPage(() => import("./features/public/PublicPage").then((m) => m.PublicPage));
// Know: custody occupancy and the official figures register.
const CustodyPage = lazyPage(() =>
  import("./features/custody/CustodyPage").then((m) => m.CustodyPage),
);
const FiguresPage = lazyPage(() =>
  import("./features/figures/FiguresPage").then((m) => m.FiguresPage),
);
// Rehabilitation registry (confidential): its own chunk, loaded only by those who may open it.
const RehabClientsPage = lazyPage(() =>
  import("./features/rehab/RehabClientsPage").then((m) => m.RehabClientsPage),
);
const RehabIntakePage = lazyPage(() =>
  import("./features/rehab/IntakeWizardPage").then((m) => m.IntakeWizardPage),
);
const RehabClientPage = lazyPage(() =>
  import("./features/rehab/ClientPage").then((m) => m.ClientPage),
);
const RehabFiguresPage = lazyPage(() =>
  import("./features/rehab/FiguresPage").then((m) => m.FiguresPage),
);
const RehabBreakGlassPage = lazyPage(() =>
  import("./features/rehab/BreakGlassReviewPage").then((m) => m.BreakGlassReviewPage),
);

// Act: programmes, activities, who does what where, coverage of risky places.
const ProgrammesPage = lazyPage(() =>
  import("./features/programmes/ProgrammesPage").then((m) => m.ProgrammesPage),
);
const ProgrammePage = lazyPage(() =>
  import("./features/programmes/ProgrammePage").then((m) => m.ProgrammePage),
);
const ActivitiesPage = lazyPage(() =>
  import("./features/programmes/ActivitiesPage").then((m) => m.ActivitiesPage),
);
const ActivityTypesPage = lazyPage(() =>
  import("./features/programmes/ActivityTypesPage").then((m) => m.ActivityTypesPage),
);
const WhoWhatWherePage = lazyPage(() =>
  import("./features/programmes/WhoWhatWherePage").then((m) => m.WhoWhatWherePage),
);
const CoveragePage = lazyPage(() =>
  import("./features/programmes/CoveragePage").then((m) => m.CoveragePage),
);

// Act: meetings, their input items and follow-up actions.
const MeetingsPage = lazyPage(() =>
  import("./features/meetings/MeetingsPage").then((m) => m.MeetingsPage),
);
const MeetingPage = lazyPage(() =>
  import("./features/meetings/MeetingPage").then((m) => m.MeetingPage),
);
const MyActionsPage = lazyPage(() =>
  import("./features/meetings/FollowUpsPages").then((m) => m.MyActionsPage),
);
const AllActionsPage = lazyPage(() =>
  import("./features/meetings/FollowUpsPages").then((m) => m.AllActionsPage),
);
const DigestPage = lazyPage(() =>
  import("./features/meetings/FollowUpsPages").then((m) => m.DigestPage),
);

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
        path: "rawan",
        element: (
          <RequireAccess resource="assessment">
            <PageSuspense>
              <RiskMapPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rawan/perubahan",
        element: (
          <RequireAccess resource="assessment">
            <PageSuspense>
              <ChangesPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rawan/tabel",
        element: (
          <RequireAccess resource="assessment">
            <PageSuspense>
              <RiskTablePage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rawan/wilayah/:code",
        element: (
          <RequireAccess resource="assessment">
            <PageSuspense>
              <AreaProfilePage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rawan/putaran",
        element: (
          <RequireAccess resource="assessment">
            <PageSuspense>
              <RoundsPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rawan/putaran/:id",
        element: (
          <RequireAccess resource="assessment">
            <PageSuspense>
              <RoundDetailPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "insiden",
        element: (
          <RequireAccess resource="incident">
            <PageSuspense>
              <IncidentsMapPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "insiden/daftar",
        element: (
          <RequireAccess resource="incident">
            <PageSuspense>
              <IncidentsListPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "insiden/impor",
        element: (
          <RequireAccess resource="incident">
            <PageSuspense>
              <IncidentImportPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "laporan",
        element: (
          <RequireAccess resource="report">
            <PageSuspense>
              <ReportsPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rapat",
        element: (
          <RequireAccess resource="meeting">
            <PageSuspense>
              <MeetingsPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rapat/:id",
        element: (
          <RequireAccess resource="meeting">
            <PageSuspense>
              <MeetingPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "tindak-lanjut",
        element: (
          <RequireAccess resource="follow_up">
            <PageSuspense>
              <MyActionsPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "tindak-lanjut/semua",
        element: (
          <RequireAccess resource="follow_up">
            <PageSuspense>
              <AllActionsPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "tindak-lanjut/mingguan",
        element: (
          <RequireAccess resource="follow_up">
            <PageSuspense>
              <DigestPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "lokasi",
        element: (
          <RequireAccess resource="named_location">
            <PageSuspense>
              <LocationsPage />
            </PageSuspense>
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
      {
        path: "admin/aturan",
        element: (
          <RequireAccess resource="risk_config">
            <PageSuspense>
              <RulesPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rehab",
        element: (
          <RequireAccess resource="rehab_client">
            <PageSuspense>
              <RehabClientsPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rehab/registrasi",
        element: (
          <RequireAccess resource="rehab_client">
            <PageSuspense>
              <RehabIntakePage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rehab/klien/:id",
        element: (
          <RequireAccess resource="rehab_client">
            <PageSuspense>
              <RehabClientPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rehab/angka",
        element: (
          <RequireAccess resource="rehab_statistics">
            <PageSuspense>
              <RehabFiguresPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "rehab/akses-darurat",
        element: (
          <RequireAccess resource="rehab_break_glass">
            <PageSuspense>
              <RehabBreakGlassPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "program",
        element: (
          <RequireAccess resource="programme">
            <PageSuspense>
              <ProgrammesPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "program/jenis-kegiatan",
        element: (
          <RequireAccess resource="activity_type">
            <PageSuspense>
              <ActivityTypesPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "program/:id",
        element: (
          <RequireAccess resource="programme">
            <PageSuspense>
              <ProgrammePage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "kegiatan",
        element: (
          <RequireAccess resource="activity">
            <PageSuspense>
              <ActivitiesPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "siapa-di-mana",
        element: (
          <RequireAccess resource="activity">
            <PageSuspense>
              <WhoWhatWherePage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "cakupan",
        element: (
          <RequireAccess resource="programme">
            <PageSuspense>
              <CoveragePage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "dasbor",
        element: (
          <RequireAccess resource="dashboard">
            <PageSuspense>
              <DashboardPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "lapas",
        element: (
          <RequireAccess resource="custody">
            <PageSuspense>
              <CustodyPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "angka-resmi",
        element: (
          <RequireAccess resource="official_figure">
            <PageSuspense>
              <FiguresPage />
            </PageSuspense>
          </RequireAccess>
        ),
      },
      {
        path: "publik",
        element: (
          <PageSuspense>
            <PublicPage />
          </PageSuspense>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
