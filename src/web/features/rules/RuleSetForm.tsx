import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RuleSet } from "../../../domain/risk/rules";
import { CheckboxField, focusFirstInvalid, TextAreaField } from "../../components/FormFields";
import { useSession } from "../auth/session";
import { useRiskLabels } from "../risk/classes";
import { saveRules } from "../risk/risk.api";
import { ProblemList } from "./ProblemList";

const LEVELS = ["bahaya", "waspada", "siaga"] as const;

/** Every number of a rule set as editable text, keyed by a field name. */
function fieldsOf(rules: RuleSet): Record<string, string> {
  if (rules.method === "indicator") {
    return Object.fromEntries(
      LEVELS.flatMap((level) => [
        [`${level}-pokok`, String(rules.thresholds[level].pokok)],
        [`${level}-pendukung`, String(rules.thresholds[level].pendukung)],
      ]),
    );
  }
  return {
    ...Object.fromEntries(LEVELS.map((level) => [`band-${level}`, String(rules.bands[level])])),
    ...Object.fromEntries(
      Object.entries(rules.weights).map(([item, w]) => [`weight-${item}`, String(w)]),
    ),
  };
}

function flagsOf(rules: RuleSet): Record<string, boolean> {
  if (rules.method === "indicator") {
    return Object.fromEntries(LEVELS.map((level) => [level, rules.thresholds[level].provisional]));
  }
  return { survey: rules.provisional };
}

interface RuleSetFormProps {
  rules: RuleSet;
  onSaved: (version: number) => void;
  onCancel: () => void;
}

/**
 * Edits a rule set and saves it as a new version with a note. The server checks it (e.g. that
 * Waspada never needs more than Bahaya) and its problems are listed when it refuses.
 */
export function RuleSetForm({ rules, onSaved, onCancel }: RuleSetFormProps) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const { csrfToken } = useSession();
  const [values, setValues] = useState(() => fieldsOf(rules));
  const [flags, setFlags] = useState(() => flagsOf(rules));
  const [note, setNote] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const num = (key: string): number => Number((values[key] ?? "").replace(",", "."));

  const build = (): RuleSet =>
    rules.method === "indicator"
      ? {
          method: "indicator",
          thresholds: Object.fromEntries(
            LEVELS.map((level) => [
              level,
              {
                pokok: num(`${level}-pokok`),
                pendukung: num(`${level}-pendukung`),
                provisional: flags[level] ?? true,
              },
            ]),
          ) as Extract<RuleSet, { method: "indicator" }>["thresholds"],
        }
      : {
          method: "survey",
          weights: Object.fromEntries(
            Object.keys(rules.weights).map((item) => [item, num(`weight-${item}`)]),
          ),
          bands: Object.fromEntries(
            LEVELS.map((level) => [level, num(`band-${level}`)]),
          ) as Extract<RuleSet, { method: "survey" }>["bands"],
          provisional: flags.survey ?? true,
        };

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const wrong = Object.keys(values).filter((key) => {
      const value = num(key);
      const whole = rules.method === "indicator";
      return (
        (values[key] ?? "").trim() === "" || !(value >= 0) || (whole && !Number.isInteger(value))
      );
    });
    setInvalid(wrong);
    if (wrong.length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const { version } = await saveRules(csrfToken, build(), note.trim());
      onSaved(version);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const numberField = (key: string, label: string, step: string) => (
    <div className="field" key={key}>
      <label className="field__label" htmlFor={`rule-${key}`}>
        {label}
      </label>
      <input
        id={`rule-${key}`}
        className="field__input"
        data-testid={`rule-${key}`}
        type="number"
        min={0}
        step={step}
        required
        value={values[key] ?? ""}
        aria-invalid={invalid.includes(key) ? true : undefined}
        aria-describedby={invalid.includes(key) ? `rule-${key}-error` : undefined}
        onChange={(event) => {
          setValues((all) => ({ ...all, [key]: event.target.value }));
          setInvalid((list) => list.filter((other) => other !== key));
        }}
      />
      {invalid.includes(key) ? (
        <p id={`rule-${key}-error`} className="field__error">
          {rules.method === "indicator" ? t("rules.set.wholeNumber") : t("rules.set.number")}
        </p>
      ) : null}
    </div>
  );

  return (
    <form
      ref={formRef}
      className="form"
      data-testid="rules-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <ProblemList failure={failure} />
      {rules.method === "indicator" ? (
        LEVELS.map((level) => (
          <fieldset key={level} className="indicator-group">
            <legend>{labels.cls(level)}</legend>
            <div className="form-row">
              {numberField(`${level}-pokok`, t("rules.set.minPokok"), "1")}
              {numberField(`${level}-pendukung`, t("rules.set.minPendukung"), "1")}
            </div>
            <CheckboxField
              id={`rule-${level}-provisional`}
              testId={`rule-${level}-provisional`}
              label={t("rules.set.provisionalLabel")}
              checked={flags[level] ?? false}
              onChecked={(checked) => setFlags((all) => ({ ...all, [level]: checked }))}
            />
          </fieldset>
        ))
      ) : (
        <>
          <fieldset className="indicator-group">
            <legend>{t("rules.set.bands")}</legend>
            <div className="form-row">
              {LEVELS.map((level) => numberField(`band-${level}`, labels.cls(level), "any"))}
            </div>
          </fieldset>
          <fieldset className="indicator-group">
            <legend>{t("rules.set.weights")}</legend>
            <div className="form-row">
              {Object.keys(rules.weights).map((item) => numberField(`weight-${item}`, item, "any"))}
            </div>
          </fieldset>
          <CheckboxField
            id="rule-survey-provisional"
            testId="rule-survey-provisional"
            label={t("rules.set.provisionalLabel")}
            checked={flags.survey ?? false}
            onChecked={(checked) => setFlags((all) => ({ ...all, survey: checked }))}
          />
        </>
      )}
      <TextAreaField
        id="rules-note"
        testId="rules-note"
        label={t("rules.note")}
        hint={t("rules.noteHint")}
        maxLength={1000}
        value={note}
        onValue={setNote}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="rules-save"
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
