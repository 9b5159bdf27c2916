import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useSession } from "../auth/session";
import "../risk/risk.css";

/** Tabs between the registry's pages: clients, registration, figures, break-the-glass review. */
export function RehabSubNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  const links = [
    {
      to: "/rehab",
      label: t("rehab.tabs.clients"),
      testId: "rehab-tab-clients",
      show: can("rehab_client", "read"),
    },
    {
      to: "/rehab/registrasi",
      label: t("rehab.tabs.intake"),
      testId: "rehab-tab-intake",
      show: can("rehab_client", "create"),
    },
    {
      to: "/rehab/angka",
      label: t("rehab.tabs.figures"),
      testId: "rehab-tab-figures",
      show: can("rehab_statistics", "read"),
    },
    {
      to: "/rehab/akses-darurat",
      label: t("rehab.tabs.breakGlass"),
      testId: "rehab-tab-break-glass",
      show: can("rehab_break_glass", "read"),
    },
  ].filter((link) => link.show);
  if (links.length < 2) return null;
  return (
    <nav className="risk-tabs" aria-label={t("rehab.tabs.label")}>
      <ul className="risk-tabs__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end className="risk-tabs__link" data-testid={link.testId}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
