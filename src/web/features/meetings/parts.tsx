/** Pieces shared by the meetings pages: status badges, pager, load states, exports, actions. */
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { TextAreaField } from "../../components/FormFields";
import type { AsyncState } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import {
  FOLLOW_UP_STATUSES,
  type FollowUp,
  type FollowUpStatus,
  type InputStatus,
  type MeetingKind,
  type Priority,
  updateFollowUp,
} from "./meetings.api";

export function LoadState<T>({
  state,
  children,
}: {
  state: AsyncState<T> & { retry: () => void };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (state.status === "loading")
    return (
      <p role="status" className="muted">
        <span className="spinner" aria-hidden="true" /> {t("status.loading")}
      </p>
    );
  if (state.status === "error")
    return (
      <div role="alert" className="meetings-error">
        <p>{t(errorKey(state.error))}</p>
        <button type="button" className="button" onClick={state.retry}>
          {t("status.retry")}
        </button>
      </div>
    );
  return <>{children(state.data)}</>;
}

export function Pager({
  page,
  total,
  pageSize,
  onPage,
  testId,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="meetings-pager" aria-label={t("meetings.pager.label")} data-testid={testId}>
      <button
        type="button"
        className="button button--quiet"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t("meetings.pager.previous")}
      </button>
      <span>{t("meetings.pager.page", { page, pages })}</span>
      <button
        type="button"
        className="button button--quiet"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t("meetings.pager.next")}
      </button>
    </nav>
  );
}

/** Download links for the current list as CSV and XLSX. */
export function ExportLinks({ url }: { url: (format: "csv" | "xlsx") => string }) {
  const { t } = useTranslation();
  return (
    <span className="meetings-exports">
      {t("meetings.export.label")}{" "}
      <a href={url("csv")} download data-testid="export-csv">
        CSV
      </a>{" "}
      ·{" "}
      <a href={url("xlsx")} download data-testid="export-xlsx">
        XLSX
      </a>
    </span>
  );
}

type Badge =
  | { kind: "input"; value: InputStatus }
  | { kind: "followUp"; value: FollowUpStatus }
  | { kind: "priority"; value: Priority }
  | { kind: "kind"; value: MeetingKind };

export function StatusBadge(badge: Badge) {
  const { t } = useTranslation();
  const label =
    badge.kind === "input"
      ? t(`meetings.input.${badge.value}`)
      : badge.kind === "followUp"
        ? t(`meetings.followUp.${badge.value}`)
        : badge.kind === "priority"
          ? t(`meetings.priority.${badge.value}`)
          : t(`meetings.kind.${badge.value}`);
  return (
    <span className={`meetings-badge meetings-badge--${badge.kind}-${badge.value}`}>{label}</span>
  );
}

export function OverdueFlag({ action }: { action: FollowUp }) {
  const { t } = useTranslation();
  if (!action.overdue) return null;
  return (
    <span className="meetings-overdue" data-testid="overdue-flag">
      {t("meetings.followUp.overdueDays", { count: action.daysOverdue })}
    </span>
  );
}

/**
 * Change an action's status. Dropping asks for confirmation and a reason (required by the
 * server too); marking done is immediate.
 */
export function FollowUpStatusControl({
  action,
  onChanged,
}: {
  action: FollowUp;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  if (!action.actions.includes("update"))
    return <StatusBadge kind="followUp" value={action.status} />;

  async function change(status: FollowUpStatus, dropReason?: string) {
    setBusy(true);
    setError(null);
    try {
      await updateFollowUp(action.id, dropReason ? { status, dropReason } : { status }, csrfToken);
      setDropping(false);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <label className="visually-hidden" htmlFor={`status-${action.id}`}>
        {t("meetings.followUp.statusFor", { title: action.title })}
      </label>
      <select
        id={`status-${action.id}`}
        className="field__select meetings-status-select"
        data-testid="follow-up-status"
        value={action.status}
        disabled={busy}
        onChange={(event) => {
          const next = event.target.value as FollowUpStatus;
          if (next === "dropped") {
            setReason("");
            setReasonError(null);
            setDropping(true);
          } else void change(next);
        }}
      >
        {FOLLOW_UP_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`meetings.followUp.${s}`)}
          </option>
        ))}
      </select>
      {error && !dropping ? (
        <span role="alert" className="field__error">
          {t(errorKey(error))}
        </span>
      ) : null}
      {dropping ? (
        <ConfirmDialog
          title={t("meetings.followUp.dropTitle")}
          confirmLabel={t("meetings.followUp.dropConfirm")}
          busy={busy}
          error={error}
          onCancel={() => setDropping(false)}
          onConfirm={() => {
            if (!reason.trim()) {
              setReasonError(t("meetings.form.required"));
              return;
            }
            void change("dropped", reason.trim());
          }}
        >
          <p>{t("meetings.followUp.dropText", { title: action.title })}</p>
          <TextAreaField
            id={`drop-reason-${action.id}`}
            label={t("meetings.followUp.dropReason")}
            value={reason}
            onValue={(v) => {
              setReason(v);
              setReasonError(null);
            }}
            error={reasonError}
            testId="drop-reason"
            required
          />
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** A table of follow-up actions with owner, due date, overdue flag and status. */
export function FollowUpTable({
  items,
  onChanged,
  showMeeting = true,
  testId = "follow-up-table",
}: {
  items: FollowUp[];
  onChanged: () => void;
  showMeeting?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (
    <div className="meetings-table-wrap">
      <table className="meetings-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("meetings.followUp.title")}</th>
            <th scope="col">{t("meetings.followUp.owner")}</th>
            <th scope="col">{t("meetings.followUp.due")}</th>
            <th scope="col">{t("meetings.followUp.status")}</th>
            {showMeeting ? <th scope="col">{t("meetings.followUp.origin")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr
              key={a.id}
              data-testid="follow-up-row"
              className={a.overdue ? "meetings-row--overdue" : undefined}
            >
              <td>
                {a.title}
                {a.status === "dropped" && a.dropReason ? (
                  <div className="muted">
                    {t("meetings.followUp.droppedBecause", { reason: a.dropReason })}
                  </div>
                ) : null}
              </td>
              <td>
                {a.owner.name}
                {a.assignee ? <div className="muted">{a.assignee.name}</div> : null}
              </td>
              <td>
                {date(a.dueOn)} <OverdueFlag action={a} />
              </td>
              <td>
                <FollowUpStatusControl action={a} onChanged={onChanged} />
              </td>
              {showMeeting ? (
                <td>
                  <Link to={`/rapat/${a.meetingId}`}>{a.meetingTitle}</Link>
                  <div className="muted">{a.inputItemTopic}</div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
