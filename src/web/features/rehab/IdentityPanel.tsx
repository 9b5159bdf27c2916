import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { SelectField, TextAreaField } from "../../components/FormFields";
import { Modal } from "../../components/Modal";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { useSession } from "../auth/session";
import { useRehabError, useRehabLabels } from "./labels";
import { type ClientIdentity, fetchIdentityViews, revealIdentity } from "./rehab.api";
import { IDENTITY_REASONS } from "./vocab";

/** Who saw this client's identity, when and why (loaded when opened). */
function IdentityViews({ clientId, version }: { clientId: string; version: number }) {
  const { t } = useTranslation();
  const labels = useRehabLabels();
  const format = useFormat();
  const errorText = useRehabError();
  const [open, setOpen] = useState(false);
  const views = useAsyncData(open ? `identity-views|${clientId}|${version}` : null, (signal) =>
    fetchIdentityViews(clientId, signal),
  );
  return (
    <details
      className="identity-views"
      data-testid="identity-views"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t("rehab.identityView.history")}</summary>
      {open && views.status === "loading" ? <p className="muted">{t("rehab.loading")}</p> : null}
      {open && views.status === "error" ? (
        <p className="field__error">{errorText(views.error)}</p>
      ) : null}
      {open && views.status === "success" ? (
        views.data.items.length === 0 ? (
          <p className="muted">{t("rehab.identityView.historyEmpty")}</p>
        ) : (
          <ul className="plain-list">
            {views.data.items.map((v) => (
              <li key={v.id} data-testid="identity-view">
                {format.dateTime(v.viewedAt)} · <strong>{v.userName}</strong> ·{" "}
                {labels.reason(v.reasonCode)}
                {v.breakGlass ? ` · ${t("rehab.identityView.viaBreakGlass")}` : ""}
                <span className="table__sub muted">{v.reason}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </details>
  );
}

/** How long revealed identity stays on screen before it hides itself. */
const SHOW_FOR_MS = 120_000;

/**
 * "Show identity": asks for a reason (recorded in the audit log with the view), then shows
 * the identity in this component's state only. It hides again after two minutes, when the tab
 * is left, on "hide", and on leaving the page; nothing is cached or kept in the history.
 */
export function IdentityPanel({ clientId, code }: { clientId: string; code: string }) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const labels = useRehabLabels();
  const format = useFormat();
  const errorText = useRehabError();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<{ reason?: string; note?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [identity, setIdentity] = useState<ClientIdentity | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!identity) return;
    const timer = window.setTimeout(() => setIdentity(null), SHOW_FOR_MS);
    const onHide = () => {
      if (document.visibilityState === "hidden") setIdentity(null);
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [identity]);

  // A different client on the same page component: forget what was shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the client changes
  useEffect(() => {
    setIdentity(null);
    setAsking(false);
  }, [clientId]);

  const close = () => {
    setAsking(false);
    setReason("");
    setNote("");
    setProblems({});
    setError(null);
  };

  const submit = async () => {
    const found: typeof problems = {};
    if (!reason) found.reason = t("rehab.intake.errors.required");
    if (note.trim().length < 10) found.note = t("rehab.identityView.noteTooShort");
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const shown = await revealIdentity(csrfToken, clientId, {
        reasonCode: reason,
        reason: note.trim(),
      });
      close();
      setIdentity(shown.identity);
      setVersion((n) => n + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card identity-panel" aria-labelledby="identity-title">
      <h2 id="identity-title" className="section-title">
        {t("rehab.identityView.title")}
      </h2>
      {identity ? (
        <div data-testid="identity-shown">
          <p className="muted">{t("rehab.identityView.shownNote")}</p>
          <dl className="facts">
            <div>
              <dt>{t("rehab.identity.fullName")}</dt>
              <dd data-testid="identity-name">{identity.fullName ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("rehab.identity.nik")}</dt>
              <dd className="mono" data-testid="identity-nik">
                {identity.nik ?? "—"}
              </dd>
            </div>
            <div>
              <dt>{t("rehab.identity.birthDate")}</dt>
              <dd>{identity.dateOfBirth ? format.date(identity.dateOfBirth) : "—"}</dd>
            </div>
            <div>
              <dt>{t("rehab.identity.phone")}</dt>
              <dd>{identity.phone || "—"}</dd>
            </div>
            <div>
              <dt>{t("rehab.identity.address")}</dt>
              <dd>{identity.address || "—"}</dd>
            </div>
          </dl>
          <button
            type="button"
            className="button button--quiet"
            data-testid="identity-hide"
            onClick={() => setIdentity(null)}
          >
            {t("rehab.identityView.hide")}
          </button>
        </div>
      ) : (
        <>
          <p className="muted">{t("rehab.identityView.hiddenNote")}</p>
          <button
            type="button"
            className="button"
            data-testid="identity-show"
            onClick={() => setAsking(true)}
          >
            {t("rehab.identityView.show")}
          </button>
        </>
      )}
      <IdentityViews clientId={clientId} version={version} />
      {asking ? (
        <Modal
          title={t("rehab.identityView.dialogTitle", { code })}
          onClose={close}
          testId="identity-dialog"
        >
          <form
            className="form"
            noValidate
            autoComplete="off"
            onSubmit={(event) => {
              event.preventDefault();
              if (!busy) void submit();
            }}
          >
            <p>{t("rehab.identityView.dialogText")}</p>
            <SelectField
              id="identity-reason"
              label={t("rehab.identityView.reason")}
              testId="identity-reason"
              value={reason}
              error={problems.reason}
              data-autofocus
              onValue={(value) => {
                setReason(value);
                setProblems((p) => ({ ...p, reason: undefined }));
              }}
            >
              <option value="">{t("rehab.choose")}</option>
              {IDENTITY_REASONS.map((r) => (
                <option key={r} value={r}>
                  {labels.reason(r)}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              id="identity-note"
              label={t("rehab.identityView.note")}
              hint={t("rehab.identityView.noteHint")}
              testId="identity-note"
              maxLength={500}
              value={note}
              error={problems.note}
              onValue={(value) => {
                setNote(value);
                setProblems((p) => ({ ...p, note: undefined }));
              }}
            />
            <FormAlert message={error ? errorText(error) : null} testId="identity-error" />
            <div className="form-actions">
              <button
                type="submit"
                className="button"
                data-testid="identity-confirm"
                aria-busy={busy}
                aria-disabled={busy}
              >
                {busy ? t("form.working") : t("rehab.identityView.confirm")}
              </button>
              <button type="button" className="button button--quiet" onClick={close}>
                {t("form.cancel")}
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </section>
  );
}
