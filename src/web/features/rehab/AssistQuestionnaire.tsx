import { useTranslation } from "react-i18next";
import {
  ASSIST_SUBSTANCES,
  type AssistAnswers,
  type AssistQuestion,
  type AssistSubstance,
  answersOf,
  askedQuestions,
  type FrequencyAnswer,
  type RecencyAnswer,
  type RiskBand,
  riskBand,
  type SubstanceAnswers,
  substanceScore,
} from "./assist";

interface AssistQuestionnaireProps {
  value: AssistAnswers;
  onChange: (value: AssistAnswers) => void;
  /** Show "please answer" marks on unanswered questions (after a failed "next"). */
  showMissing: boolean;
}

/** A risk band word on its colour, with the score (never colour alone). */
export function BandBadge({
  band,
  score,
  testId,
}: {
  band: RiskBand;
  score?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <span className={`band band--${band}`} data-testid={testId} data-band={band} data-score={score}>
      {t(`rehab.band.${band}`)}
      {score !== undefined ? ` · ${t("rehab.assist.scoreValue", { score })}` : null}
    </span>
  );
}

interface RadioGroupProps {
  name: string;
  legend: string;
  options: readonly string[];
  labelOf: (option: string) => string;
  value: string | null;
  onValue: (value: string) => void;
  missing: boolean;
  testIdPrefix: string;
}

