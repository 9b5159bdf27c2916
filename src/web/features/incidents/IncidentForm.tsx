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
import type { AsyncState } from "../../hooks/useAsyncData";
import { ApiError, errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { typeName } from "./IncidentFilterBar";
import {
  createIncident,
  INCIDENT_SOURCES,
  type Incident,
  type IncidentInput,
  type IncidentType,
  PRECISIONS,
  UNITS,
  updateIncident,
} from "./incidents.api";

const FIELDS = [
  "external_ref",
  "date",
  "time",
  "type",
  "lon",
  "lat",
  "kelurahan_code",
  "precision",
  "persons",
  "arrests",
  "substance",
  "quantity",
  "unit",
  "source",
  "source_ref",
  "notes",
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

function initialValues(incident: Incident | null): Values {
  if (!incident)
    return {
      external_ref: "",
      date: "",
      time: "",
      type: "",
      lon: "",
      lat: "",
      kelurahan_code: "",
      precision: "",
      persons: "0",
      arrests: "0",
      substance: "",
      quantity: "",
      unit: "",
      source: "",
      source_ref: "",
      notes: "",
    };
  return {
    external_ref: incident.externalRef ?? "",
    date: incident.occurredOn,
    time: incident.occurredTime?.slice(0, 5) ?? "",
    type: incident.type,
    lon: incident.lon === null ? "" : String(incident.lon),
    lat: incident.lat === null ? "" : String(incident.lat),
    kelurahan_code: incident.lon === null ? incident.kelurahanCode : "",
    precision: incident.precision,
    persons: String(incident.persons),
    arrests: String(incident.arrests),
    substance: incident.substance,
    quantity: incident.quantity === null ? "" : String(incident.quantity),
    unit: incident.unit ?? "",
    source: incident.source,
    source_ref: incident.sourceRef,
    notes: incident.notes,
  };
}

interface IncidentFormProps {
  incident: Incident | null;
  types: AsyncState<IncidentType[]>;
  onClose: () => void;
  onSaved: (incident: Incident) => void;
}

/**
 * Add or edit an incident. There is no field for a person's name or NIK: the registry holds
 * none, and the server refuses such fields. Server problems are shown by field.
 */
export function IncidentForm({ incident, types, onClose, onSaved }: IncidentFormProps) {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => initialValues(incident));
  const [errors, setErrors, clear] = useFieldErrors<Field>();
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clear(field);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!values.date) missing.date = t("incidents.form.required");
    if (!values.type) missing.type = t("incidents.form.required");
    if (!values.source) missing.source = t("incidents.form.required");
    if (!values.lon && !values.lat && !values.kelurahan_code)
      missing.kelurahan_code = t("incidents.form.placeNeeded");
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstInvalid(formRef.current);
      return;
    }
    const body: IncidentInput = {};
    for (const field of FIELDS) {
      if (values[field] !== "" || incident) body[field] = values[field];
    }
    setSaving(true);
    setFormError(null);
    try {
      const saved = incident
        ? await updateIncident(incident.id, body, csrfToken)
        : await createIncident(body, csrfToken);
      onSaved(saved);
    } catch (error) {
      const details =
        error instanceof ApiError && Array.isArray(error.details)
          ? (error.details as Array<{ field?: string; problem?: string }>)
          : [];
      const byField: Partial<Record<Field, string>> = {};
      for (const d of details) {
        if (d.field && (FIELDS as readonly string[]).includes(d.field))
          byField[d.field as Field] = t(`incidents.problem.${d.problem ?? "INVALID"}`, {
            defaultValue: d.problem ?? "",
          });
      }
      setErrors(byField);
      setFormError(
        error instanceof ApiError && error.code === "INCIDENT_NOT_FOUND"
          ? t("incidents.form.notFound")
          : t(errorKey(error)),
      );
      focusFirstInvalid(formRef.current);
    } finally {
      setSaving(false);
    }
  }

  const text = (field: Field, extra: Record<string, unknown> = {}) => (
    <TextField
      id={`incident-${field}`}
      label={t(`incidents.field.${field}`)}
      value={values[field]}
      onValue={set(field)}
      error={errors[field] ?? null}
      testId={`incident-${field}`}
      {...extra}
    />
  );

  return (
    <Modal
      title={incident ? t("incidents.form.editTitle") : t("incidents.form.createTitle")}
      onClose={onClose}
      testId="incident-form"
      wide
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormAlert message={formError} testId="incident-form-error" />
        <p className="muted">{t("incidents.form.noNames")}</p>
        <div className="incident-form__grid">
          {text("date", { type: "date", required: true, "data-autofocus": true })}
          {text("time", { type: "time" })}
          <SelectField
            id="incident-type"
            label={t("incidents.field.type")}
            value={values.type}
            onValue={set("type")}
            error={errors.type ?? null}
            testId="incident-type"
            required
          >
            <option value="">{t("incidents.form.choose")}</option>
            {types.status === "success"
              ? types.data
                  .filter((ty) => ty.active || ty.code === values.type)
                  .map((ty) => (
                    <option key={ty.code} value={ty.code}>
                      {typeName(types, ty.code, i18n.language)}
                    </option>
                  ))
              : null}
          </SelectField>
          <SelectField
            id="incident-source"
            label={t("incidents.field.source")}
            value={values.source}
            onValue={set("source")}
            error={errors.source ?? null}
            testId="incident-source"
            required
          >
            <option value="">{t("incidents.form.choose")}</option>
            {INCIDENT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`incidents.source.${s}`)}
              </option>
            ))}
          </SelectField>
          {text("source_ref")}
          {text("external_ref")}
          {text("lon", { inputMode: "decimal", hint: t("incidents.form.pointHint") })}
          {text("lat", { inputMode: "decimal" })}
          {text("kelurahan_code", { hint: t("incidents.form.kelurahanHint") })}
          <SelectField
            id="incident-precision"
            label={t("incidents.field.precision")}
            value={values.precision}
            onValue={set("precision")}
            error={errors.precision ?? null}
            testId="incident-precision"
          >
            <option value="">{t("incidents.form.automatic")}</option>
            {PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {t(`incidents.precision.${p}`)}
              </option>
            ))}
          </SelectField>
          {text("persons", { type: "number", min: 0 })}
          {text("arrests", { type: "number", min: 0 })}
          {text("substance")}
          {text("quantity", { inputMode: "decimal" })}
          <SelectField
            id="incident-unit"
            label={t("incidents.field.unit")}
            value={values.unit}
            onValue={set("unit")}
            error={errors.unit ?? null}
            testId="incident-unit"
          >
            <option value="">-</option>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          id="incident-notes"
          label={t("incidents.field.notes")}
          value={values.notes}
          onValue={set("notes")}
          error={errors.notes ?? null}
          hint={t("incidents.form.notesHint")}
          testId="incident-notes"
        />
        <div className="incident-import__actions">
          <button type="submit" className="button" disabled={saving} data-testid="incident-save">
            {saving ? t("incidents.form.saving") : t("incidents.form.save")}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t("incidents.form.cancel")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
