import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../domain/access/roles";
import { FormAlert } from "../../components/FormAlert";
import { focusFirstInvalid, useFieldErrors } from "../../components/FormFields";
import { errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import {
  changedFields,
  checkUserValues,
  type UserField,
  UserFields,
  type UserValues,
  userErrorsOf,
} from "./UserFields";
import { type User, type UserInput, updateUser } from "./users.api";

interface UserEditFormProps {
  user: User;
  onSaved: (user: User) => void;
  onCancel: () => void;
}

/** Change a person's name, organisation, role or scope (only changed fields are sent). */
export function UserEditForm({ user, onSaved, onCancel }: UserEditFormProps) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const [values, setValues] = useState<UserValues>({
    name: user.name,
    organisationId: user.organisationId,
    role: user.role,
    scope: user.scope,
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
    const found = checkUserValues(values, t);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const changes: Partial<UserInput> = {
      ...(values.name.trim() !== user.name ? { name: values.name.trim() } : {}),
      ...(values.organisationId !== user.organisationId
        ? { organisationId: values.organisationId }
        : {}),
      ...(values.role !== user.role ? { role: values.role as Role } : {}),
      ...(values.scope !== user.scope ? { scope: values.scope } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    try {
      onSaved(await updateUser(csrfToken, user.id, changes));
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
      data-testid="user-form"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => void onSubmit(event)}
    >
      <p className="muted">{user.email}</p>
      <FormAlert testId="user-error" message={failure ? t(errorKey(failure)) : null} />
      <UserFields prefix="user" values={values} onChange={change} errors={errors} autoFocusName />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="user-save"
          aria-disabled={busy}
          aria-busy={busy}
        >
          {busy ? t("form.saving") : t("form.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
