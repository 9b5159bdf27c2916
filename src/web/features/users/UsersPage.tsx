import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../domain/access/roles";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ExportButtons } from "../../components/ExportButtons";
import { FormAlert } from "../../components/FormAlert";
import { Modal } from "../../components/Modal";
import { PageLayout } from "../../components/PageLayout";
import { errorKey, queryString } from "../../lib/http";
import { FilterBar, SearchField, SelectFilter } from "../admin/Filters";
import { ListStatus } from "../admin/ListStatus";
import { useRoleLabel } from "../admin/labels";
import { PAGE_SIZE, useListParams, usePagedList } from "../admin/list";
import { Pagination } from "../admin/Pagination";
import { useSession } from "../auth/session";
import { InvitationLink } from "./InvitationLink";
import { InviteForm } from "./InviteForm";
import { UserEditForm } from "./UserEditForm";
import { UserTable } from "./UserTable";
import { type Invitation, reissueInvitation, type User, updateUser } from "./users.api";
import "../admin/admin.css";

const FILTERS = ["q", "role", "active"] as const;

type Dialog =
  | { kind: "invite" }
  | { kind: "edit"; user: User }
  | { kind: "link"; user: User; invitation: Invitation }
  | { kind: "deactivate"; user: User };

/** `/admin/pengguna`: people, filterable; invite, edit, deactivate, re-issue invitations. */
export function UsersPage() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { can, csrfToken } = useSession();
  const { values, page, update } = useListParams(FILTERS);
  const path = `/api/users${queryString({ ...values, page, pageSize: PAGE_SIZE })}`;
  const list = usePagedList<User>(path);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [note, setNote] = useState("");

  const close = (): void => {
    setDialog(null);
    setFailure(null);
  };
  const finish = (message: string): void => {
    close();
    setNote(message);
    list.retry();
  };
  const run = async (action: () => Promise<void>): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setNote("");
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const deactivate = (user: User) =>
    run(async () => {
      await updateUser(csrfToken, user.id, { active: false });
      finish(t("users.deactivated", { name: user.name }));
    });
  const activate = (user: User) =>
    run(async () => {
      await updateUser(csrfToken, user.id, { active: true });
      finish(t("users.activated", { name: user.name }));
    });
  const reinvite = (user: User) =>
    run(async () => {
      const answer = await reissueInvitation(csrfToken, user.id);
      setDialog({ kind: "link", user: answer.user, invitation: answer.invitation });
    });

  return (
    <PageLayout
      title={t("users.title")}
      actions={
        <>
          <ExportButtons
            path="/api/users/export"
            params={values}
            subject={t("users.title")}
            testId="user-export"
          />
          {can("user", "create") ? (
            <button
              type="button"
              className="button"
              data-testid="user-invite"
              onClick={() => {
                setNote("");
                setDialog({ kind: "invite" });
              }}
            >
              {t("users.invite")}
            </button>
          ) : null}
        </>
      }
    >
      <FilterBar label={t("users.filters")}>
        <SearchField id="user-search" value={values.q} onSearch={(q) => update({ q })} />
        <SelectFilter
          id="user-filter-role"
          label={t("users.role")}
          value={values.role}
          onValue={(role) => update({ role })}
          options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
        />
        <SelectFilter
          id="user-filter-active"
          label={t("table.status")}
          value={values.active}
          onValue={(active) => update({ active })}
          options={[
            { value: "true", label: t("table.active") },
            { value: "false", label: t("table.inactive") },
          ]}
        />
      </FilterBar>
      <p className="saved-note" role="status" aria-live="polite">
        {note}
      </p>
      {dialog?.kind !== "deactivate" ? (
        <FormAlert testId="user-action-error" message={failure ? t(errorKey(failure)) : null} />
      ) : null}
      <ListStatus state={list.state} empty={list.data?.items.length === 0} onRetry={list.retry} />
      {list.data && list.data.items.length > 0 ? (
        <>
          <UserTable
            users={list.data.items}
            loading={list.state.status === "loading"}
            busy={busy}
            onEdit={(user) => setDialog({ kind: "edit", user })}
            onDeactivate={(user) => {
              setFailure(null);
              setDialog({ kind: "deactivate", user });
            }}
            onActivate={(user) => void activate(user)}
            onReinvite={(user) => void reinvite(user)}
          />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      ) : null}
      {dialog?.kind === "invite" ? (
        <Modal key="invite" title={t("users.inviteTitle")} onClose={close} testId="invite-dialog">
          <InviteForm
            onInvited={(user, invitation) => {
              setDialog({ kind: "link", user, invitation });
              list.retry();
            }}
            onCancel={close}
          />
        </Modal>
      ) : null}
      {dialog?.kind === "link" ? (
        <Modal key="link" title={t("users.linkTitle")} onClose={close} testId="invitation-dialog">
          <InvitationLink user={dialog.user} invitation={dialog.invitation} onDone={close} />
        </Modal>
      ) : null}
      {dialog?.kind === "edit" ? (
        <Modal key="edit" title={t("users.editTitle")} onClose={close} testId="user-dialog">
          <UserEditForm
            user={dialog.user}
            onSaved={(user) => finish(t("users.saved", { name: user.name }))}
            onCancel={close}
          />
        </Modal>
      ) : null}
      {dialog?.kind === "deactivate" ? (
        <ConfirmDialog
          title={t("users.deactivateTitle")}
          confirmLabel={t("users.deactivate")}
          busy={busy}
          error={failure}
          onConfirm={() => void deactivate(dialog.user)}
          onCancel={close}
        >
          <p>{t("users.deactivateText", { name: dialog.user.name, email: dialog.user.email })}</p>
          <p className="muted">{t("users.deactivateNote")}</p>
        </ConfirmDialog>
      ) : null}
    </PageLayout>
  );
}
