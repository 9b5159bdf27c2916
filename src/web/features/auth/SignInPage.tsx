import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { FormAlert } from "../../components/FormAlert";
import {
  CheckboxField,
  focusFirstInvalid,
  TextField,
  useFieldErrors,
} from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { errorCode, errorKey } from "../../lib/http";
import { signIn } from "./auth.api";
import { DemoAccounts } from "./DemoAccounts";
import { safeNext } from "./RequireAccess";
import { useSession } from "./session";
import "./auth.css";

/** `/masuk`: e-mail and password, then back to where the person came from. */
export function SignInPage() {
  const { t } = useTranslation();
  const { state, session, user, csrfToken, refresh } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [visible, setVisible] = useState(false);
  const [errors, setErrors, clearError] = useFieldErrors<"email" | "password">();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  if (user) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = {
      ...(email.trim() ? {} : { email: t("form.required") }),
      ...(password ? {} : { password: t("form.required") }),
    };
    setErrors(found);
    setFailure(null);
    if (found.email || found.password) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      await signIn(csrfToken, email.trim(), password);
      // The refreshed session carries the person and a new CSRF token; this page then redirects.
      await refresh();
    } catch (error) {
      setFailure(error);
      setPassword("");
    } finally {
      setBusy(false);
    }
  };

  const chooseDemo = (demoEmail: string, demoPassword: string): void => {
    setEmail(demoEmail);
    setPassword(demoPassword);
    setErrors({});
    setFailure(null);
    setNotice(t("signIn.demoFilled", { email: demoEmail }));
    submitRef.current?.focus();
  };

  const code = errorCode(failure);
  return (
    <PageLayout title={t("signIn.title")} narrow>
      <div className="signin">
        <form
          ref={formRef}
          className="card form"
          data-testid="signin-form"
          noValidate
          aria-busy={busy}
          onSubmit={(event) => void onSubmit(event)}
        >
          <p className="muted">{t("signIn.intro")}</p>
          <FormAlert testId="signin-error" message={failure ? t(errorKey(failure)) : null}>
            {code === "CSRF_INVALID" ? (
              <button type="button" className="button" onClick={() => window.location.reload()}>
                {t("app.crashReload")}
              </button>
            ) : null}
          </FormAlert>
          <TextField
            id="signin-email"
            label={t("signIn.email")}
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            testId="signin-email"
            value={email}
            onValue={(value) => {
              setEmail(value);
              clearError("email");
            }}
            error={errors.email}
          />
          <TextField
            id="signin-password"
            label={t("signIn.password")}
            type={visible ? "text" : "password"}
            autoComplete="current-password"
            testId="signin-password"
            value={password}
            onValue={(value) => {
              setPassword(value);
              clearError("password");
            }}
            error={errors.password}
          />
          <CheckboxField
            id="signin-show"
            label={t("password.show")}
            checked={visible}
            onChecked={setVisible}
          />
          <div className="form-actions">
            <button
              ref={submitRef}
              type="submit"
              className="button"
              data-testid="signin-submit"
              disabled={state.status !== "ready"}
              aria-disabled={busy}
              aria-busy={busy}
            >
              {busy ? t("signIn.submitting") : t("signIn.submit")}
            </button>
          </div>
          <p className="visually-hidden" aria-live="polite">
            {notice}
          </p>
          {state.status === "error" ? (
            <div className="notice notice--error" role="alert">
              <p>{t(errorKey(state.error))}</p>
              <button type="button" className="button" onClick={() => void refresh()}>
                {t("status.retry")}
              </button>
            </div>
          ) : null}
        </form>
        {session?.demo ? <DemoAccounts demo={session.demo} onChoose={chooseDemo} /> : null}
      </div>
    </PageLayout>
  );
}
