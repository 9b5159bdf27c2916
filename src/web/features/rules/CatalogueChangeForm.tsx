import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  INDICATOR_CODE_PATTERN,
  INDICATOR_KINDS,
  type Indicator,
  type IndicatorKind,
} from "../../../domain/risk/indicators";
import {
  focusFirstInvalid,
  SelectField,
  TextAreaField,
  TextField,
  useFieldErrors,
} from "../../components/FormFields";
import { useSession } from "../auth/session";
import { saveCatalogue } from "../risk/risk.api";
import { ProblemList } from "./ProblemList";

type Field = "code" | "name" | "nameEn";

interface CatalogueChangeFormProps {
  indicators: readonly Indicator[];
  change: { kind: "add" } | { kind: "retire" | "restore"; indicator: Indicator };
  onSaved: (version: number) => void;
  onCancel: () => void;
}

/**
 * One change to the catalogue (a new indicator, or retiring or restoring one), saved as a new
 * catalogue version with a note. Rounds keep the version they started with.
 */
export function CatalogueChangeForm({
  indicators,
  change,
  onSaved,
  onCancel,
}: CatalogueChangeFormProps) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const [code, setCode] = useState("");
  const [kind, setKind] = useState<IndicatorKind>("pokok");
  const [name, setName] = useState("");
  const [nameEn, setNameEn] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors, clearError] = useFieldErrors<Field>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const next = (): Indicator[] => {
    if (change.kind === "add") {
      return [...indicators, { code: code.trim(), kind, name: name.trim(), nameEn: nameEn.trim() }];
    }
    return indicators.map((indicator) => {
      if (indicator.code !== change.indicator.code) return indicator;
      if (change.kind === "retire") return { ...indicator, retired: true };
      const { retired: _retired, ...active } = indicator;
      return active;
    });
  };

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    if (change.kind === "add") {
      const trimmed = code.trim();
      const found: Partial<Record<Field, string>> = {
        ...(!INDICATOR_CODE_PATTERN.test(trimmed)
          ? { code: t("rules.catalogue.codeFormat") }
          : indicators.some((i) => i.code === trimmed)
            ? { code: t("rules.catalogue.codeTaken") }
            : {}),
        ...(name.trim() ? {} : { name: t("form.required") }),
        ...(nameEn.trim() ? {} : { nameEn: t("form.required") }),
      };
      setErrors(found);
      if (Object.keys(found).length > 0) {
        focusFirstInvalid(formRef.current);
        return;
      }
    }
    setBusy(true);
    setFailure(null);
    try {
      const { version } = await saveCatalogue(csrfToken, next(), note.trim());
      onSaved(version);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="form"
      data-testid="catalogue-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <ProblemList failure={failure} />
      {change.kind === "add" ? (
        <>
          <div className="form-row">
            <TextField
              id="indicator-code"
              testId="indicator-code"
              label={t("rules.catalogue.code")}
              hint={t("rules.catalogue.codeHint")}
              autoComplete="off"
              maxLength={16}
              data-autofocus
              value={code}
              onValue={(value) => {
                setCode(value.toUpperCase());
                clearError("code");
              }}
              error={errors.code}
            />
            <SelectField
              id="indicator-kind"
              testId="indicator-kind"
              label={t("rules.catalogue.kind")}
              value={kind}
              onValue={(value) => setKind(value as IndicatorKind)}
            >
              {INDICATOR_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`risk.kind.${value}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField
            id="indicator-name"
            testId="indicator-name"
            label={t("rules.catalogue.name")}
            maxLength={200}
            lang="id"
            value={name}
            onValue={(value) => {
              setName(value);
              clearError("name");
            }}
            error={errors.name}
          />
          <TextField
            id="indicator-name-en"
            testId="indicator-name-en"
            label={t("rules.catalogue.nameEn")}
            maxLength={200}
            lang="en"
            value={nameEn}
            onValue={(value) => {
              setNameEn(value);
              clearError("nameEn");
            }}
            error={errors.nameEn}
          />
        </>
      ) : (
        <p>
          {t(`rules.catalogue.${change.kind}Text`, {
            code: change.indicator.code,
            name: change.indicator.name,
          })}
        </p>
      )}
      <TextAreaField
        id="catalogue-note"
        testId="catalogue-note"
        label={t("rules.note")}
        hint={t("rules.noteHint")}
        maxLength={1000}
        {...(change.kind === "add" ? {} : { "data-autofocus": true })}
        value={note}
        onValue={setNote}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="catalogue-save"
          aria-disabled={busy}
          aria-busy={busy}
        >
          {busy ? t("form.saving") : t("rules.saveVersion")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
