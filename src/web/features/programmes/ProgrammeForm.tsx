import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { SelectField, TextAreaField, TextField } from "../../components/FormFields";
import { errorKey, invalidFields } from "../../lib/http";
import { useSession } from "../auth/session";
import {
  BUDGET_SOURCES,
  type BudgetSource,
  createProgramme,
  PILLARS,
  type Pillar,
  PROGRAMME_STATUSES,
  type ProgrammeDetail,
  type ProgrammeInput,
  type ProgrammeStatus,
  TARGET_INDICATORS,
  type TargetIndicator,
  updateProgramme,
} from "./programmes.api";
import { currentYear } from "./shared";
import { usePickers } from "./usePickers";

interface Props {
  programme: ProgrammeDetail | null;
  onSaved: (programme: ProgrammeDetail) => void;
  onCancel: () => void;
}

type Target = { indicator: TargetIndicator; label: string; baseline: string; targetValue: string };

/** Create or edit a programme: pillar, lead and partners, areas, period, budget, targets, input items. */
export function ProgrammeForm({ programme, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { csrfToken, user } = useSession();
  const pickers = usePickers("31.73", true);
  const year = currentYear();
  const [name, setName] = useState(programme?.name ?? "");
  const [pillar, setPillar] = useState<Pillar>(programme?.pillar ?? "pencegahan");
  const [description, setDescription] = useState(programme?.description ?? "");
  const [lead, setLead] = useState(programme?.leadOrganisation.id ?? user?.organisationId ?? "");
  const [partners, setPartners] = useState<string[]>(programme?.partners.map((p) => p.id) ?? []);
  const [areaCode, setAreaCode] = useState(programme?.areaCode ?? user?.scope ?? "31.73");
  const [targetAreas, setTargetAreas] = useState<string[]>([
    ...new Set(programme?.targetAreas.map((a) => a.areaCode) ?? []),
  ]);
  const keptLocations = programme?.targetAreas.filter((a) => a.namedLocationId) ?? [];
  const [periodStart, setPeriodStart] = useState(programme?.periodStart ?? `${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(programme?.periodEnd ?? `${year}-12-31`);
  const [budget, setBudget] = useState(String(programme?.budgetAmount ?? 0));
  const [source, setSource] = useState<BudgetSource>(programme?.budgetSource ?? "apbd");
  const [status, setStatus] = useState<ProgrammeStatus>(programme?.status ?? "planned");
  const [targets, setTargets] = useState<Target[]>(
    programme?.targets.map((x) => ({
      indicator: x.indicator,
      label: x.label,
      baseline: String(x.baseline),
      targetValue: String(x.targetValue),
    })) ?? [],
  );
  const [items, setItems] = useState<string[]>(programme?.inputItems.map((i) => i.id) ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (name.trim().length < 3) errors.name = t("programmes.errors.name");
    if (!lead) errors.lead = t("programmes.errors.lead");
    if (periodEnd < periodStart) errors.periodEnd = t("programmes.errors.period");
    const amount = Number(budget);
    if (!Number.isInteger(amount) || amount < 0) errors.budget = t("programmes.errors.budget");
    if (targets.some((x) => !(Number(x.targetValue) >= 0) || x.targetValue === ""))
      errors.targets = t("programmes.errors.target");
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input: ProgrammeInput = {
      name: name.trim(),
      pillar,
      description,
      leadOrganisationId: lead,
      partnerOrganisationIds: partners,
      areaCode,
      targetAreas: [
        ...targetAreas.map((code) => ({ areaCode: code, namedLocationId: null })),
        ...keptLocations
          .filter((a) => targetAreas.includes(a.areaCode))
          .map((a) => ({ areaCode: a.areaCode, namedLocationId: a.namedLocationId })),
      ],
      periodStart,
      periodEnd,
      budgetAmount: amount,
      budgetSource: source,
      targets: targets.map((x) => ({
        indicator: x.indicator,
        label: x.label,
        baseline: Number(x.baseline) || 0,
        targetValue: Number(x.targetValue),
      })),
      inputItemIds: items,
      status,
    };
    setBusy(true);
    setError(null);
    try {
      const saved = programme
        ? await updateProgramme(csrfToken, programme.id, input)
        : await createProgramme(csrfToken, input);
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      const fields = invalidFields(caught);
      if (fields.length > 0)
        setFieldErrors(
          Object.fromEntries(fields.map((f) => [f.split(".")[0]!, t("programmes.errors.field")])),
        );
    } finally {
      setBusy(false);
    }
  };

  const inCity = (code: string) => code === areaCode || code.startsWith(`${areaCode}.`);
  return (
    <form onSubmit={submit} noValidate data-testid="programme-form">
      <FormAlert message={error ? t(errorKey(error)) : null} testId="programme-form-error" />
      <TextField
        id="programme-name"
        label={t("programmes.fields.name")}
        value={name}
        onValue={setName}
        error={fieldErrors.name}
        testId="programme-name"
        required
      />
      <div className="form-grid">
        <SelectField
          id="programme-pillar"
          label={t("programmes.fields.pillar")}
          value={pillar}
          onValue={(v) => setPillar(v as Pillar)}
          testId="programme-pillar"
        >
          {PILLARS.map((p) => (
            <option key={p} value={p}>
              {t(`programmes.pillar.${p}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="programme-status"
          label={t("programmes.fields.status")}
          value={status}
          onValue={(v) => setStatus(v as ProgrammeStatus)}
          testId="programme-status"
        >
          {PROGRAMME_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`programmes.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="programme-lead"
          label={t("programmes.fields.lead")}
          value={lead}
          onValue={setLead}
          error={fieldErrors.lead ?? fieldErrors.leadOrganisationId}
          testId="programme-lead"
        >
          <option value="">{t("programmes.choose")}</option>
          {pickers.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="programme-area"
          label={t("programmes.fields.area")}
          hint={t("programmes.hints.area")}
          value={areaCode}
          onValue={(v) => {
            setAreaCode(v);
            setTargetAreas((list) => list.filter((c) => c === v || c.startsWith(`${v}.`)));
          }}
          error={fieldErrors.areaCode}
          testId="programme-area"
        >
          <option value="31.73">{t("programmes.jakartaBarat")}</option>
          {pickers.kecamatan.map((a) => (
            <option key={a.code} value={a.code}>
              {t("programmes.kecamatanOption", { name: a.name })}
            </option>
          ))}
          {pickers.kelurahan.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="programme-start"
          type="date"
          label={t("programmes.fields.periodStart")}
          value={periodStart}
          onValue={setPeriodStart}
          testId="programme-start"
        />
        <TextField
          id="programme-end"
          type="date"
          label={t("programmes.fields.periodEnd")}
          value={periodEnd}
          onValue={setPeriodEnd}
          error={fieldErrors.periodEnd}
          testId="programme-end"
        />
        <TextField
          id="programme-budget"
          type="number"
          min={0}
          step={1000}
          inputMode="numeric"
          label={t("programmes.fields.budget")}
          value={budget}
          onValue={setBudget}
          error={fieldErrors.budget ?? fieldErrors.budgetAmount}
          testId="programme-budget"
        />
        <SelectField
          id="programme-source"
          label={t("programmes.fields.source")}
          value={source}
          onValue={(v) => setSource(v as BudgetSource)}
          testId="programme-source"
        >
          {BUDGET_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`programmes.source.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        id="programme-description"
        label={t("programmes.fields.description")}
        value={description}
        onValue={setDescription}
      />
      <fieldset>
        <legend>{t("programmes.fields.partners")}</legend>
        <div className="check-list" data-testid="programme-partners">
          {pickers.organisations
            .filter((o) => o.id !== lead)
            .map((o) => (
              <label key={o.id}>
                <input
                  type="checkbox"
                  checked={partners.includes(o.id)}
                  onChange={() => setPartners((l) => toggle(l, o.id))}
                />{" "}
                {o.name}
              </label>
            ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("programmes.fields.targetAreas")}</legend>
        <p className="field__hint">{t("programmes.hints.targetAreas")}</p>
        <div className="check-list" data-testid="programme-target-areas">
          {pickers.kelurahan
            .filter((a) => inCity(a.code))
            .map((a) => (
              <label key={a.code}>
                <input
                  type="checkbox"
                  data-testid="target-area"
                  data-code={a.code}
                  checked={targetAreas.includes(a.code)}
                  onChange={() => setTargetAreas((l) => toggle(l, a.code))}
                />{" "}
                {a.name} <span className="muted mono">{a.code}</span>
              </label>
            ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("programmes.fields.inputItems")}</legend>
        {pickers.inputItems.length === 0 ? (
          <p className="muted">{t("programmes.noInputItems")}</p>
        ) : (
          <div className="check-list" data-testid="programme-input-items">
            {pickers.inputItems.map((i) => (
              <label key={i.id}>
                <input
                  type="checkbox"
                  data-testid="input-item"
                  data-topic={i.topic}
                  checked={items.includes(i.id)}
                  onChange={() => setItems((l) => toggle(l, i.id))}
                />{" "}
                {i.topic}{" "}
                <span className="muted">
                  ({i.meetingTitle}, {i.meetingDate})
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t("programmes.fields.targets")}</legend>
        {fieldErrors.targets ? <p className="field__error">{fieldErrors.targets}</p> : null}
        {targets.map((x, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before saving.
          <div className="target-row" key={k} data-testid="target-row">
            <SelectField
              id={`target-indicator-${k}`}
              label={t("programmes.fields.indicator")}
              value={x.indicator}
              onValue={(v) =>
                setTargets((l) =>
                  l.map((y, j) => (j === k ? { ...y, indicator: v as TargetIndicator } : y)),
                )
              }
            >
              {TARGET_INDICATORS.map((i) => (
                <option key={i} value={i}>
                  {t(`programmes.indicator.${i}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`target-label-${k}`}
              label={t("programmes.fields.targetLabel")}
              value={x.label}
              onValue={(v) =>
                setTargets((l) => l.map((y, j) => (j === k ? { ...y, label: v } : y)))
              }
            />
            <TextField
              id={`target-baseline-${k}`}
              type="number"
              min={0}
              label={t("programmes.fields.baseline")}
              value={x.baseline}
              onValue={(v) =>
                setTargets((l) => l.map((y, j) => (j === k ? { ...y, baseline: v } : y)))
              }
            />
            <TextField
              id={`target-value-${k}`}
              type="number"
              min={0}
              label={t("programmes.fields.targetValue")}
              value={x.targetValue}
              testId="target-value"
              onValue={(v) =>
                setTargets((l) => l.map((y, j) => (j === k ? { ...y, targetValue: v } : y)))
              }
            />
            <button
              type="button"
              className="button button--quiet button--small"
              aria-label={t("programmes.removeTarget", { n: k + 1 })}
              onClick={() => setTargets((l) => l.filter((_, j) => j !== k))}
            >
              {t("programmes.remove")}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--quiet"
          data-testid="target-add"
          onClick={() =>
            setTargets((l) => [
              ...l,
              { indicator: "activities", label: "", baseline: "0", targetValue: "" },
            ])
          }
        >
          {t("programmes.addTarget")}
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="programme-save">
          {busy ? t("form.saving") : t("form.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
