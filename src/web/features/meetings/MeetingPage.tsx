import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { TextAreaField } from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { FollowUpForm, InputItemForm } from "./ItemForms";
import { MeetingForm } from "./MeetingForm";
import {
  ATTACHMENT_ACCEPT,
  type Attachment,
  attachmentUrl,
  deleteAttachment,
  fetchMeeting,
  type InputItem,
  type InputStatus,
  MAX_ATTACHMENT_BYTES,
  type MeetingDetail,
  updateInputItem,
  uploadAttachment,
} from "./meetings.api";
import { FollowUpTable, formatSize, LoadState, StatusBadge } from "./parts";
import "./meetings.css";

/** `/rapat/:id`: a meeting with attendees, minutes, attachments, input items and their actions. */
export function MeetingPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const meeting = useAsyncData(`${id}|${version}`, (signal) => fetchMeeting(id, signal));
  const reload = () => setVersion((v) => v + 1);
  const title = meeting.status === "success" ? meeting.data.title : t("meetings.detail.title");
  return (
    <PageLayout title={title}>
      <p>
        <Link to="/rapat">{t("meetings.detail.back")}</Link>
      </p>
      <LoadState state={meeting}>
        {(data) => <MeetingBody meeting={data} reload={reload} />}
      </LoadState>
    </PageLayout>
  );
}

