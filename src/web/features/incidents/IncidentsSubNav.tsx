import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useSession } from "../auth/session";

/** Tabs between the incident views: map, list, import (when the person may create). */
export function IncidentsSubNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  const links = [
    { to: "/insiden", label: t("incidents.tabs.map"), testId: "incidents-tab-map", show: true },
    {
      to: "/insiden/daftar",
      label: t("incidents.tabs.list"),
      testId: "incidents-tab-list",
      show: true,
    },
    {
      to: "/insiden/impor",
      label: t("incidents.tabs.import"),
      testId: "incidents-tab-import",
      show: can("incident", "create"),
    },
  ];
  return (
    <nav className="incidents-tabs" aria-label={t("incidents.tabs.label")}>
      <ul className="incidents-tabs__list">
        {links
          .filter((l) => l.show)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end className="incidents-tabs__link" data-testid={link.testId}>
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
