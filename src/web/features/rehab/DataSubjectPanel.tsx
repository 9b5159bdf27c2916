import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { SelectField, TextAreaField, TextField } from "../../components/FormFields";
import { Modal } from "../../components/Modal";
import { useSession } from "../auth/session";
import { useRehabError, useRehabLabels } from "./labels";
import { eraseClient, exportClient } from "./rehab.api";
import { ERASURE_BASES } from "./vocab";

/**
 * Data-subject requests (UU 27/2022): download everything held about the client, or erase
 * the identity on a lawful request. Erasing asks for the basis, a note, and the client's code
 * typed again.
 */
export function DataSubjectPanel({
  clientId,
  code,
  canExport,
  canErase,
  onErased,
}: {
  clientId: string;
  code: string;
  canExport: boolean;
  canErase: boolean;
  onErased: () => void;
}) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const labels = useRehabLabels();
  const errorText = useRehabError();
  const [open, setOpen] = useState<"erase" | "export" | null>(null);
  const [basis, setBasis] = useState("");
  const [note, setNote] = useState("");
  const [typed, setTyped] = useState("");
  const [problems, setProblems] = useState<{ basis?: string; note?: string; typed?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!canExport && !canErase) return null;

  const close = () => {
    setOpen(null);
    setBasis("");
    setNote("");
    setTyped("");
    setProblems({});
    setError(null);
  };
  const submit = async () => {
    const found: typeof problems = {};
    if (!basis) found.basis = t("rehab.intake.errors.required");
    if (note.trim().length < 3) found.note = t("rehab.intake.errors.required");
    if (typed.trim().toUpperCase() !== code) found.typed = t("rehab.dataSubject.typeMismatch");
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await eraseClient(csrfToken, clientId, { basis, reference: note.trim() });
      close();
      onErased();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card danger-zone" aria-labelledby="data-subject-title">
      <h2 id="data-subject-title" className="section-title">
        {t("rehab.dataSubject.title")}
      </h2>
      <p className="muted">{t("rehab.dataSubject.intro")}</p>
      <div className="form-actions">
        {canExport ? (
          <button
            type="button"
            className="button button--quiet"
            data-testid="client-export"
            onClick={() => setOpen("export")}
          >
            {t("rehab.dataSubject.export")}
          </button>
        ) : null}
        {canErase ? (
          <button
            type="button"
            className="button button--danger-quiet"
            data-testid="client-erase"
            onClick={() => setOpen("erase")}
          >
            {t("rehab.dataSubject.erase")}
          </button>
        ) : null}
      </div>
      {open === "export" ? (
        <Modal
          title={t("rehab.dataSubject.exportTitle", { code })}
          onClose={close}
          testId="export-dialog"
        >
          <form
            className="form"
            noValidate
            autoComplete="off"
            onSubmit={async (event) => {
              event.preventDefault();
              if (busy) return;
              if (note.trim().length < 5) {
                setProblems({ note: t("rehab.dataSubject.reasonTooShort") });
                return;
              }
              setBusy(true);
              setError(null);
              try {
                const data = await exportClient(csrfToken, clientId, note.trim());
                // Handed straight to the browser as a file: nothing is kept in the page.
                const url = URL.createObjectURL(
                  new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }),
                );
                const link = document.createElement("a");
                link.href = url;
                link.download = `${code}-data.json`;
                link.click();
                setTimeout(() => URL.revokeObjectURL(url), 1000);
                close();
              } catch (caught) {
                setError(caught);
              } finally {
                setBusy(false);
              }
            }}
          >
            <p>{t("rehab.dataSubject.exportText")}</p>
            <TextAreaField
              id="export-reason"
              label={t("rehab.dataSubject.exportReason")}
              testId="export-reason"
              maxLength={500}
              value={note}
              error={problems.note}
              data-autofocus
              onValue={setNote}
            />
            <FormAlert message={error ? errorText(error) : null} testId="export-error" />
            <div className="form-actions">
              <button
                type="submit"
                className="button"
                data-testid="export-submit"
                aria-busy={busy}
                aria-disabled={busy}
              >
                {busy ? t("form.working") : t("rehab.dataSubject.exportConfirm")}
              </button>
              <button type="button" className="button button--quiet" onClick={close}>
                {t("form.cancel")}
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
      {open === "erase" ? (
        <Modal
          title={t("rehab.dataSubject.eraseTitle", { code })}
          onClose={close}
          testId="erase-dialog"
          alert
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
            <p className="notice notice--error">{t("rehab.dataSubject.eraseWarning")}</p>
            <SelectField
              id="erase-basis"
              label={t("rehab.dataSubject.basis")}
              testId="erase-basis"
              value={basis}
              error={problems.basis}
              data-autofocus
              onValue={(value) => setBasis(value)}
            >
              <option value="">{t("rehab.choose")}</option>
              {ERASURE_BASES.map((b) => (
                <option key={b} value={b}>
                  {labels.erasureBasis(b)}
                </option>
              ))}
            </SelectField>
            <TextField
              id="erase-note"
              label={t("rehab.dataSubject.reference")}
              hint={t("rehab.dataSubject.referenceHint")}
              testId="erase-note"
              maxLength={200}
              value={note}
              error={problems.note}
              onValue={setNote}
            />
            <TextField
              id="erase-confirm"
              label={t("rehab.dataSubject.typeCode", { code })}
              testId="erase-confirm"
              className="mono"
              autoComplete="off"
              value={typed}
              error={problems.typed}
              onValue={setTyped}
            />
            <FormAlert message={error ? errorText(error) : null} testId="erase-error" />
            <div className="form-actions">
              <button
                type="submit"
                className="button button--danger"
                data-testid="erase-submit"
                aria-busy={busy}
                aria-disabled={busy}
              >
                {busy ? t("form.working") : t("rehab.dataSubject.eraseConfirm")}
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
