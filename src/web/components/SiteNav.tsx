import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useSession } from "../features/auth/session";

/** Links to the pages the person may open: the map always, the rest by permission. */
export function SiteNav() {
  const { t } = useTranslation();
  const { can, user } = useSession();
  const links: { to: string; label: string; testId: string; show: boolean; end?: boolean }[] = [
    { to: "/", label: t("nav.map"), testId: "nav-map", show: true },
    {
      to: "/dasbor",
      label: t("know.dashboard.nav"),
      testId: "nav-dashboard",
      show: can("dashboard", "read"),
    },
    {
      to: "/lapas",
      label: t("know.custody.nav"),
      testId: "nav-custody",
      show: can("custody", "read"),
    },
    {
      to: "/angka-resmi",
      label: t("know.figures.nav"),
      testId: "nav-figures",
      show: can("official_figure", "read"),
    },
    // Signed-out visitors: the public page (aggregates only, small counts suppressed).
    { to: "/publik", label: t("know.public.nav"), testId: "nav-public", show: !user },
    {
      to: "/laporan",
      label: t("know.reports.nav"),
      testId: "nav-reports",
      show: can("report", "read"),
    },
    {
      to: "/rawan",
      label: t("nav.risk"),
      testId: "nav-risk",
      show: can("assessment", "read"),
      // Stays marked on the other views of the risk map (/rawan/tabel, ...).
      end: false,
    },
    {
      to: "/insiden",
      label: t("incidents.nav"),
      testId: "nav-incidents",
      show: can("incident", "read"),
      end: false,
    },
    {
      to: "/rapat",
      label: t("meetings.nav.main"),
      testId: "nav-meetings",
      show: can("meeting", "read") || can("follow_up", "read"),
      end: false,
    },
    {
      to: "/program",
      label: t("programmes.nav.main"),
      testId: "nav-programmes",
      show: can("programme", "read"),
      end: false,
    },
    {
      to: "/lokasi",
      label: t("nav.locations"),
      testId: "nav-locations",
      show: can("named_location", "read"),
    },
    {
      // Clinicians land on their clients; readers of figures only on the figures.
      to: can("rehab_client", "read") ? "/rehab" : "/rehab/angka",
      label: t("rehab.nav"),
      testId: "nav-rehab",
      show: can("rehab_client", "read") || can("rehab_statistics", "read"),
      end: false,
    },
    {
      to: "/admin/organisasi",
      label: t("nav.organisations"),
      testId: "nav-organisations",
      show: can("organisation", "read"),
    },
    {
      to: "/admin/pengguna",
      label: t("nav.users"),
      testId: "nav-users",
      show: can("user", "read"),
    },
    {
      to: "/admin/audit",
      label: t("nav.audit"),
      testId: "nav-audit",
      show: can("audit_event", "read"),
    },
    {
      to: "/admin/aturan",
      label: t("nav.rules"),
      testId: "nav-rules",
      show: can("risk_config", "read"),
    },
  ];
  return (
    <nav className="site-nav" aria-label={t("nav.label")}>
      <ul className="site-nav__list">
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li key={link.to}>
              <NavLink
                to={link.to}
                end={link.end ?? true}
                className="site-nav__link"
                data-testid={link.testId}
              >
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
