import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { FormAlert } from "../../components/FormAlert";
import { CheckboxField, focusFirstInvalid, useFieldErrors } from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { errorKey, passwordProblemsOf } from "../../lib/http";
import { acceptInvitation } from "./auth.api";
import { checkNewPassword, NewPasswordFields, usePasswordProblemText } from "./PasswordFields";
import { useSession } from "./session";
import "./auth.css";

/** `/undangan#<token>` (and `/invite#<token>`): an invited person sets their first password. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  // Read once: following the skip link later changes the fragment, not the invitation.
  const [token] = useState(() => hash.replace(/^#/, ""));
  const { state, csrfToken } = useSession();
  const problemText = usePasswordProblemText();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [visible, setVisible] = useState(false);
  const [errors, setErrors, clearError] = useFieldErrors<"password" | "repeat">();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = checkNewPassword(password, repeat, t);
    setErrors(found);
    setFailure(null);
    if (found.password || found.repeat) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      await acceptInvitation(csrfToken, token, password);
      setDone(true);
    } catch (error) {
      setFailure(error);
      const problems = passwordProblemsOf(error);
      if (problems.length > 0) {
        setErrors({ password: problemText(problems) });
        focusFirstInvalid(formRef.current);
      }
    } finally {
      setBusy(false);
    }
  };

  let body: ReactNode;
  if (done) {
    body = (
      <div className="card notice notice--ok" data-testid="accept-done" tabIndex={-1} ref={doneRef}>
        <p>{t("invitation.done")}</p>
        <p>
          <Link to="/masuk" className="button" data-testid="accept-signin">
            {t("nav.signIn")}
          </Link>
        </p>
      </div>
    );
  } else if (!token) {
    body = (
      <div className="card notice notice--error" data-testid="accept-error" role="alert">
        <p>{t("invitation.noToken")}</p>
      </div>
    );
  } else {
    body = (
      <form
        ref={formRef}
        className="card form"
        data-testid="accept-form"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => void onSubmit(event)}
      >
        <p className="muted">{t("invitation.intro")}</p>
        <FormAlert testId="accept-error" message={failure ? t(errorKey(failure)) : null} />
        <NewPasswordFields
          idPrefix="accept"
          password={password}
          repeat={repeat}
          onPassword={(value) => {
            setPassword(value);
            clearError("password");
          }}
          onRepeat={(value) => {
            setRepeat(value);
            clearError("repeat");
          }}
          errors={errors}
          visible={visible}
          testIds={{ password: "accept-password", repeat: "accept-repeat" }}
        />
        <CheckboxField
          id="accept-show"
          label={t("password.show")}
          checked={visible}
          onChecked={setVisible}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            data-testid="accept-submit"
            disabled={state.status !== "ready"}
            aria-disabled={busy}
            aria-busy={busy}
          >
            {busy ? t("form.saving") : t("invitation.submit")}
          </button>
        </div>
      </form>
    );
  }

  return (
    <PageLayout title={t("invitation.title")} narrow>
      {body}
    </PageLayout>
  );
}
