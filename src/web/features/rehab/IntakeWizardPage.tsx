import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { FormAlert } from "../../components/FormAlert";
import {
  CheckboxField,
  focusFirstInvalid,
  SelectField,
  TextAreaField,
  TextField,
} from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { invalidFields } from "../../lib/http";
import { KelurahanSelect } from "../areas/KelurahanSelect";
import { useSession } from "../auth/session";
import { AssistQuestionnaire, AssistSummary } from "./AssistQuestionnaire";
import { ASSIST_SUBSTANCES, type AssistSubstance, missingAnswers } from "./assist";
import { FacilitySelect, useFacilities } from "./FacilitySelect";
import {
  ageOn,
  checkStep,
  emptyDraft,
  INTAKE_STEPS,
  type IntakeDraft,
  type StepErrors,
} from "./intake";
import { todayJakarta, useRehabError, useRehabLabels } from "./labels";
import { RehabSubNav } from "./RehabSubNav";
import { lookupNik, registerClient } from "./rehab.api";
import {
  AGE_FIRST_USE,
  CONSENT_BY,
  DRUG_ROUTES,
  ENTRY_ROUTES,
  PREVIOUS_TREATMENT,
  PRIMARY_SUBSTANCES,
  SERVICE_TYPES,
  SEXES,
  TAT_RECOMMENDATIONS,
  TDI_INJECTING,
  USE_FREQUENCIES,
} from "./vocab";
import "../admin/admin.css";
import "./rehab.css";

/**
 * `/rehab/registrasi`: registers a client and opens their first (or next) episode of care, in
 * steps. The draft lives in this component's memory only: nothing of it goes into the address,
 * the history or the browser's storage, and leaving the page discards it.
 */