function MeetingBody({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [editing, setEditing] = useState(false);
  const [addingItem, setAddingItem] = useState(false);
  const [actionFor, setActionFor] = useState<InputItem | null>(null);
  const canUpdate = meeting.actions.includes("update");
  const canCreate = meeting.actions.includes("create");
  const canCreateAction = meeting.followUpActions.includes("create");

  return (
    <>
      <section className="meetings-facts" aria-label={t("meetings.detail.facts")}>
        <dl>
          <dt>{t("meetings.field.heldOn")}</dt>
          <dd data-testid="meeting-held-on">
            {date(meeting.heldOn)}
            {meeting.startTime ? `, ${meeting.startTime}` : ""}
          </dd>
          <dt>{t("meetings.field.kind")}</dt>
          <dd>
            <StatusBadge kind="kind" value={meeting.kind} />
          </dd>
          <dt>{t("meetings.field.place")}</dt>
          <dd>{meeting.place || "–"}</dd>
          <dt>{t("meetings.field.organiser")}</dt>
          <dd>{meeting.organiser.name}</dd>
          <dt>{t("meetings.field.areaCode")}</dt>
          <dd>
            {meeting.areaName ?? ""} <span className="mono">{meeting.areaCode}</span>
          </dd>
        </dl>
        {canUpdate ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setEditing(true)}
            data-testid="meeting-edit"
          >
            {t("meetings.detail.edit")}
          </button>
        ) : null}
      </section>

      <section aria-labelledby="attendees-h">
        <h2 id="attendees-h">{t("meetings.field.attendees")}</h2>
        {meeting.attendees.length === 0 ? (
          <p className="muted">{t("meetings.detail.noAttendees")}</p>
        ) : (
          <ul className="meetings-chips" data-testid="meeting-attendees">
            {meeting.attendees.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="minutes-h">
        <h2 id="minutes-h">{t("meetings.field.minutes")}</h2>
        {meeting.minutes ? (
          <div className="meetings-minutes">{meeting.minutes}</div>
        ) : (
          <p className="muted">{t("meetings.detail.noMinutes")}</p>
        )}
      </section>

      <Attachments meeting={meeting} canUpdate={canUpdate} reload={reload} />

      <section aria-labelledby="items-h">
        <div className="meetings-section-head">
          <h2 id="items-h">
            {t("meetings.detail.inputItems", { count: meeting.inputItems.length })}
          </h2>
          {canCreate ? (
            <button
              type="button"
              className="button"
              onClick={() => setAddingItem(true)}
              data-testid="item-add"
            >
              {t("meetings.item.add")}
            </button>
          ) : null}
        </div>
        {meeting.inputItems.length === 0 ? (
          <p className="muted" data-testid="items-empty">
            {t("meetings.detail.noItems")}
          </p>
        ) : (
          <ol className="meetings-items" data-testid="input-items">
            {meeting.inputItems.map((item) => (
              <li key={item.id} className="meetings-item" data-testid="input-item">
                <div className="meetings-item__head">
                  <h3>{item.topic}</h3>
                  <StatusBadge kind="priority" value={item.priority} />
                  <span data-testid="item-status">
                    <StatusBadge kind="input" value={item.status} />
                  </span>
                </div>
                <p className="muted">
                  {t("meetings.item.raisedByLine", {
                    who: [item.raisedByOrganisation?.name, item.raisedBy]
                      .filter(Boolean)
                      .join(", "),
                  })}
                  {item.areas.length > 0 ? ` · ${item.areas.map((a) => a.name).join(", ")}` : ""}
                  {item.locations.length > 0
                    ? ` · ${item.locations.map((l) => l.name).join(", ")}`
                    : ""}
                </p>
                {item.description ? <p>{item.description}</p> : null}
                {item.status === "declined" && item.declineReason ? (
                  <p className="muted">
                    {t("meetings.item.declinedBecause", { reason: item.declineReason })}
                  </p>
                ) : null}
                <div className="meetings-item__tools">
                  {canCreateAction && item.status !== "declined" ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setActionFor(item)}
                      data-testid="item-to-action"
                    >
                      {t("meetings.item.toAction")}
                    </button>
                  ) : null}
                  {canUpdate ? <ItemStatusControl item={item} onChanged={reload} /> : null}
                </div>
                {item.followUps.length > 0 ? (
                  <FollowUpTable
                    items={item.followUps}
                    onChanged={reload}
                    showMeeting={false}
                    testId="item-follow-ups"
                  />
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      {editing ? (
        <MeetingForm
          meeting={meeting}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      ) : null}
      {addingItem ? (
        <InputItemForm
          meetingId={meeting.id}
          onClose={() => setAddingItem(false)}
          onSaved={() => {
            setAddingItem(false);
            reload();
          }}
        />
      ) : null}
      {actionFor ? (
        <FollowUpForm
          item={actionFor}
          onClose={() => setActionFor(null)}
          onSaved={() => {
            setActionFor(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}

/** What became of an input item: accepted, programme, declined (with a confirmed reason). */
function ItemStatusControl({ item, onChanged }: { item: InputItem; onChanged: () => void }) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const choices: InputStatus[] = ["open", "accepted", "action", "programme", "declined"];

  async function change(status: InputStatus, declineReason?: string) {
    setBusy(true);
    setError(null);
    try {
      await updateInputItem(
        item.id,
        declineReason ? { status, declineReason } : { status },
        csrfToken,
      );
      setDeclining(false);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <label className="visually-hidden" htmlFor={`item-status-${item.id}`}>
        {t("meetings.item.statusFor", { topic: item.topic })}
      </label>
      <select
        id={`item-status-${item.id}`}
        className="field__select meetings-status-select"
        value={item.status}
        disabled={busy}
        onChange={(event) => {
          const next = event.target.value as InputStatus;
          if (next === "declined") {
            setReason("");
            setReasonError(null);
            setDeclining(true);
          } else void change(next);
        }}
      >
        {choices.map((s) => (
          <option key={s} value={s}>
            {t(`meetings.input.${s}`)}
          </option>
        ))}
      </select>
      {error && !declining ? (
        <span role="alert" className="field__error">
          {t(errorKey(error))}
        </span>
      ) : null}
      {declining ? (
        <ConfirmDialog
          title={t("meetings.item.declineTitle")}
          confirmLabel={t("meetings.item.declineConfirm")}
          busy={busy}
          error={error}
          onCancel={() => setDeclining(false)}
          onConfirm={() => {
            if (!reason.trim()) {
              setReasonError(t("meetings.form.required"));
              return;
            }
            void change("declined", reason.trim());
          }}
        >
          <TextAreaField
            id={`decline-${item.id}`}
            label={t("meetings.item.declineReason")}
            value={reason}
            onValue={(v) => {
              setReason(v);
              setReasonError(null);
            }}
            error={reasonError}
            required
          />
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function Attachments({
  meeting,
  canUpdate,
  reload,
}: {
  meeting: MeetingDetail;
  canUpdate: boolean;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { csrfToken } = useSession();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);

  async function upload(file: File) {
    setUploadError(null);
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setUploadError(t("meetings.attachment.tooLarge"));
      return;
    }
    setUploading(true);
    try {
      await uploadAttachment(meeting.id, file, csrfToken);
      reload();
    } catch (error) {
      setUploadError(t(errorKey(error)));
    } finally {
      setUploading(false);
      if (inputRef.current) inputRef.current.value = "";
    }
  }

  return (
    <section aria-labelledby="attachments-h">
      <h2 id="attachments-h">{t("meetings.attachment.heading")}</h2>
      {meeting.attachments.length === 0 ? (
        <p className="muted">{t("meetings.attachment.none")}</p>
      ) : (
        <ul className="meetings-attachments" data-testid="attachments">
          {meeting.attachments.map((a) => (
            <li key={a.id}>
              <a href={attachmentUrl(meeting.id, a.id)} download={a.fileName}>
                {a.fileName}
              </a>{" "}
              <span className="muted">
                {formatSize(a.sizeBytes)} · {dateTime(a.createdAt)}
              </span>{" "}
              {canUpdate ? (
                <button
                  type="button"
                  className="button button--danger-quiet button--small"
                  onClick={() => {
                    setRemoveError(null);
                    setRemoving(a);
                  }}
                  aria-label={t("meetings.attachment.removeAria", { name: a.fileName })}
                >
                  {t("meetings.attachment.remove")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canUpdate ? (
        <div className="field">
          <label className="field__label" htmlFor="attachment-file">
            {t("meetings.attachment.add")}
          </label>
          <input
            ref={inputRef}
            id="attachment-file"
            type="file"
            accept={ATTACHMENT_ACCEPT}
            disabled={uploading}
            aria-describedby="attachment-hint"
            data-testid="attachment-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <div id="attachment-hint" className="field__hint">
            {uploading ? t("meetings.attachment.uploading") : t("meetings.attachment.hint")}
          </div>
          <FormAlert message={uploadError} testId="attachment-error" />
        </div>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t("meetings.attachment.removeTitle")}
          confirmLabel={t("meetings.attachment.remove")}
          busy={removeBusy}
          error={removeError}
          onCancel={() => setRemoving(null)}
          onConfirm={async () => {
            setRemoveBusy(true);
            try {
              await deleteAttachment(meeting.id, removing.id, csrfToken);
              setRemoving(null);
              reload();
            } catch (error) {
              setRemoveError(error);
            } finally {
              setRemoveBusy(false);
            }
          }}
        >
          <p>{t("meetings.attachment.removeText", { name: removing.fileName })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
