import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { TextAreaField, TextField } from "../../components/FormFields";
import { useSession } from "../auth/session";
import { useRehabError } from "./labels";
import { type BreakGlassGrant, openBreakGlass } from "./rehab.api";

/**
 * Emergency access ("break the glass") to a client outside the supervisor's scope, by the
 * client's code: a reason, a few hours of read-only access, flagged for review.
 */
export function BreakGlassForm({
  initialCode = "",
  onGranted,
}: {
  initialCode?: string;
  onGranted: (grant: BreakGlassGrant) => void;
}) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const errorText = useRehabError();
  const [code, setCode] = useState(initialCode);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<{ code?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="card" aria-labelledby="break-glass-title" data-testid="break-glass">
      <h2 id="break-glass-title" className="section-title">
        {t("rehab.breakGlass.title")}
      </h2>
      <p>{t("rehab.breakGlass.intro")}</p>
      <form
        className="form"
        noValidate
        autoComplete="off"
        onSubmit={async (event) => {
          event.preventDefault();
          if (busy) return;
          const found: typeof problems = {};
          if (code.trim().length < 4) found.code = t("rehab.intake.errors.required");
          if (reason.trim().length < 20) found.reason = t("rehab.breakGlass.reasonTooShort");
          setProblems(found);
          if (Object.keys(found).length > 0) return;
          setBusy(true);
          setError(null);
          try {
            onGranted(
              await openBreakGlass(csrfToken, {
                clientCode: code.trim().toUpperCase(),
                reason: reason.trim(),
              }),
            );
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}
      >
        <TextField
          id="break-glass-code"
          label={t("rehab.client.code")}
          testId="break-glass-code"
          className="field__input mono"
          maxLength={20}
          value={code}
          error={problems.code}
          onValue={(value) => {
            setCode(value);
            setProblems((p) => ({ ...p, code: undefined }));
          }}
        />
        <TextAreaField
          id="break-glass-reason"
          label={t("rehab.breakGlass.reason")}
          hint={t("rehab.breakGlass.reasonHint")}
          testId="break-glass-reason"
          maxLength={500}
          value={reason}
          error={problems.reason}
          onValue={(value) => {
            setReason(value);
            setProblems((p) => ({ ...p, reason: undefined }));
          }}
        />
        <FormAlert message={error ? errorText(error) : null} testId="break-glass-error" />
        <div className="form-actions">
          <button
            type="submit"
            className="button button--danger"
            data-testid="break-glass-submit"
            aria-busy={busy}
            aria-disabled={busy}
          >
            {busy ? t("form.working") : t("rehab.breakGlass.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