export function IntakeWizardPage() {
  const { t } = useTranslation();
  const { user, csrfToken } = useSession();
  const labels = useRehabLabels();
  const errorText = useRehabError();
  const navigate = useNavigate();
  const today = todayJakarta();
  const [draft, setDraft] = useState<IntakeDraft>(() =>
    emptyDraft(today, user?.organisationId ?? ""),
  );
  const [stepIndex, setStepIndex] = useState(0);
  const [errors, setErrors] = useState<StepErrors>({});
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const [found, setFound] = useState<{ id: string; code: string; nik: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const facilities = useFacilities();
  const step = INTAKE_STEPS[stepIndex]!;

  const fieldError = (field: string): string | null =>
    errors[field] ? t(`rehab.intake.errors.${errors[field] as "required"}`) : null;

  const update = <K extends keyof IntakeDraft>(part: K, changes: Partial<IntakeDraft[K]>) => {
    setDraft((d) => ({ ...d, [part]: { ...(d[part] as object), ...changes } }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(changes)) delete next[key];
      return next;
    });
  };

  const goTo = (index: number) => {
    setErrors({});
    setServerError(null);
    setStepIndex(index);
    requestAnimationFrame(() => document.getElementById("intake-step-title")?.focus());
  };

  const next = async () => {
    const problems = checkStep(step, draft, today);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    if (step === "identity" && !draft.existing) {
      // The NIK goes to the blind index before anything is registered.
      setBusy(true);
      setServerError(null);
      try {
        const answer = await lookupNik(csrfToken, draft.identity.nik);
        if (answer.client) {
          setFound({ id: answer.client.id, code: answer.client.code, nik: draft.identity.nik });
          return;
        }
      } catch (error) {
        setServerError(error);
        return;
      } finally {
        setBusy(false);
      }
    }
    if (step === "review") {
      await submit();
      return;
    }
    goTo(stepIndex + 1);
  };

  const submit = async () => {
    for (const [i, s] of INTAKE_STEPS.entries()) {
      const problems = checkStep(s, draft, today);
      if (Object.keys(problems).length > 0) {
        goTo(i);
        setErrors(problems);
        return;
      }
    }
    setBusy(true);
    setServerError(null);
    try {
      const done = await registerClient(csrfToken, draft);
      // Only flags travel with the navigation: nothing typed in the wizard.
      navigate(`/rehab/klien/${done.clientId}`, {
        replace: true,
        state: { registered: true, screeningFailed: done.screeningError !== null },
      });
    } catch (error) {
      setServerError(error);
      const fields = invalidFields(error).map((f) => f.split(".").pop() ?? f);
      if (fields.length > 0) setErrors(Object.fromEntries(fields.map((f) => [f, "server"])));
    } finally {
      setBusy(false);
    }
  };

  const childAge =
    draft.identity.birthDate && !draft.existing ? ageOn(draft.identity.birthDate, today) : null;
  const stepErrorCount = Object.keys(errors).length;
  const facilityName =
    facilities.status === "success"
      ? (facilities.data.find((f) => f.id === draft.episode.facilityId)?.name ?? "")
      : "";
  const substanceName = (s: AssistSubstance) =>
    s === "other" && draft.assist.otherName.trim()
      ? t("rehab.assist.otherNamed", { name: draft.assist.otherName.trim() })
      : t(`rehab.substance.${s}`);

  return (
    <PageLayout title={t("rehab.intake.title")}>
      <RehabSubNav />
      <p className="page__intro muted">{t("rehab.intake.intro")}</p>
      <ol
        className="wizard-steps"
        aria-label={t("rehab.intake.progress")}
        data-testid="intake-steps"
      >
        {INTAKE_STEPS.map((s, i) => (
          <li
            key={s}
            className={
              i === stepIndex
                ? "wizard-steps__item wizard-steps__item--current"
                : i < stepIndex
                  ? "wizard-steps__item wizard-steps__item--done"
                  : "wizard-steps__item"
            }
            aria-current={i === stepIndex ? "step" : undefined}
          >
            {i < stepIndex ? (
              <button type="button" className="link-button" onClick={() => goTo(i)}>
                <span className="wizard-steps__number">{i + 1}</span>
                {t(`rehab.intake.steps.${s}`)}
              </button>
            ) : (
              <span>
                <span className="wizard-steps__number">{i + 1}</span>
                {t(`rehab.intake.steps.${s}`)}
              </span>
            )}
          </li>
        ))}
      </ol>
      <form
        ref={formRef}
        className="form card wizard"
        noValidate
        autoComplete="off"
        data-testid={`intake-step-${step}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void next();
        }}
      >
        <h2 id="intake-step-title" className="section-title" tabIndex={-1}>
          {t("rehab.intake.stepTitle", {
            n: stepIndex + 1,
            total: INTAKE_STEPS.length,
            name: t(`rehab.intake.steps.${step}`),
          })}
        </h2>
        <FormAlert
          testId="intake-error"
          message={
            serverError
              ? errorText(serverError)
              : stepErrorCount > 0
                ? t("rehab.intake.fixErrors", { count: stepErrorCount })
                : null
          }
        />

        {step === "identity" ? (
          <>
            {draft.existing ? (
              <div className="notice notice--ok" data-testid="intake-existing">
                <p>
                  {t("rehab.intake.continuingWith")}{" "}
                  <strong className="mono">{draft.existing.code}</strong>
                </p>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => setDraft((d) => ({ ...d, existing: null }))}
                >
                  {t("rehab.intake.registerNewInstead")}
                </button>
              </div>
            ) : null}
            <p className="notice notice--warning">{t("rehab.intake.identityNotice")}</p>
            <TextField
              id="intake-nik"
              label={t("rehab.identity.nik")}
              hint={t("rehab.intake.nikHint")}
              testId="intake-nik"
              inputMode="numeric"
              autoComplete="off"
              maxLength={16}
              value={draft.identity.nik}
              error={fieldError("nik")}
              onValue={(nik) => {
                update("identity", { nik: nik.replace(/\D/g, "") });
                if (draft.existing) setDraft((d) => ({ ...d, existing: null }));
              }}
            />
            {!draft.existing ? (
              <>
                <TextField
                  id="intake-name"
                  label={t("rehab.identity.fullName")}
                  testId="intake-name"
                  autoComplete="off"
                  maxLength={200}
                  value={draft.identity.fullName}
                  error={fieldError("fullName")}
                  onValue={(fullName) => update("identity", { fullName })}
                />
                <div className="form-row">
                  <TextField
                    id="intake-dob"
                    type="date"
                    label={t("rehab.identity.birthDate")}
                    testId="intake-dob"
                    autoComplete="off"
                    max={today}
                    value={draft.identity.birthDate}
                    error={fieldError("birthDate")}
                    hint={
                      childAge !== null && childAge >= 0 && childAge < 18 ? (
                        <span className="badge badge--child" data-testid="intake-child">
                          {t("rehab.child")}
                        </span>
                      ) : undefined
                    }
                    onValue={(birthDate) => update("identity", { birthDate })}
                  />
                  <SelectField
                    id="intake-sex"
                    label={t("rehab.client.sex")}
                    testId="intake-sex"
                    value={draft.identity.sex}
                    error={fieldError("sex")}
                    onValue={(sex) => update("identity", { sex })}
                  >
                    <option value="">{t("rehab.choose")}</option>
                    {SEXES.map((s) => (
                      <option key={s} value={s}>
                        {labels.sex(s)}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <TextField
                  id="intake-phone"
                  type="tel"
                  label={t("rehab.identity.phone")}
                  testId="intake-phone"
                  autoComplete="off"
                  maxLength={20}
                  value={draft.identity.phone}
                  error={fieldError("phone")}
                  onValue={(phone) => update("identity", { phone })}
                />
                <TextAreaField
                  id="intake-address"
                  label={t("rehab.identity.address")}
                  testId="intake-address"
                  autoComplete="off"
                  maxLength={500}
                  value={draft.identity.address}
                  error={fieldError("address")}
                  onValue={(address) => update("identity", { address })}
                />
                <KelurahanSelect
                  id="intake-kelurahan"
                  label={t("rehab.client.residence")}
                  testId="intake-kelurahan"
                  value={draft.identity.residenceKelurahanCode}
                  error={fieldError("residenceKelurahanCode")}
                  onValue={(residenceKelurahanCode) =>
                    update("identity", { residenceKelurahanCode })
                  }
                />
              </>
            ) : null}
            {found ? (
              <div className="notice notice--warning" role="alert" data-testid="intake-found">
                <p>
                  {t("rehab.intake.foundText")}{" "}
                  <strong className="mono" data-testid="intake-found-code">
                    {found.code}
                  </strong>
                </p>
                <div className="form-actions">
                  <button
                    type="button"
                    className="button"
                    data-testid="intake-use-existing"
                    onClick={() => {
                      setDraft((d) => ({
                        ...d,
                        existing: { id: found.id, code: found.code },
                        // The identity is on record already: the copy typed here is dropped.
                        identity: {
                          ...d.identity,
                          fullName: "",
                          birthDate: "",
                          phone: "",
                          address: "",
                        },
                      }));
                      setFound(null);
                      goTo(1);
                    }}
                  >
                    {t("rehab.intake.useExisting")}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => {
                      setFound(null);
                      document.getElementById("intake-nik")?.focus();
                    }}
                  >
                    {t("rehab.intake.checkNik")}
                  </button>
                </div>
              </div>
            ) : null}
          </>
        ) : null}

        {step === "episode" ? (
          <>
            <FacilitySelect
              id="intake-facility"
              label={t("rehab.episode.facility")}
              testId="intake-facility"
              value={draft.episode.facilityId}
              error={fieldError("facilityId")}
              onValue={(facilityId) => update("episode", { facilityId })}
            />
            <div className="form-row">
              <SelectField
                id="intake-entry"
                label={t("rehab.episode.entryRoute")}
                testId="intake-entry"
                value={draft.episode.entryRoute}
                error={fieldError("entryRoute")}
                onValue={(entryRoute) => update("episode", { entryRoute })}
              >
                <option value="">{t("rehab.choose")}</option>
                {ENTRY_ROUTES.map((r) => (
                  <option key={r} value={r}>
                    {labels.entryRoute(r)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="intake-start"
                type="date"
                label={t("rehab.episode.startDate")}
                testId="intake-start"
                max={today}
                value={draft.episode.startDate}
                error={fieldError("startDate")}
                onValue={(startDate) => update("episode", { startDate })}
              />
            </div>
            {draft.episode.entryRoute === "legal_tat" ? (
              <SelectField
                id="intake-tat"
                label={t("rehab.episode.tatRecommendation")}
                hint={t("rehab.episode.tatHint")}
                testId="intake-tat"
                value={draft.episode.tatRecommendation}
                error={fieldError("tatRecommendation")}
                onValue={(tatRecommendation) => update("episode", { tatRecommendation })}
              >
                <option value="">{t("rehab.choose")}</option>
                {TAT_RECOMMENDATIONS.map((r) => (
                  <option key={r} value={r}>
                    {labels.tat(r)}
                  </option>
                ))}
              </SelectField>
            ) : null}
            {draft.episode.entryRoute === "referral_outreach" ||
            draft.episode.entryRoute === "other" ? (
              <TextField
                id="intake-referral"
                label={t("rehab.episode.referralNote")}
                testId="intake-referral"
                maxLength={200}
                value={draft.episode.referralNote}
                error={fieldError("referralNote")}
                onValue={(referralNote) => update("episode", { referralNote })}
              />
            ) : null}
            <fieldset className="fieldset">
              <legend>{t("rehab.consent.title")}</legend>
              <p className="muted">{t("rehab.consent.text")}</p>
              <div className="form-row">
                <SelectField
                  id="intake-consent-by"
                  label={t("rehab.consent.by")}
                  testId="intake-consent-by"
                  value={draft.episode.consentBy}
                  error={fieldError("consentBy")}
                  onValue={(consentBy) => update("episode", { consentBy })}
                >
                  {CONSENT_BY.map((b) => (
                    <option key={b} value={b}>
                      {labels.consentBy(b)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id="intake-consent-date"
                  type="date"
                  label={t("rehab.consent.date")}
                  testId="intake-consent-date"
                  max={today}
                  value={draft.episode.consentDate}
                  error={fieldError("consentDate")}
                  onValue={(consentDate) => update("episode", { consentDate })}
                />
              </div>
              <CheckboxField
                id="intake-consent"
                label={t("rehab.consent.given")}
                testId="intake-consent"
                checked={draft.episode.consentGiven}
                onChecked={(consentGiven) => update("episode", { consentGiven })}
              />
              {errors.consentGiven ? (
                <p className="field__error" data-testid="intake-consent-error">
                  {fieldError("consentGiven")}
                </p>
              ) : null}
            </fieldset>
          </>
        ) : null}

        {step === "assist" ? (
          <>
            <p className="muted">{t("rehab.assist.intro")}</p>
            {errors.assist ? (
              <p className="field__error" data-testid="assist-missing">
                {t("rehab.assist.missingCount", { count: missingAnswers(draft.assist).length })}
              </p>
            ) : null}
            <AssistQuestionnaire
              value={draft.assist}
              showMissing={Boolean(errors.assist)}
              onChange={(assist) => {
                setDraft((d) => ({ ...d, assist }));
                if (errors.assist && missingAnswers(assist).length === 0) setErrors({});
              }}
            />
          </>
        ) : null}

        {step === "tdi" ? (
          <>
            <p className="muted">{t("rehab.tdi.intro")}</p>
            <div className="form-row">
              <SelectField
                id="intake-primary"
                label={t("rehab.tdi.primarySubstance")}
                testId="intake-primary"
                value={draft.tdi.primarySubstance}
                error={fieldError("primarySubstance")}
                onValue={(primarySubstance) => update("tdi", { primarySubstance })}
              >
                <option value="">{t("rehab.choose")}</option>
                {PRIMARY_SUBSTANCES.map((s) => (
                  <option key={s} value={s}>
                    {labels.drug(s)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id="intake-secondary"
                label={t("rehab.tdi.secondarySubstance")}
                testId="intake-secondary"
                value={draft.tdi.secondarySubstance}
                error={fieldError("secondarySubstance")}
                onValue={(secondarySubstance) => update("tdi", { secondarySubstance })}
              >
                <option value="">{t("rehab.none")}</option>
                {PRIMARY_SUBSTANCES.map((s) => (
                  <option key={s} value={s}>
                    {labels.drug(s)}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="form-row">
              <SelectField
                id="intake-route"
                label={t("rehab.tdi.route")}
                testId="intake-route"
                value={draft.tdi.route}
                error={fieldError("route")}
                onValue={(route) => update("tdi", { route })}
              >
                <option value="">{t("rehab.choose")}</option>
                {DRUG_ROUTES.map((r) => (
                  <option key={r} value={r}>
                    {labels.route(r)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id="intake-frequency"
                label={t("rehab.tdi.frequency")}
                testId="intake-frequency"
                value={draft.tdi.frequency}
                error={fieldError("frequency")}
                onValue={(frequency) => update("tdi", { frequency })}
              >
                <option value="">{t("rehab.choose")}</option>
                {USE_FREQUENCIES.map((f) => (
                  <option key={f} value={f}>
                    {labels.frequency(f)}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="form-row">
              <TextField
                id="intake-age-first"
                type="number"
                inputMode="numeric"
                min={AGE_FIRST_USE.min}
                max={AGE_FIRST_USE.max}
                label={t("rehab.tdi.ageAtFirstUse")}
                testId="intake-age-first"
                value={draft.tdi.ageAtFirstUse}
                error={fieldError("ageAtFirstUse")}
                onValue={(ageAtFirstUse) => update("tdi", { ageAtFirstUse })}
              />
              <SelectField
                id="intake-previous"
                label={t("rehab.tdi.previousTreatment")}
                testId="intake-previous"
                value={draft.tdi.previousTreatment}
                error={fieldError("previousTreatment")}
                onValue={(previousTreatment) => update("tdi", { previousTreatment })}
              >
                <option value="">{t("rehab.choose")}</option>
                {PREVIOUS_TREATMENT.map((p) => (
                  <option key={p} value={p}>
                    {labels.previousTreatment(p)}
                  </option>
                ))}
              </SelectField>
            </div>
            <SelectField
              id="intake-injecting"
              label={t("rehab.tdi.injecting")}
              testId="intake-injecting"
              value={draft.tdi.injecting}
              error={fieldError("injecting")}
              onValue={(injecting) => update("tdi", { injecting })}
            >
              <option value="">{t("rehab.choose")}</option>
              {TDI_INJECTING.map((i) => (
                <option key={i} value={i}>
                  {labels.injecting(i)}
                </option>
              ))}
            </SelectField>
          </>
        ) : null}

        {step === "plan" ? (
          <>
            <SelectField
              id="intake-service"
              label={t("rehab.episode.serviceType")}
              hint={t("rehab.episode.serviceHint")}
              testId="intake-service"
              value={draft.plan.serviceType}
              error={fieldError("serviceType")}
              onValue={(serviceType) => update("plan", { serviceType })}
            >
              <option value="">{t("rehab.choose")}</option>
              {SERVICE_TYPES.map((s) => (
                <option key={s} value={s}>
                  {labels.service(s)}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              id="intake-plan"
              label={t("rehab.episode.treatmentPlan")}
              testId="intake-plan"
              rows={5}
              maxLength={4000}
              value={draft.plan.treatmentPlan}
              error={fieldError("treatmentPlan")}
              onValue={(treatmentPlan) => update("plan", { treatmentPlan })}
            />
          </>
        ) : null}

        {step === "review" ? (
          <div data-testid="intake-review">
            <p className="muted">{t("rehab.intake.reviewIntro")}</p>
            <dl className="facts">
              <div>
                <dt>{t("rehab.intake.client")}</dt>
                <dd>
                  {draft.existing ? (
                    <span className="mono">{draft.existing.code}</span>
                  ) : (
                    t("rehab.intake.newClient")
                  )}
                </dd>
              </div>
              {!draft.existing ? (
                <div>
                  <dt>{t("rehab.client.sex")}</dt>
                  <dd>{labels.sex(draft.identity.sex)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("rehab.episode.facility")}</dt>
                <dd>{facilityName}</dd>
              </div>
              <div>
                <dt>{t("rehab.episode.entryRoute")}</dt>
                <dd>{labels.entryRoute(draft.episode.entryRoute)}</dd>
              </div>
              <div>
                <dt>{t("rehab.tdi.primarySubstance")}</dt>
                <dd>{labels.drug(draft.tdi.primarySubstance)}</dd>
              </div>
              <div>
                <dt>{t("rehab.tdi.route")}</dt>
                <dd>{labels.route(draft.tdi.route)}</dd>
              </div>
              <div>
                <dt>{t("rehab.episode.serviceType")}</dt>
                <dd>{labels.service(draft.plan.serviceType)}</dd>
              </div>
            </dl>
            {ASSIST_SUBSTANCES.some((s) => draft.assist.substances[s].ever) ? (
              <AssistSummary value={draft.assist} nameOf={substanceName} />
            ) : (
              <p className="muted">{t("rehab.assist.noneUsed")}</p>
            )}
          </div>
        ) : null}

        <div className="form-actions wizard__actions">
          {stepIndex > 0 ? (
            <button
              type="button"
              className="button button--quiet"
              data-testid="intake-back"
              onClick={() => goTo(stepIndex - 1)}
            >
              {t("rehab.intake.back")}
            </button>
          ) : (
            <Link className="button button--quiet" to="/rehab">
              {t("form.cancel")}
            </Link>
          )}
          <button
            type="submit"
            className="button"
            data-testid={step === "review" ? "intake-submit" : "intake-next"}
            aria-disabled={busy}
            aria-busy={busy}
          >
            {busy
              ? t("form.working")
              : step === "review"
                ? t("rehab.intake.submit")
                : t("rehab.intake.next")}
          </button>
        </div>
      </form>
    </PageLayout>
  );
}