function RadioGroup(props: RadioGroupProps) {
  const { t } = useTranslation();
  const errorId = `${props.name}-missing`;
  return (
    <fieldset
      className={props.missing ? "assist-q assist-q--missing" : "assist-q"}
      aria-describedby={props.missing ? errorId : undefined}
      aria-invalid={props.missing ? true : undefined}
    >
      <legend className="assist-q__legend">{props.legend}</legend>
      <div className="assist-q__options">
        {props.options.map((option) => {
          const id = `${props.name}-${option}`;
          return (
            <label key={option} className="assist-q__option" htmlFor={id}>
              <input
                id={id}
                type="radio"
                name={props.name}
                value={option}
                checked={props.value === option}
                data-testid={`${props.testIdPrefix}-${option}`}
                onChange={() => props.onValue(option)}
              />
              {props.labelOf(option)}
            </label>
          );
        })}
      </div>
      {props.missing ? (
        <p id={errorId} className="field__error">
          {t("rehab.assist.answerThis")}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * WHO ASSIST v3.1, one substance at a time: Q1 (ever used) opens the substance's questions,
 * Q2 "never in the past three months" skips Q3 to Q5, and each substance shows its live
 * score and risk band.
 */
export function AssistQuestionnaire({ value, onChange, showMissing }: AssistQuestionnaireProps) {
  const { t } = useTranslation();
  const substanceName = (s: AssistSubstance): string =>
    s === "other" && value.otherName.trim()
      ? t("rehab.assist.otherNamed", { name: value.otherName.trim() })
      : t(`rehab.substance.${s}`);

  const setSubstance = (substance: AssistSubstance, changes: Partial<SubstanceAnswers>): void => {
    const current = value.substances[substance];
    let next = { ...current, ...changes };
    // Answers to questions that are no longer asked are dropped, so they cannot count.
    if (next.ever === false) {
      next = { ever: false, q2: null, q3: null, q4: null, q5: null, q6: null, q7: null };
    } else if (next.q2 === "never") {
      next = { ...next, q3: null, q4: null, q5: null };
    }
    onChange({ ...value, substances: { ...value.substances, [substance]: next } });
  };

  const used = ASSIST_SUBSTANCES.filter((s) => value.substances[s].ever === true);
  const frequencyLabel = (q: AssistQuestion) => (option: string) =>
    q === "q6" || q === "q7"
      ? t(`rehab.assist.recency.${option as RecencyAnswer}`)
      : t(`rehab.assist.frequency.${option as FrequencyAnswer}`);

  return (
    <div className="assist" data-testid="assist">
      <section className="card assist-card" aria-labelledby="assist-q1">
        <h3 id="assist-q1" className="assist-card__title">
          {t("rehab.assist.q1")}
        </h3>
        <p className="muted">{t("rehab.assist.q1Hint")}</p>
        <div className="assist-q1">
          {ASSIST_SUBSTANCES.map((substance) => (
            <RadioGroup
              key={substance}
              name={`assist-${substance}-q1`}
              legend={t(`rehab.substanceExamples.${substance}`)}
              options={["yes", "no"]}
              labelOf={(o) => (o === "yes" ? t("rehab.yes") : t("rehab.no"))}
              value={
                value.substances[substance].ever === null
                  ? null
                  : value.substances[substance].ever
                    ? "yes"
                    : "no"
              }
              onValue={(o) => setSubstance(substance, { ever: o === "yes" })}
              missing={showMissing && value.substances[substance].ever === null}
              testIdPrefix={`assist-${substance}-q1`}
            />
          ))}
        </div>
        {value.substances.other.ever ? (
          <div className="field">
            <label className="field__label" htmlFor="assist-other-name">
              {t("rehab.assist.otherName")}
            </label>
            <input
              id="assist-other-name"
              className="field__input"
              maxLength={100}
              autoComplete="off"
              value={value.otherName}
              onChange={(event) => onChange({ ...value, otherName: event.target.value })}
            />
          </div>
        ) : null}
      </section>

      {ASSIST_SUBSTANCES.every((s) => value.substances[s].ever === false) ? (
        <p className="notice" data-testid="assist-none">
          {t("rehab.assist.noneUsed")}
        </p>
      ) : null}

      {used.map((substance) => {
        const answers = value.substances[substance];
        const asked = askedQuestions(substance, answers);
        const score = substanceScore(substance, value);
        const headingId = `assist-${substance}-title`;
        return (
          <section
            key={substance}
            className="card assist-card"
            aria-labelledby={headingId}
            data-testid="assist-substance"
            data-substance={substance}
          >
            <div className="assist-card__head">
              <h3 id={headingId} className="assist-card__title">
                {substanceName(substance)}
              </h3>
              <span aria-live="polite">
                <BandBadge
                  band={riskBand(substance, score)}
                  score={score}
                  testId={`assist-band-${substance}`}
                />
              </span>
            </div>
            {asked.map((q) => (
              <RadioGroup
                key={q}
                name={`assist-${substance}-${q}`}
                legend={t(`rehab.assist.${q}`, { substance: substanceName(substance) })}
                options={answersOf(q)}
                labelOf={frequencyLabel(q)}
                value={answers[q]}
                onValue={(o) => setSubstance(substance, { [q]: o } as Partial<SubstanceAnswers>)}
                missing={showMissing && answers[q] === null}
                testIdPrefix={`assist-${substance}-${q}`}
              />
            ))}
          </section>
        );
      })}

      {used.length > 0 ? (
        <section className="card assist-card" aria-labelledby="assist-q8-title">
          <h3 id="assist-q8-title" className="assist-card__title">
            {t("rehab.assist.q8Title")}
          </h3>
          <RadioGroup
            name="assist-q8"
            legend={t("rehab.assist.q8")}
            options={answersOf("q8")}
            labelOf={(o) => t(`rehab.assist.recency.${o as RecencyAnswer}`)}
            value={value.q8}
            onValue={(o) => onChange({ ...value, q8: o as RecencyAnswer })}
            missing={showMissing && value.q8 === null}
            testIdPrefix="assist-q8"
          />
        </section>
      ) : null}

      {used.length > 0 ? <AssistSummary value={value} nameOf={substanceName} /> : null}
    </div>
  );
}

/** Scores and bands of every substance used, as a table. */
export function AssistSummary({
  value,
  nameOf,
}: {
  value: AssistAnswers;
  nameOf: (s: AssistSubstance) => string;
}) {
  const { t } = useTranslation();
  const used = ASSIST_SUBSTANCES.filter((s) => value.substances[s].ever === true);
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="assist-summary">
        <caption className="assist-summary__caption">{t("rehab.assist.summary")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rehab.assist.substance")}</th>
            <th scope="col">{t("rehab.assist.score")}</th>
            <th scope="col">{t("rehab.assist.band")}</th>
          </tr>
        </thead>
        <tbody>
          {used.map((s) => {
            const score = substanceScore(s, value);
            return (
              <tr key={s} data-testid="assist-summary-row" data-substance={s}>
                <th scope="row">{nameOf(s)}</th>
                <td className="mono">{score}</td>
                <td>
                  <BandBadge band={riskBand(s, score)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
