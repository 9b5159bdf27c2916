import { useTranslation } from "react-i18next";
import { INDICATOR_KINDS, type Indicator } from "../../../domain/risk/indicators";
import type { IndicatorValue } from "./risk.types";

/** An indicator's name in the interface language. */
export function useIndicatorName(): (indicator: Indicator) => string {
  const { i18n } = useTranslation();
  return (indicator) => (i18n.language === "en" ? indicator.nameEn : indicator.name);
}

interface IndicatorFieldsProps {
  indicators: readonly Indicator[];
  values: Readonly<Record<string, IndicatorValue>>;
  onChange: (code: string, value: IndicatorValue) => void;
  disabled?: boolean;
}

/**
 * The active indicators as checkboxes, grouped pokok then pendukung, each with a field for
 * its evidence (a case number, an FGD note, a source document).
 */
export function IndicatorFields({ indicators, values, onChange, disabled }: IndicatorFieldsProps) {
  const { t } = useTranslation();
  const nameOf = useIndicatorName();
  return (
    <>
      {INDICATOR_KINDS.map((kind) => {
        const group = indicators.filter((i) => i.kind === kind && !i.retired);
        if (group.length === 0) return null;
        const present = group.filter((i) => values[i.code]?.present).length;
        return (
          <fieldset key={kind} className="indicator-group" data-testid={`indicators-${kind}`}>
            <legend>
              {t(`risk.kind.${kind}`)}{" "}
              <span className="muted">
                {t("risk.form.presentCount", { count: present, total: group.length })}
              </span>
            </legend>
            {group.map((indicator) => {
              const value = values[indicator.code] ?? { present: false, evidence: "" };
              const id = `indicator-${indicator.code}`;
              return (
                <div key={indicator.code} className="indicator-row">
                  <div className="field field--check">
                    <input
                      id={id}
                      type="checkbox"
                      data-testid={id}
                      checked={value.present}
                      disabled={disabled}
                      onChange={(event) =>
                        onChange(indicator.code, { ...value, present: event.target.checked })
                      }
                    />
                    <label htmlFor={id}>
                      <span className="mono">{indicator.code}</span> {nameOf(indicator)}
                    </label>
                  </div>
                  <div className="field">
                    <label className="visually-hidden" htmlFor={`evidence-${indicator.code}`}>
                      {t("risk.form.evidenceFor", { name: nameOf(indicator) })}
                    </label>
                    <input
                      id={`evidence-${indicator.code}`}
                      className="field__input"
                      data-testid={`evidence-${indicator.code}`}
                      placeholder={t("risk.form.evidence")}
                      maxLength={2000}
                      value={value.evidence}
                      disabled={disabled}
                      onChange={(event) =>
                        onChange(indicator.code, { ...value, evidence: event.target.value })
                      }
                    />
                  </div>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </>
  );
}

interface SurveyFieldsProps {
  items: readonly string[];
  values: Readonly<Record<string, string>>;
  onChange: (item: string, value: string) => void;
  errors: Readonly<Record<string, string>>;
}

/** Scores (0 to 100) of the survey items named by the survey rule set's weights. */
export function SurveyFields({ items, values, onChange, errors }: SurveyFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="indicator-group" data-testid="survey-items">
      <legend>{t("risk.form.surveyItems")}</legend>
      <div className="survey-grid">
        {items.map((item) => (
          <div className="field" key={item}>
            <label className="field__label" htmlFor={`survey-${item}`}>
              {item}
            </label>
            <input
              id={`survey-${item}`}
              className="field__input"
              data-testid={`survey-${item}`}
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
              value={values[item] ?? ""}
              aria-invalid={errors[item] ? true : undefined}
              aria-describedby={errors[item] ? `survey-${item}-error` : undefined}
              onChange={(event) => onChange(item, event.target.value)}
            />
            {errors[item] ? (
              <p id={`survey-${item}-error`} className="field__error">
                {errors[item]}
              </p>
            ) : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
