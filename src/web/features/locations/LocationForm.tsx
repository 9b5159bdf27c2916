import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import {
  focusFirstInvalid,
  TextAreaField,
  TextField,
  useFieldErrors,
} from "../../components/FormFields";
import { errorCode, errorKey, invalidFields } from "../../lib/http";
import { KelurahanSelect } from "../areas/KelurahanSelect";
import { useSession } from "../auth/session";
import type { LocationGeometry } from "../risk/risk.types";
import { GeometryEditor } from "./GeometryEditor";
import {
  createLocation,
  type LocationInput,
  type NamedLocation,
  updateLocation,
} from "./locations.api";

type Field = "kelurahan" | "name" | "aliases" | "rw" | "rt";
const RW_RT = /^\d{1,3}$/;

interface LocationFormProps {
  /** The location to edit, or null to record a new one. */
  location: NamedLocation | null;
  onSaved: (location: NamedLocation) => void;
  onCancel: () => void;
}

/** Aliases typed one per line or separated by commas, without blanks and repeats. */
function splitAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,;]/)
        .map((alias) => alias.trim())
        .filter(Boolean),
    ),
  ];
}

/** Record or edit a named location: kelurahan, names, RW/RT, notes and where it is. */
export function LocationForm({ location, onSaved, onCancel }: LocationFormProps) {
  const { t } = useTranslation();
  const { csrfToken, user } = useSession();
  const [kelurahan, setKelurahan] = useState(location?.kelurahanCode ?? "");
  const [name, setName] = useState(location?.name ?? "");
  const [aliases, setAliases] = useState(location?.aliases.join("\n") ?? "");
  const [rw, setRw] = useState(location?.rw ?? "");
  const [rt, setRt] = useState(location?.rt ?? "");
  const [notes, setNotes] = useState(location?.notes ?? "");
  const [geometry, setGeometry] = useState<LocationGeometry | null>(location?.geometry ?? null);
  const [errors, setErrors, clearError] = useFieldErrors<Field>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const validate = (): Partial<Record<Field, string>> => ({
    ...(kelurahan ? {} : { kelurahan: t("form.required") }),
    ...(name.trim().length >= 2 ? {} : { name: t("form.tooShort", { min: 2 }) }),
    ...(splitAliases(aliases).length <= 20 ? {} : { aliases: t("locations.tooManyAliases") }),
    ...(rw.trim() === "" || RW_RT.test(rw.trim()) ? {} : { rw: t("locations.rwRtFormat") }),
    ...(rt.trim() === "" || RW_RT.test(rt.trim()) ? {} : { rt: t("locations.rwRtFormat") }),
  });

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const input: LocationInput = {
      kelurahanCode: kelurahan,
      name: name.trim(),
      aliases: splitAliases(aliases),
      rw: rw.trim() || null,
      rt: rt.trim() || null,
      geometry,
      notes: notes.trim(),
    };
    setBusy(true);
    setFailure(null);
    try {
      onSaved(
        location
          ? await updateLocation(csrfToken, location.id, changesOf(location, input))
          : await createLocation(csrfToken, input),
      );
    } catch (error) {
      setFailure(error);
      const code = errorCode(error);
      const fieldErrors: Partial<Record<Field, string>> = {};
      if (code === "NAME_TAKEN" || code === "CONFLICT") fieldErrors.name = t("errors.NAME_TAKEN");
      if (code === "AREA_NOT_FOUND" || code === "SCOPE_VIOLATION") {
        fieldErrors.kelurahan = t(errorKey(error));
      }
      for (const field of invalidFields(error)) {
        if (field === "kelurahanCode") fieldErrors.kelurahan = t("form.invalid");
        if (field === "name" || field === "rw" || field === "rt")
          fieldErrors[field] = t("form.invalid");
        if (field.startsWith("aliases")) fieldErrors.aliases = t("form.invalid");
      }
      setErrors(fieldErrors);
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="form"
      data-testid="location-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <FormAlert
        testId="location-error"
        message={
          failure
            ? t(errorCode(failure) === "CONFLICT" ? "errors.NAME_TAKEN" : errorKey(failure))
            : null
        }
      />
      <KelurahanSelect
        id="location-kelurahan"
        testId="location-kelurahan"
        label={t("locations.kelurahan")}
        within={user?.scope}
        value={kelurahan}
        onValue={(value) => {
          setKelurahan(value);
          clearError("kelurahan");
        }}
        error={errors.kelurahan}
      />
      <TextField
        id="location-name"
        testId="location-name"
        label={t("locations.name")}
        hint={t("locations.nameHint")}
        autoComplete="off"
        maxLength={120}
        data-autofocus
        value={name}
        onValue={(value) => {
          setName(value);
          clearError("name");
        }}
        error={errors.name}
      />
      <TextAreaField
        id="location-aliases"
        testId="location-aliases"
        label={t("locations.aliases")}
        hint={t("locations.aliasesHint")}
        rows={2}
        value={aliases}
        onValue={(value) => {
          setAliases(value);
          clearError("aliases");
        }}
        error={errors.aliases}
      />
      <div className="form-row">
        <TextField
          id="location-rw"
          testId="location-rw"
          label={t("locations.rw")}
          inputMode="numeric"
          maxLength={3}
          value={rw}
          onValue={(value) => {
            setRw(value);
            clearError("rw");
          }}
          error={errors.rw}
        />
        <TextField
          id="location-rt"
          testId="location-rt"
          label={t("locations.rt")}
          inputMode="numeric"
          maxLength={3}
          value={rt}
          onValue={(value) => {
            setRt(value);
            clearError("rt");
          }}
          error={errors.rt}
        />
      </div>
      <TextAreaField
        id="location-notes"
        testId="location-notes"
        label={t("locations.notes")}
        maxLength={4000}
        value={notes}
        onValue={setNotes}
      />
      <GeometryEditor kelurahanCode={kelurahan} value={geometry} onChange={setGeometry} />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="location-save"
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

/**
 * The fields that changed, so an unchanged record is not rewritten. Aliases and notes are
 * always sent: the server currently fills a missing one with its default (empty) on PATCH.
 */
function changesOf(before: NamedLocation, after: LocationInput): Partial<LocationInput> {
  const changes: Partial<LocationInput> = { aliases: after.aliases, notes: after.notes };
  if (after.kelurahanCode !== before.kelurahanCode) changes.kelurahanCode = after.kelurahanCode;
  if (after.name !== before.name) changes.name = after.name;
  if (after.rw !== before.rw) changes.rw = after.rw;
  if (after.rt !== before.rt) changes.rt = after.rt;
  if (JSON.stringify(after.geometry) !== JSON.stringify(before.geometry)) {
    changes.geometry = after.geometry;
  }
  return changes;
}
