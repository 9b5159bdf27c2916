import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useCallback,
  useState,
} from "react";

interface FieldFrame {
  id: string;
  label: string;
  /** A translated problem with the value, shown under it and linked with aria-describedby. */
  error?: string | null | undefined;
  hint?: ReactNode;
  testId?: string;
}

function describedBy(id: string, error: unknown, hint: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FieldNotes({ id, error, hint }: Pick<FieldFrame, "id" | "error" | "hint">) {
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </>
  );
}

type TextFieldProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "onChange" | "value"> & {
    value: string;
    onValue: (value: string) => void;
  };

/** A labelled text input with an optional hint and error message. */
export function TextField({
  id,
  label,
  error,
  hint,
  testId,
  value,
  onValue,
  ...rest
}: TextFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        {...rest}
        id={id}
        className="field__input"
        data-testid={testId}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onValue(event.target.value)}
      />
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

type TextAreaFieldProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "onChange" | "value"> & {
    value: string;
    onValue: (value: string) => void;
  };

/** A labelled multi-line text input with an optional hint and error message. */
export function TextAreaField({
  id,
  label,
  error,
  hint,
  testId,
  value,
  onValue,
  ...rest
}: TextAreaFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        rows={3}
        {...rest}
        id={id}
        className="field__input field__textarea"
        data-testid={testId}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onValue(event.target.value)}
      />
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

type SelectFieldProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "onChange" | "value"> & {
    value: string;
    onValue: (value: string) => void;
    children: ReactNode;
  };

/** A labelled `<select>` with an optional hint and error message. */
export function SelectField({
  id,
  label,
  error,
  hint,
  testId,
  value,
  onValue,
  children,
  ...rest
}: SelectFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        {...rest}
        id={id}
        className="field__select"
        data-testid={testId}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onValue(event.target.value)}
      >
        {children}
      </select>
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: ReactNode;
  testId?: string;
}

/** A checkbox with its label on the right. */
export function CheckboxField({ id, label, checked, onChecked, hint, testId }: CheckboxFieldProps) {
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        data-testid={testId}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChecked(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} hint={hint} />
    </div>
  );
}

/**
 * Per-field error messages of a form; `clear(field)` drops one when the person edits that field,
 * so a fixed value stops being marked invalid before the next submit.
 */
export function useFieldErrors<F extends string>() {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const clear = useCallback((field: F) => {
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);
  return [errors, setErrors, clear] as const;
}

/**
 * Moves focus to the first field marked invalid inside `form` after a failed submit. The marks
 * appear with the next render, so this looks for a few animation frames before giving up.
 */
export function focusFirstInvalid(form: HTMLFormElement | null, framesLeft = 10): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>("[aria-invalid='true']");
    if (field) field.focus();
    else if (framesLeft > 0 && form?.isConnected) focusFirstInvalid(form, framesLeft - 1);
  });
}
