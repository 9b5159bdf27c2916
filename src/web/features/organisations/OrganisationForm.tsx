import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ORGANISATION_TYPES, type OrganisationType } from "../../../domain/access/organisations";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import {
  CheckboxField,
  focusFirstInvalid,
  SelectField,
  TextField,
  useFieldErrors,
} from "../../components/FormFields";
import { errorCode, errorKey, invalidFields } from "../../lib/http";
import { useOrgTypeLabel } from "../admin/labels";
import { AreaSelect } from "../areas/AreaSelect";
import { useSession } from "../auth/session";
import {
  createOrganisation,
  type Organisation,
  type OrganisationInput,
  updateOrganisation,
} from "./organisations.api";

type Field = "name" | "type" | "area";
type Errors = Partial<Record<Field, string>>;

const AREA_CODES = ["AREA_NOT_FOUND", "AREA_CODE_MALFORMED", "SCOPE_VIOLATION"];

interface OrganisationFormProps {
  /** The record to edit, or null to create one. */
  organisation: Organisation | null;
  onSaved: (organisation: Organisation) => void;
  onCancel: () => void;
}

/** Create or edit an organisation; deactivating asks for confirmation first. */
export function OrganisationForm({ organisation, onSaved, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation();
  const typeLabel = useOrgTypeLabel();
  const { csrfToken, user } = useSession();
  const [name, setName] = useState(organisation?.name ?? "");
  const [type, setType] = useState<string>(organisation?.type ?? "");
  const [area, setArea] = useState(organisation?.areaCode ?? "");
  const [active, setActive] = useState(organisation?.active ?? true);
  const [errors, setErrors, clearError] = useFieldErrors<Field>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const validate = (): Errors => ({
    ...(name.trim().length >= 2 ? {} : { name: t("form.tooShort", { min: 2 }) }),
    ...(type ? {} : { type: t("form.required") }),
    ...(area ? {} : { area: t("form.required") }),
  });

  const save = async (): Promise<void> => {
    setConfirming(false);
    setBusy(true);
    setFailure(null);
    try {
      const input: OrganisationInput = {
        name: name.trim(),
        type: type as OrganisationType,
        areaCode: area,
      };
      const saved = organisation
        ? await updateOrganisation(
            csrfToken,
            organisation.id,
            changesOf(organisation, input, active),
          )
        : await createOrganisation(csrfToken, input);
      onSaved(saved);
    } catch (error) {
      setFailure(error);
      const code = errorCode(error);
      const fieldErrors: Errors = {};
      // Organisation names are unique: the server answers CONFLICT (or NAME_TAKEN) for a duplicate.
      if (code === "NAME_TAKEN" || code === "CONFLICT") fieldErrors.name = t("errors.NAME_TAKEN");
      if (code && AREA_CODES.includes(code)) fieldErrors.area = t(errorKey(error));
      for (const field of invalidFields(error)) {
        const key: Field | null =
          field === "areaCode" ? "area" : field === "name" || field === "type" ? field : null;
        if (key) fieldErrors[key] = t("form.invalid");
      }
      setErrors(fieldErrors);
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    if (organisation?.active && !active) setConfirming(true);
    else void save();
  };

  return (
    <form ref={formRef} className="form" data-testid="org-form" noValidate onSubmit={onSubmit}>
      <FormAlert
        testId="org-error"
        message={
          failure
            ? t(errorCode(failure) === "CONFLICT" ? "errors.NAME_TAKEN" : errorKey(failure))
            : null
        }
      />
      <TextField
        id="org-name"
        label={t("orgs.name")}
        testId="org-name"
        autoComplete="off"
        data-autofocus
        value={name}
        onValue={(value) => {
          setName(value);
          clearError("name");
        }}
        error={errors.name}
      />
      <SelectField
        id="org-type"
        label={t("orgs.type")}
        testId="org-type"
        value={type}
        onValue={(value) => {
          setType(value);
          clearError("type");
        }}
        error={errors.type}
      >
        <option value="">{t("orgs.chooseType")}</option>
        {ORGANISATION_TYPES.map((value) => (
          <option key={value} value={value}>
            {typeLabel(value)}
          </option>
        ))}
      </SelectField>
      <AreaSelect
        id="org-area"
        label={t("orgs.area")}
        testId="org-area"
        within={user?.scope}
        value={area}
        onValue={(value) => {
          setArea(value);
          clearError("area");
        }}
        error={errors.area}
      />
      {organisation ? (
        <CheckboxField
          id="org-active"
          label={t("orgs.activeLabel")}
          testId="org-active"
          checked={active}
          onChecked={setActive}
          hint={t("orgs.activeHint")}
        />
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="org-save"
          aria-disabled={busy}
          aria-busy={busy}
        >
          {busy ? t("form.saving") : t("form.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
      {confirming && organisation ? (
        <ConfirmDialog
          title={t("orgs.deactivateTitle")}
          confirmLabel={t("orgs.deactivate")}
          onConfirm={() => void save()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t("orgs.deactivateText", { name: organisation.name })}</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}

/** Only the fields that changed, so an unchanged record is not rewritten. */
function changesOf(
  before: Organisation,
  after: OrganisationInput,
  active: boolean,
): Partial<OrganisationInput> {
  return {
    ...(after.name !== before.name ? { name: after.name } : {}),
    ...(after.type !== before.type ? { type: after.type } : {}),
    ...(after.areaCode !== before.areaCode ? { areaCode: after.areaCode } : {}),
    ...(active !== before.active ? { active } : {}),
  };
}
