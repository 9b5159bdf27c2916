import { type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** Role "alertdialog" for confirmations. */
  alert?: boolean;
  /** A wider dialog for long forms. */
  wide?: boolean;
}

/**
 * A modal `<dialog>` (the browser traps focus and closes it on Escape). Mount it to open it,
 * unmount it to close it; focus then returns to the element that opened it. The first element
 * marked `data-autofocus` inside receives focus.
 */
export function Modal({
  title,
  onClose,
  children,
  testId,
  alert = false,
  wide = false,
}: ModalProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
      else document.querySelector<HTMLElement>("main h1[tabindex], main[tabindex]")?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? "modal modal--wide" : "modal"}
      role={alert ? "alertdialog" : undefined}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="modal__head">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <button
          type="button"
          className="modal__close"
          aria-label={t("form.close")}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="modal__body">{children}</div>
    </dialog>
  );
}
