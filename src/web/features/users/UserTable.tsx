import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { useRoleLabel } from "../admin/labels";
import { useSession } from "../auth/session";
import type { User } from "./users.api";

interface UserTableProps {
  users: User[];
  loading: boolean;
  busy: boolean;
  onEdit: (user: User) => void;
  onDeactivate: (user: User) => void;
  onActivate: (user: User) => void;
  onReinvite: (user: User) => void;
}

/** People with role, organisation, scope, status and the actions the record allows. */
export function UserTable({ users, loading, busy, ...on }: UserTableProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { dateTime } = useFormat();
  const { user: me } = useSession();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="user-table" aria-busy={loading}>
        <caption id="user-caption" className="visually-hidden">
          {t("users.title")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.role")}</th>
            <th scope="col">{t("users.organisation")}</th>
            <th scope="col">{t("users.scope")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{t("table.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const lockedUntil =
              user.lockedUntil && new Date(user.lockedUntil) > new Date() ? user.lockedUntil : null;
            const toggle = user.active
              ? user.id !== me?.id && user.actions.includes("deactivate")
              : user.actions.includes("update");
            return (
              <tr key={user.id} data-testid="user-row" data-id={user.id}>
                <th scope="row" className="table__primary">
                  {user.name}
                  <span className="table__sub muted">{user.email}</span>
                </th>
                <td>{roleLabel(user.role)}</td>
                <td>{user.organisationName}</td>
                <td>
                  {user.scopeName ?? "—"} <span className="muted mono">{user.scope}</span>
                </td>
                <td>
                  <span className={user.active ? "badge" : "badge badge--off"}>
                    {user.active ? t("table.active") : t("table.inactive")}
                  </span>
                  {user.active && !user.hasPassword ? (
                    <span className="badge badge--pending">{t("users.pending")}</span>
                  ) : null}
                  {lockedUntil ? (
                    <span className="badge badge--warn" data-testid="user-locked">
                      {t("users.lockedUntil", { date: dateTime(lockedUntil) })}
                    </span>
                  ) : null}
                </td>
                <td className="table__actions">
                  {user.actions.includes("update") ? (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      data-testid="user-edit"
                      aria-label={t("users.editNamed", { name: user.name })}
                      onClick={() => on.onEdit(user)}
                    >
                      {t("form.edit")}
                    </button>
                  ) : null}
                  {user.active && !user.hasPassword && user.actions.includes("create") ? (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      data-testid="user-reinvite"
                      aria-disabled={busy}
                      aria-label={t("users.reinviteNamed", { name: user.name })}
                      onClick={() => on.onReinvite(user)}
                    >
                      {t("users.reinvite")}
                    </button>
                  ) : null}
                  {toggle ? (
                    // One button for both states, so focus stays on it when the row changes.
                    <button
                      key="toggle"
                      type="button"
                      className={
                        user.active
                          ? "button button--danger-quiet button--small"
                          : "button button--quiet button--small"
                      }
                      data-testid={user.active ? "user-deactivate" : "user-activate"}
                      aria-disabled={busy && !user.active}
                      aria-label={
                        user.active
                          ? t("users.deactivateNamed", { name: user.name })
                          : t("users.activateNamed", { name: user.name })
                      }
                      onClick={() => (user.active ? on.onDeactivate(user) : on.onActivate(user))}
                    >
                      {user.active ? t("users.deactivate") : t("users.activate")}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
