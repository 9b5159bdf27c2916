import { type FormEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RiskClass } from "../../../domain/risk/classes";
import {
  classifyByIndicators,
  classifyBySurvey,
  countIndicators,
  surveyScore,
} from "../../../domain/risk/rules";
import { FormAlert } from "../../components/FormAlert";
import { focusFirstInvalid, SelectField, TextAreaField } from "../../components/FormFields";
import { useAsyncData } from "../../hooks/useAsyncData";
import { errorCode, errorKey } from "../../lib/http";
import { KelurahanSelect } from "../areas/KelurahanSelect";
import { useSession } from "../auth/session";
import { fetchLocationsOf } from "../locations/locations.api";
import { ClassBadge } from "./classes";
import { IndicatorFields, SurveyFields } from "./IndicatorFields";
import { rulesFor, saveAssessment } from "./risk.api";
import type { Assessment, IndicatorValue, RiskConfig, Round } from "./risk.types";

interface AssessmentFormProps {
  round: Round;
  config: RiskConfig;
  /** The draft to edit, or null to assess another area. */
  assessment: Assessment | null;
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
}

/**
 * The draft of one kelurahan (or named location in it): indicators present with evidence (or
 * survey scores), notes and source. The class the rules give is previewed as the person ticks;
 * the server computes the class that is saved.
 */
export function AssessmentForm({
  round,
  config,
  assessment,
  onSaved,
  onCancel,
}: AssessmentFormProps) {
  const { t } = useTranslation();
  const { csrfToken, user } = useSession();
  const [areaCode, setAreaCode] = useState(assessment?.areaCode ?? "");
  const [locationId, setLocationId] = useState(assessment?.locationId ?? "");
  const [indicators, setIndicators] = useState<Record<string, IndicatorValue>>(
    assessment?.indicators ?? {},
  );
  const [survey, setSurvey] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(assessment?.surveyItems ?? {}).map(([item, value]) => [item, String(value)]),
    ),
  );
  const [notes, setNotes] = useState(assessment?.notes ?? "");
  const [source, setSource] = useState(assessment?.source ?? "");
  const [areaError, setAreaError] = useState<string | null>(null);
  const [surveyErrors, setSurveyErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const locations = useAsyncData(areaCode ? `locations:${areaCode}` : null, (signal) =>
    fetchLocationsOf(areaCode, signal),
  );

  const rules = rulesFor(config, round.method);
  const catalogue = config.catalogue.indicators;
  const surveyItems = rules?.rules.method === "survey" ? Object.keys(rules.rules.weights) : [];
  const scores = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(survey)
          .filter(([, value]) => value.trim() !== "" && Number.isFinite(Number(value)))
          .map(([item, value]) => [item, Number(value)]),
      ),
    [survey],
  );
  const preview: RiskClass | null = useMemo(() => {
    if (!rules) return null;
    if (rules.rules.method === "indicator") {
      const present = Object.entries(indicators)
        .filter(([, value]) => value.present)
        .map(([code]) => code);
      return classifyByIndicators(countIndicators(present, catalogue), rules.rules);
    }
    const score = surveyScore(scores, rules.rules);
    return score === null ? null : classifyBySurvey(score, rules.rules);
  }, [rules, indicators, scores, catalogue]);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const badScores = Object.fromEntries(
      Object.entries(survey)
        .filter(([, value]) => value.trim() !== "")
        .filter(([, value]) => !(Number(value) >= 0 && Number(value) <= 100))
        .map(([item]) => [item, t("risk.form.scoreRange")]),
    );
    setAreaError(areaCode ? null : t("form.required"));
    setSurveyErrors(badScores);
    if (!areaCode || Object.keys(badScores).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const active = new Set(catalogue.filter((i) => !i.retired).map((i) => i.code));
      const saved = await saveAssessment(csrfToken, round.id, {
        areaCode,
        locationId: locationId || null,
        indicators: Object.fromEntries(
          Object.entries(indicators).filter(([code]) => active.has(code)),
        ),
        surveyItems: round.method === "survey" ? scores : {},
        notes: notes.trim(),
        source: source.trim(),
      });
      onSaved(saved);
    } catch (error) {
      setFailure(error);
      const code = errorCode(error);
      if (code === "AREA_NOT_FOUND" || code === "SCOPE_VIOLATION") setAreaError(t(errorKey(error)));
    } finally {
      setBusy(false);
    }
  };

  const locationList = locations.status === "success" ? locations.data : [];
  return (
    <form
      ref={formRef}
      className="form"
      data-testid="assessment-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <FormAlert testId="assessment-error" message={failure ? t(errorKey(failure)) : null} />
      {assessment ? (
        <p>
          <strong>{assessment.locationName ?? assessment.areaName}</strong>{" "}
          <span className="muted">
            {assessment.locationName ? `${assessment.areaName} · ` : ""}
            <span className="mono">{assessment.areaCode}</span>
          </span>
        </p>
      ) : (
        <div className="form-row">
          <KelurahanSelect
            id="assessment-area"
            testId="assessment-area"
            label={t("risk.form.area")}
            parent={round.areaCode}
            within={user?.scope}
            value={areaCode}
            onValue={(code) => {
              setAreaCode(code);
              setLocationId("");
              setAreaError(null);
            }}
            error={areaError}
          />
          <SelectField
            id="assessment-location"
            testId="assessment-location"
            label={t("risk.form.location")}
            value={locationId}
            onValue={setLocationId}
            disabled={!areaCode || locationList.length === 0}
            hint={t("risk.form.locationHint")}
          >
            <option value="">{t("risk.form.wholeKelurahan")}</option>
            {locationList.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {round.catalogueVersion !== config.catalogue.version ? (
        <p className="notice notice--warning">
          {t("risk.form.catalogueMismatch", {
            round: round.catalogueVersion,
            current: config.catalogue.version,
          })}
        </p>
      ) : null}
      {round.method === "indicator" ? (
        <IndicatorFields
          indicators={catalogue}
          values={indicators}
          onChange={(code, value) => setIndicators((all) => ({ ...all, [code]: value }))}
        />
      ) : (
        <SurveyFields
          items={surveyItems}
          values={survey}
          errors={surveyErrors}
          onChange={(item, value) => setSurvey((all) => ({ ...all, [item]: value }))}
        />
      )}
      <p className="assessment-preview" data-testid="assessment-preview" aria-live="polite">
        {t("risk.form.preview")} <ClassBadge riskClass={preview} />{" "}
        <span className="muted">
          {rules && rules.version === round.ruleVersion
            ? t("risk.form.previewRule", { version: rules.version })
            : t("risk.form.previewOtherRule", {
                version: rules?.version ?? "—",
                round: round.ruleVersion,
              })}
        </span>
      </p>
      <TextAreaField
        id="assessment-notes"
        testId="assessment-notes"
        label={t("risk.form.notes")}
        maxLength={4000}
        value={notes}
        onValue={setNotes}
      />
      <TextAreaField
        id="assessment-source"
        testId="assessment-source"
        label={t("risk.form.source")}
        hint={t("risk.form.sourceHint")}
        rows={2}
        maxLength={2000}
        value={source}
        onValue={setSource}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="assessment-save"
          aria-disabled={busy}
          aria-busy={busy}
        >
          {busy ? t("form.saving") : t("risk.form.saveDraft")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
