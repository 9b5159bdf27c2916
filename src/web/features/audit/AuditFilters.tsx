import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../../components/FormFields";
import { KNOWN_ACTIONS, KNOWN_RESOURCES } from "./audit.api";
import { useAuditLabels } from "./labels";

export const AUDIT_FILTERS = ["action", "resource", "recordId", "from", "to"] as const;
export type AuditFilterValues = Record<(typeof AUDIT_FILTERS)[number], string>;

const EMPTY: AuditFilterValues = { action: "", resource: "", recordId: "", from: "", to: "" };

interface AuditFiltersProps {
  values: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}

/** Action, resource, record id and a date range (Jakarta dates), applied together. */
export function AuditFilters({ values, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [draft, setDraft] = useState(values);
  const [rangeError, setRangeError] = useState("");
  const key = JSON.stringify(values);
  // Follow the address when it changes (back button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `values`.
  useEffect(() => setDraft(values), [key]);
  const set = (change: Partial<AuditFilterValues>) => setDraft((d) => ({ ...d, ...change }));

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setRangeError(t("audit.rangeError"));
      return;
    }
    setRangeError("");
    onApply({ ...draft, action: draft.action.trim(), recordId: draft.recordId.trim() });
  };

  return (
    <form className="filters" aria-label={t("audit.filters")} noValidate onSubmit={onSubmit}>
      <TextField
        id="audit-action"
        label={t("audit.action")}
        testId="audit-filter-action"
        list="audit-action-options"
        autoComplete="off"
        maxLength={100}
        value={draft.action}
        onValue={(action) => set({ action })}
      />
      <datalist id="audit-action-options">
        {KNOWN_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {labels.action(action)}
          </option>
        ))}
      </datalist>
      <div className="field">
        <label className="field__label" htmlFor="audit-resource">
          {t("audit.resource")}
        </label>
        <select
          id="audit-resource"
          className="field__select"
          data-testid="audit-filter-resource"
          value={draft.resource}
          onChange={(event) => set({ resource: event.target.value })}
        >
          <option value="">{t("table.all")}</option>
          {KNOWN_RESOURCES.map((resource) => (
            <option key={resource} value={resource}>
              {labels.resource(resource)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="audit-record"
        label={t("audit.recordId")}
        testId="audit-filter-record"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={draft.recordId}
        onValue={(recordId) => set({ recordId })}
      />
      <TextField
        id="audit-from"
        label={t("audit.from")}
        type="date"
        testId="audit-filter-from"
        value={draft.from}
        onValue={(from) => set({ from })}
        error={rangeError || null}
      />
      <TextField
        id="audit-to"
        label={t("audit.to")}
        type="date"
        testId="audit-filter-to"
        value={draft.to}
        onValue={(to) => set({ to })}
      />
      <div className="filters__buttons">
        <button type="submit" className="button" data-testid="audit-apply">
          {t("table.apply")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          data-testid="audit-reset"
          onClick={() => {
            setDraft(EMPTY);
            setRangeError("");
            onApply(EMPTY);
          }}
        >
          {t("table.reset")}
        </button>
      </div>
    </form>
  );
}
