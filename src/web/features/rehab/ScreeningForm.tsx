import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/FormFields";
import { useSession } from "../auth/session";
import { AssistQuestionnaire } from "./AssistQuestionnaire";
import { assistBody, emptyAssist, missingAnswers } from "./assist";
import { todayJakarta, useRehabError } from "./labels";
import { addScreening, type Episode } from "./rehab.api";

/** A further WHO ASSIST screening of an episode (before or during care). */
export function ScreeningForm({
  episode,
  onDone,
  onCancel,
}: {
  episode: Episode;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const errorText = useRehabError();
  const today = todayJakarta();
  const [date, setDate] = useState(today);
  const [answers, setAnswers] = useState(emptyAssist);
  const [showMissing, setShowMissing] = useState(false);
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missing = missingAnswers(answers).length;
  return (
    <form
      className="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        const badDate = !date
          ? t("rehab.intake.errors.required")
          : date > today
            ? t("rehab.intake.errors.future")
            : date < episode.intakeDate
              ? t("rehab.task.tooEarly")
              : null;
        setDateProblem(badDate);
        setShowMissing(missing > 0);
        if (badDate || missing > 0) return;
        setBusy(true);
        setError(null);
        try {
          await addScreening(csrfToken, episode.id, {
            screenedOn: date,
            answers: assistBody(answers),
          });
          onDone();
        } catch (caught) {
          setError(caught);
        } finally {
          setBusy(false);
        }
      }}
    >
      <TextField
        id="screening-date"
        type="date"
        label={t("rehab.task.date")}
        testId="screening-date"
        min={episode.intakeDate}
        max={today}
        value={date}
        error={dateProblem}
        onValue={setDate}
      />
      {showMissing && missing > 0 ? (
        <p className="field__error">{t("rehab.assist.missingCount", { count: missing })}</p>
      ) : null}
      <AssistQuestionnaire value={answers} onChange={setAnswers} showMissing={showMissing} />
      <FormAlert message={error ? errorText(error) : null} testId="screening-error" />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="screening-save"
          aria-busy={busy}
          aria-disabled={busy}
        >
          {busy ? t("form.working") : t("form.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
