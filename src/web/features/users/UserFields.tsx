import { useTranslation } from "react-i18next";
import { ROLES } from "../../../domain/access/roles";
import { SelectField, TextField } from "../../components/FormFields";
import { useAsyncData } from "../../hooks/useAsyncData";
import { errorCode, errorKey, getJson, invalidFields } from "../../lib/http";
import { useRoleLabel } from "../admin/labels";
import type { Page } from "../admin/list";
import { AreaSelect } from "../areas/AreaSelect";
import { useSession } from "../auth/session";
import type { Organisation } from "../organisations/organisations.api";

export type UserField = "email" | "name" | "organisation" | "role" | "scope";
export type UserErrors = Partial<Record<UserField, string>>;

export interface UserValues {
  name: string;
  organisationId: string;
  role: string;
  scope: string;
}

interface UserFieldsProps {
  /** "invite" or "user": prefixes element ids and test ids (`invite-name`, `user-name`…). */
  prefix: string;
  values: UserValues;
  onChange: (values: UserValues) => void;
  errors: UserErrors;
  autoFocusName?: boolean;
}

/** Name, organisation, role and scope area, shared by the invite and edit forms. */
export function UserFields({ prefix, values, onChange, errors, autoFocusName }: UserFieldsProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { user } = useSession();
  const organisations = useAsyncData("org-options", () =>
    getJson<Page<Organisation>>("/api/organisations?pageSize=200"),
  );
  const options =
    organisations.status === "success"
      ? organisations.data.items.filter((o) => o.active || o.id === values.organisationId)
      : [];
  const set = (change: Partial<UserValues>): void => onChange({ ...values, ...change });

  return (
    <>
      <TextField
        id={`${prefix}-name`}
        label={t("users.name")}
        testId={`${prefix}-name`}
        autoComplete="off"
        data-autofocus={autoFocusName ? true : undefined}
        value={values.name}
        onValue={(name) => set({ name })}
        error={errors.name}
      />
      <SelectField
        id={`${prefix}-organisation`}
        label={t("users.organisation")}
        testId={`${prefix}-organisation`}
        value={values.organisationId}
        disabled={organisations.status !== "success"}
        aria-busy={organisations.status === "loading"}
        onValue={(organisationId) => {
          const area = options.find((o) => o.id === organisationId)?.areaCode;
          // A new person's scope starts as their organisation's area.
          set({ organisationId, ...(values.scope || !area ? {} : { scope: area }) });
        }}
        error={
          organisations.status === "error" ? t(errorKey(organisations.error)) : errors.organisation
        }
      >
        <option value="">
          {organisations.status === "loading" ? t("table.loading") : t("users.chooseOrganisation")}
        </option>
        {options.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${prefix}-role`}
        label={t("users.role")}
        testId={`${prefix}-role`}
        value={values.role}
        onValue={(role) => set({ role })}
        error={errors.role}
      >
        <option value="">{t("users.chooseRole")}</option>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {roleLabel(role)}
          </option>
        ))}
      </SelectField>
      <AreaSelect
        id={`${prefix}-scope`}
        label={t("users.scope")}
        testId={`${prefix}-scope`}
        hint={t("users.scopeHint")}
        within={user?.scope}
        value={values.scope}
        onValue={(scope) => set({ scope })}
        error={errors.scope}
      />
    </>
  );
}

/** The fields whose value differs between two versions of the form (to clear their errors). */
export function changedFields(before: UserValues, after: UserValues): UserField[] {
  const fields: [keyof UserValues, UserField][] = [
    ["name", "name"],
    ["organisationId", "organisation"],
    ["role", "role"],
    ["scope", "scope"],
  ];
  return fields.filter(([key]) => before[key] !== after[key]).map(([, field]) => field);
}

/** Client-side checks of the shared fields. */
export function checkUserValues(
  values: UserValues,
  t: (key: "form.required" | "form.tooShort", options?: { min: number }) => string,
): UserErrors {
  return {
    ...(values.name.trim().length >= 2 ? {} : { name: t("form.tooShort", { min: 2 }) }),
    ...(values.organisationId ? {} : { organisation: t("form.required") }),
    ...(values.role ? {} : { role: t("form.required") }),
    ...(values.scope ? {} : { scope: t("form.required") }),
  };
}

const FIELD_OF_CODE: Record<string, UserField> = {
  EMAIL_TAKEN: "email",
  ORGANISATION_NOT_FOUND: "organisation",
  SCOPE_VIOLATION: "scope",
  AREA_NOT_FOUND: "scope",
  AREA_CODE_MALFORMED: "scope",
};
const FIELD_OF_PROPERTY: Record<string, UserField> = {
  email: "email",
  name: "name",
  organisationId: "organisation",
  role: "role",
  scope: "scope",
};

/** Per-field messages for a failed save (error codes and VALIDATION_FAILED details). */
export function userErrorsOf(
  error: unknown,
  t: (key: ReturnType<typeof errorKey> | "form.invalid") => string,
): UserErrors {
  const errors: UserErrors = {};
  const field = FIELD_OF_CODE[errorCode(error) ?? ""];
  if (field) errors[field] = t(errorKey(error));
  for (const property of invalidFields(error)) {
    const key = FIELD_OF_PROPERTY[property];
    if (key) errors[key] = t("form.invalid");
  }
  return errors;
}
