import type { ReactNode } from "react";

interface FormAlertProps {
  message: ReactNode;
  testId?: string;
  /** Extra content below the message, e.g. a reload button. */
  children?: ReactNode;
}

/**
 * A form-level error in a live region that is always in the page, so screen readers announce
 * the message when it appears or changes.
 */
export function FormAlert({ message, testId, children }: FormAlertProps) {
  return (
    <div aria-live="assertive" aria-atomic="true">
      {message ? (
        <div className="form-alert" data-testid={testId}>
          <p>{message}</p>
          {children}
        </div>
      ) : null}
    </div>
  );
}
