import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** The row of filters above a list. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section className="filters" aria-label={label}>
      {children}
    </section>
  );
}

interface SearchFieldProps {
  id: string;
  value: string;
  onSearch: (text: string) => void;
}

/** Free-text search, applied on Enter or the search button (not on every keystroke). */
export function SearchField({ id, value, onSearch }: SearchFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  // Follow the address when it changes (back button, reset).
  useEffect(() => setText(value), [value]);
  return (
    <search className="filters__search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(text.trim());
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {t("table.search")}
          </label>
          <input
            id={id}
            type="search"
            className="field__input"
            data-testid={id}
            maxLength={100}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--quiet">
          {t("table.searchButton")}
        </button>
      </form>
    </search>
  );
}

interface SelectFilterProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
}

/** A filter applied as soon as it changes; the first option ("all") clears it. */
export function SelectFilter({ id, label, value, onValue, options }: SelectFilterProps) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__select"
        data-testid={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
      >
        <option value="">{t("table.all")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
