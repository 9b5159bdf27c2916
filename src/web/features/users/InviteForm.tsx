import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../domain/access/roles";
import { FormAlert } from "../../components/FormAlert";
import { focusFirstInvalid, TextField, useFieldErrors } from "../../components/FormFields";
import { errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import {
  changedFields,
  checkUserValues,
  type UserErrors,
  type UserField,
  UserFields,
  type UserValues,
  userErrorsOf,
} from "./UserFields";
import { type Invitation, inviteUser, type User } from "./users.api";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface InviteFormProps {
  onInvited: (user: User, invitation: Invitation) => void;
  onCancel: () => void;
}

/** Invite a person: e-mail, name, organisation, role and scope; the answer has their link. */
export function InviteForm({ onInvited, onCancel }: InviteFormProps) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const [email, setEmail] = useState("");
  const [values, setValues] = useState<UserValues>({
    name: "",
    organisationId: "",
    role: "",
    scope: "",
  });
  const [errors, setErrors, clearError] = useFieldErrors<UserField>();
  const change = (next: UserValues): void => {
    for (const field of changedFields(values, next)) clearError(field);
    setValues(next);
  };
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found: UserErrors = {
      ...(email.trim() === ""
        ? { email: t("form.required") }
        : EMAIL.test(email.trim())
          ? {}
          : { email: t("form.invalidEmail") }),
      ...checkUserValues(values, t),
    };
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      const answer = await inviteUser(csrfToken, {
        email: email.trim(),
        name: values.name.trim(),
        organisationId: values.organisationId,
        role: values.role as Role,
        scope: values.scope,
      });
      onInvited(answer.user, answer.invitation);
    } catch (error) {
      setFailure(error);
      setErrors(userErrorsOf(error, t));
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="form"
      data-testid="invite-form"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => void onSubmit(event)}
    >
      <FormAlert testId="invite-error" message={failure ? t(errorKey(failure)) : null} />
      <TextField
        id="invite-email"
        label={t("users.email")}
        type="email"
        inputMode="email"
        autoComplete="off"
        spellCheck={false}
        testId="invite-email"
        data-autofocus
        value={email}
        onValue={(value) => {
          setEmail(value);
          clearError("email");
        }}
        error={errors.email}
      />
      <UserFields prefix="invite" values={values} onChange={change} errors={errors} />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="invite-submit"
          aria-disabled={busy}
          aria-busy={busy}
        >
          {busy ? t("form.working") : t("users.inviteSubmit")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
