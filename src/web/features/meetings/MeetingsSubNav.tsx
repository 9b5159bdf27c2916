import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useSession } from "../auth/session";

/** Tabs between meetings, my actions, all actions and the weekly digest. */
export function MeetingsSubNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  const links = [
    {
      to: "/rapat",
      label: t("meetings.nav.meetings"),
      show: can("meeting", "read"),
      testId: "sub-meetings",
    },
    {
      to: "/tindak-lanjut",
      label: t("meetings.nav.mine"),
      show: can("follow_up", "read"),
      testId: "sub-mine",
    },
    {
      to: "/tindak-lanjut/semua",
      label: t("meetings.nav.all"),
      show: can("follow_up", "read"),
      testId: "sub-all",
    },
    {
      to: "/tindak-lanjut/mingguan",
      label: t("meetings.nav.digest"),
      show: can("follow_up", "read"),
      testId: "sub-digest",
    },
  ];
  return (
    <nav className="meetings-subnav" aria-label={t("meetings.nav.label")}>
      {links
        .filter((l) => l.show)
        .map((l) => (
          <NavLink
            key={l.to}
            to={l.to}
            end
            className="meetings-subnav__link"
            data-testid={l.testId}
          >
            {l.label}
          </NavLink>
        ))}
    </nav>
  );
}
