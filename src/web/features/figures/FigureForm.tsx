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
import {
  type FigureItem,
  type Indicator,
  saveFigure,
  type FigureForm as Values,
} from "./figures.api";

function initial(f: FigureItem | null): Values {
  return {
    indicator: f?.indicator ?? "",
    label: f?.label ?? "",
    value: f ? String(f.value) : "",
    unit: f?.unit ?? "",
    periodStart: f?.periodStart ?? "",
    periodEnd: f?.periodEnd ?? "",
    periodLabel: f?.periodLabel ?? "",
    areaCode: f?.areaCode ?? "31",
    sourceOrganisation: f?.sourceOrganisation ?? "",
    citation: f?.citation ?? "",
    link: f?.link ?? "",
    publishedOn: f?.publishedOn ?? "",
    notes: f?.notes ?? "",
  };
}

/** Register (or correct) a published figure with its source. */
export function FigureFormDialog({
  figure,
  indicators,
  onClose,
  onSaved,
}: {
  figure: FigureItem | null;
  indicators: Indicator[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(initial(figure));
  const [errors, setErrors, clear] = useFieldErrors<keyof Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof Values) => (value: string) => {
    setValues((v) => {
      const next = { ...v, [field]: value };
      if (field === "indicator" && !v.unit)
        next.unit = indicators.find((i) => i.code === value)?.unit ?? "";
      return next;
    });
    clear(field);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<keyof Values, string>> = {};
    for (const f of ["indicator", "value", "areaCode", "sourceOrganisation"] as const)
      if (!values[f].trim()) missing[f] = t("know.figures.problem.MISSING_VALUE");
    if (!values.periodEnd && !values.periodLabel.trim())
      missing.periodEnd = t("know.figures.problem.PERIOD_REQUIRED");
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await saveFigure(figure?.id ?? null, values, csrfToken);
      onSaved();
    } catch (error) {
      const next: Partial<Record<keyof Values, string>> = {};
      if (error instanceof ApiError && Array.isArray(error.details))
        for (const d of error.details as Array<{ field: string; problem: string }>)
          if (d.field in values)
            next[d.field as keyof Values] = t(`know.figures.problem.${d.problem}`, {
              defaultValue: t("know.figures.problem.invalid"),
            });
      setErrors(next);
      setFailure(error);
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  }

  const text = (field: keyof Values, extra: Record<string, unknown> = {}) => ({
    id: `figure-${field}`,
    label: t(`know.figures.field.${field}`),
    value: values[field],
    onValue: set(field),
    error: errors[field],
    testId: `figure-${field}`,
    ...extra,
  });

  return (
    <Modal
      title={t(figure ? "know.figures.form.editTitle" : "know.figures.form.title")}
      onClose={onClose}
      testId="figure-form"
      wide
    >
      <form ref={form} onSubmit={submit} noValidate>
        {failure ? <FormAlert message={t(errorKey(failure))} /> : null}
        <SelectField {...text("indicator")} data-autofocus>
          <option value="">{t("know.figures.form.choose")}</option>
          {indicators
            .filter((i) => i.active || i.code === values.indicator)
            .map((i) => (
              <option key={i.code} value={i.code}>
                {i18n.language.startsWith("en") ? i.nameEn : i.name}
              </option>
            ))}
        </SelectField>
        <TextField {...text("label")} hint={t("know.figures.form.labelHint")} />
        <div className="custody-form-grid">
          <TextField {...text("value")} inputMode="decimal" />
          <TextField {...text("unit")} />
          <TextField {...text("areaCode")} hint={t("know.figures.form.areaHint")} />
        </div>
        <div className="custody-form-grid">
          <TextField {...text("periodStart")} type="date" />
          <TextField {...text("periodEnd")} type="date" />
          <TextField {...text("periodLabel")} hint={t("know.figures.form.periodHint")} />
        </div>
        <TextField {...text("sourceOrganisation")} />
        <TextAreaField {...text("citation")} />
        <div className="custody-form-grid">
          <TextField {...text("link")} type="url" />
          <TextField {...text("publishedOn")} type="date" />
        </div>
        <TextAreaField {...text("notes")} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="figure-save">
            {busy ? t("know.figures.form.saving") : t("know.figures.form.save")}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t("know.figures.form.cancel")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
