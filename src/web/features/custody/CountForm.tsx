import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import {
  focusFirstInvalid,
  SelectField,
  TextAreaField,
  TextField,
  useFieldErrors,
} from "../../components/FormFields";
import { Modal } from "../../components/Modal";
import { ApiError, errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { type Count, type CountInput, createCount, type Facility } from "./custody.api";
import { MeasureValue } from "./MeasureValue";

const FIELD_OF: Record<string, keyof CountInput> = {
  facilityId: "facilityId",
  date: "date",
  capacity: "capacity",
  occupants: "occupants",
  drug_offenders: "drugOffenders",
  drug_users: "drugUsers",
  drug_dealers: "drugDealers",
  source: "source",
  notes: "notes",
};

/** Enter one dated count of a facility; shows the derived values of the saved count. */
export function CountForm({
  facilities,
  initialFacility,
  onClose,
  onSaved,
}: {
  facilities: Facility[];
  initialFacility: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CountInput>({
    facilityId: initialFacility,
    date: "",
    capacity: "",
    occupants: "",
    drugOffenders: "",
    drugUsers: "",
    drugDealers: "",
    source: "",
    notes: "",
  });
  const [errors, setErrors, clear] = useFieldErrors<keyof CountInput>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Count | null>(null);
  const set = (field: keyof CountInput) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clear(field);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<keyof CountInput, string>> = {};
    for (const f of ["facilityId", "date", "capacity", "occupants", "source"] as const)
      if (!values[f].trim()) missing[f] = t("know.custody.problem.MISSING_VALUE");
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      setSaved(await createCount(values, csrfToken));
      onSaved();
    } catch (error) {
      const next: Partial<Record<keyof CountInput, string>> = {};
      if (error instanceof ApiError && Array.isArray(error.details))
        for (const d of error.details as Array<{ field: string; problem: string }>) {
          const field = FIELD_OF[d.field];
          if (field)
            next[field] = t(`know.custody.problem.${d.problem}`, { defaultValue: d.problem });
        }
      setErrors(next);
      setFailure(error);
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={t("know.custody.form.title")} onClose={onClose} testId="custody-count-form" wide>
      {saved ? (
        <div data-testid="custody-count-saved">
          <p role="status">
            {t("know.custody.form.saved", { facility: saved.facilityName, date: saved.countedOn })}
          </p>
          <ul className="custody-measures">
            <li>
              <MeasureValue
                kind="occupancy_ratio"
                value={saved.occupancyRatio}
                testId="saved-occupancy"
              />
            </li>
            <li>
              <MeasureValue
                kind="overcrowding_excess"
                value={saved.overcrowdingExcess}
                testId="saved-excess"
              />
            </li>
            <li>
              <MeasureValue kind="drug_share" value={saved.drugShare} testId="saved-drug-share" />
            </li>
          </ul>
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {t("know.custody.form.close")}
          </button>
        </div>
      ) : (
        <form ref={form} onSubmit={submit} noValidate>
          {failure ? (
            <FormAlert message={t(errorKey(failure))} testId="custody-form-error" />
          ) : null}
          <SelectField
            id="count-facility"
            label={t("know.custody.field.facility")}
            value={values.facilityId}
            onValue={set("facilityId")}
            error={errors.facilityId}
            testId="count-facility"
            data-autofocus
          >
            <option value="">{t("know.custody.form.choose")}</option>
            {facilities.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id="count-date"
            type="date"
            label={t("know.custody.field.date")}
            value={values.date}
            onValue={set("date")}
            error={errors.date}
            testId="count-date"
          />
          <div className="custody-form-grid">
            {(["capacity", "occupants", "drugOffenders", "drugUsers", "drugDealers"] as const).map(
              (f) => (
                <TextField
                  key={f}
                  id={`count-${f}`}
                  inputMode="numeric"
                  label={t(`know.custody.field.${f}`)}
                  value={values[f]}
                  onValue={set(f)}
                  error={errors[f]}
                  testId={`count-${f}`}
                />
              ),
            )}
          </div>
          <TextField
            id="count-source"
            label={t("know.custody.field.source")}
            hint={t("know.custody.form.sourceHint")}
            value={values.source}
            onValue={set("source")}
            error={errors.source}
            testId="count-source"
          />
          <TextAreaField
            id="count-notes"
            label={t("know.custody.field.notes")}
            value={values.notes}
            onValue={set("notes")}
            error={errors.notes}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy} data-testid="count-save">
              {busy ? t("know.custody.form.saving") : t("know.custody.form.save")}
            </button>
            <button type="button" className="button button--quiet" onClick={onClose}>
              {t("know.custody.form.cancel")}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
