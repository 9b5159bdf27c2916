import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useSession } from "../auth/session";
import "./programmes.css";

/** Links between the programme pages. */
export function ProgrammesSubNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  const links = [
    { to: "/program", label: t("programmes.nav.programmes"), show: can("programme", "read") },
    { to: "/kegiatan", label: t("programmes.nav.activities"), show: can("activity", "read") },
    {
      to: "/siapa-di-mana",
      label: t("programmes.nav.whoWhatWhere"),
      show: can("activity", "read"),
    },
    { to: "/cakupan", label: t("programmes.nav.coverage"), show: can("programme", "read") },
    {
      to: "/program/jenis-kegiatan",
      label: t("programmes.nav.types"),
      show: can("activity_type", "read"),
    },
  ];
  return (
    <nav className="prog-tabs" aria-label={t("programmes.nav.label")}>
      <ul className="prog-tabs__list">
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end className="prog-tabs__link">
                {l.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
