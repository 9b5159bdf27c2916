import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { useSession } from "../auth/session";

/** Tabs between the views of drug-prone area mapping (map, changes, table, rounds). */
export function RiskSubNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  // The map and the table show the same data: switching keeps the city and the round.
  const current = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const name of ["city", "round"]) {
    const value = current.get(name);
    if (value) kept.set(name, value);
  }
  const search = kept.size > 0 ? `?${kept.toString()}` : "";
  const links = [
    { to: `/rawan${search}`, label: t("risk.tabs.map"), testId: "risk-tab-map", end: true },
    {
      to: "/rawan/perubahan",
      label: t("risk.tabs.changes"),
      testId: "risk-tab-changes",
      end: true,
    },
    {
      to: `/rawan/tabel${search}`,
      label: t("risk.tabs.table"),
      testId: "risk-tab-table",
      end: true,
    },
    { to: "/rawan/putaran", label: t("risk.tabs.rounds"), testId: "risk-tab-rounds", end: false },
  ];
  if (!can("assessment", "read")) return null;
  return (
    <nav className="risk-tabs" aria-label={t("risk.tabs.label")}>
      <ul className="risk-tabs__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              className="risk-tabs__link"
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
