import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isWithin } from "../../../domain/areas/codes";
import { FormAlert } from "../../components/FormAlert";
import {
  focusFirstInvalid,
  SelectField,
  TextField,
  useFieldErrors,
} from "../../components/FormFields";
import { errorCode, errorKey, invalidFields } from "../../lib/http";
import { AreaSelect } from "../areas/AreaSelect";
import { DEFAULT_CITY } from "../areas/areas.api";
import { useSession } from "../auth/session";
import { useRiskLabels } from "./classes";
import { createRound } from "./risk.api";
import type { Round, RoundMethod } from "./risk.types";

type Field = "name" | "area" | "start" | "end";
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const METHODS: readonly RoundMethod[] = ["indicator", "survey"];

interface RoundFormProps {
  onSaved: (round: Round) => void;
  onCancel: () => void;
}

/** A new assessment round: name, method, area and period; it uses the current catalogue and rules. */
export function RoundForm({ onSaved, onCancel }: RoundFormProps) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const { csrfToken, user } = useSession();
  const scope = user?.scope ?? "";
  const [name, setName] = useState("");
  const [method, setMethod] = useState<RoundMethod>("indicator");
  const [area, setArea] = useState(isWithin(DEFAULT_CITY, scope) ? DEFAULT_CITY : scope);
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [errors, setErrors, clearError] = useFieldErrors<Field>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const validate = (): Partial<Record<Field, string>> => ({
    ...(name.trim().length >= 3 ? {} : { name: t("form.tooShort", { min: 3 }) }),
    ...(area ? {} : { area: t("form.required") }),
    ...(DATE.test(start) ? {} : { start: t("form.required") }),
    ...(!DATE.test(end)
      ? { end: t("form.required") }
      : DATE.test(start) && end < start
        ? { end: t("risk.rounds.endBeforeStart") }
        : {}),
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
    setBusy(true);
    setFailure(null);
    try {
      onSaved(
        await createRound(csrfToken, {
          name: name.trim(),
          method,
          areaCode: area,
          periodStart: start,
          periodEnd: end,
        }),
      );
    } catch (error) {
      setFailure(error);
      const code = errorCode(error);
      const fieldErrors: Partial<Record<Field, string>> = {};
      if (code === "AREA_NOT_FOUND" || code === "SCOPE_VIOLATION") {
        fieldErrors.area = t(errorKey(error));
      }
      for (const field of invalidFields(error)) {
        if (field === "name") fieldErrors.name = t("form.invalid");
        if (field === "areaCode") fieldErrors.area = t("form.invalid");
        if (field === "periodStart") fieldErrors.start = t("form.invalid");
        if (field === "periodEnd") fieldErrors.end = t("risk.rounds.endBeforeStart");
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
      data-testid="round-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <FormAlert testId="round-error" message={failure ? t(errorKey(failure)) : null} />
      <TextField
        id="round-name"
        testId="round-name"
        label={t("risk.rounds.name")}
        hint={t("risk.rounds.nameHint")}
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
      <SelectField
        id="round-method"
        testId="round-method"
        label={t("risk.rounds.method")}
        value={method}
        onValue={(value) => setMethod(value as RoundMethod)}
        hint={t("risk.rounds.methodHint")}
      >
        {METHODS.map((value) => (
          <option key={value} value={value}>
            {labels.method(value)}
          </option>
        ))}
      </SelectField>
      <AreaSelect
        id="round-area"
        testId="round-area"
        label={t("risk.rounds.area")}
        within={scope || undefined}
        value={area}
        onValue={(value) => {
          setArea(value);
          clearError("area");
        }}
        error={errors.area}
      />
      <div className="form-row">
        <TextField
          id="round-start"
          testId="round-start"
          label={t("risk.rounds.start")}
          type="date"
          value={start}
          onValue={(value) => {
            setStart(value);
            clearError("start");
          }}
          error={errors.start}
        />
        <TextField
          id="round-end"
          testId="round-end"
          label={t("risk.rounds.end")}
          type="date"
          value={end}
          onValue={(value) => {
            setEnd(value);
            clearError("end");
          }}
          error={errors.end}
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="round-save"
          aria-disabled={busy}
          aria-busy={busy}
        >
          {busy ? t("form.saving") : t("risk.rounds.create")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
