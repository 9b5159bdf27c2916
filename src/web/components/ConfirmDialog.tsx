import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorKey } from "../lib/http";
import { FormAlert } from "./FormAlert";
import { Modal } from "./Modal";

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: unknown;
}

/** Asks before an action that is hard to undo; focus starts on "cancel". */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { busy = false, error } = props;
  return (
    <Modal title={props.title} onClose={props.onCancel} testId="confirm-dialog" alert>
      <div className="confirm__text">{props.children}</div>
      <FormAlert testId="confirm-error" message={error ? t(errorKey(error)) : null} />
      <div className="form-actions">
        <button
          type="button"
          className="button button--danger"
          data-testid="confirm-yes"
          aria-disabled={busy}
          aria-busy={busy}
          onClick={() => {
            if (!busy) props.onConfirm();
          }}
        >
          {busy ? t("form.working") : props.confirmLabel}
        </button>
        <button
          type="button"
          className="button button--quiet"
          data-testid="confirm-no"
          data-autofocus
          onClick={props.onCancel}
        >
          {t("form.cancel")}
        </button>
      </div>
    </Modal>
  );
}
