import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormAlert } from "../../components/FormAlert";
import {
  CheckboxField,
  focusFirstInvalid,
  TextField,
  useFieldErrors,
} from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { errorCode, errorKey, passwordProblemsOf } from "../../lib/http";
import { changePassword } from "./auth.api";
import { checkNewPassword, NewPasswordFields, usePasswordProblemText } from "./PasswordFields";
import { useSession } from "./session";
import "./auth.css";

type Errors = { current?: string; password?: string; repeat?: string };

/** `/akun/kata-sandi`: current password, new password twice; other sessions end. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user, csrfToken, refresh } = useSession();
  const problemText = usePasswordProblemText();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [visible, setVisible] = useState(false);
  const [errors, setErrors, clearError] = useFieldErrors<keyof Errors>();
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
    const found: Errors = {
      ...(current ? {} : { current: t("form.required") }),
      ...checkNewPassword(password, repeat, t),
    };
    setErrors(found);
    setFailure(null);
    if (found.current || found.password || found.repeat) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      await changePassword(csrfToken, current, password);
      setCurrent("");
      setPassword("");
      setRepeat("");
      setDone(true);
      await refresh();
    } catch (error) {
      setFailure(error);
      const problems = passwordProblemsOf(error);
      if (problems.length > 0) setErrors({ password: problemText(problems) });
      if (errorCode(error) === "INVALID_CREDENTIALS") {
        setErrors({ current: t("changePassword.currentWrong") });
      }
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <PageLayout title={t("changePassword.title")} narrow>
        <div
          className="card notice notice--ok"
          data-testid="password-done"
          tabIndex={-1}
          ref={doneRef}
        >
          <p>{t("changePassword.done")}</p>
          <p>
            <Link to="/">{t("page.backToMap")}</Link>
          </p>
        </div>
      </PageLayout>
    );
  }

  const code = errorCode(failure);
  return (
    <PageLayout title={t("changePassword.title")} narrow>
      <form
        ref={formRef}
        className="card form"
        data-testid="password-form"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => void onSubmit(event)}
      >
        <p className="muted">{t("changePassword.intro")}</p>
        <FormAlert
          testId="password-error"
          message={
            failure
              ? t(
                  code === "INVALID_CREDENTIALS"
                    ? "changePassword.currentWrong"
                    : errorKey(failure),
                )
              : null
          }
        />
        <TextField
          id="password-current"
          label={t("changePassword.current")}
          type={visible ? "text" : "password"}
          autoComplete="current-password"
          testId="password-current"
          value={current}
          onValue={(value) => {
            setCurrent(value);
            clearError("current");
          }}
          error={errors.current}
        />
        <NewPasswordFields
          idPrefix="password"
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
          email={user?.email}
          testIds={{ password: "password-new", repeat: "password-repeat" }}
        />
        <CheckboxField
          id="password-show"
          label={t("password.show")}
          checked={visible}
          onChecked={setVisible}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            data-testid="password-submit"
            aria-disabled={busy}
            aria-busy={busy}
          >
            {busy ? t("form.saving") : t("changePassword.submit")}
          </button>
        </div>
      </form>
    </PageLayout>
  );
}
