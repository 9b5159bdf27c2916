import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { errorKey } from "../../lib/http";
import { type ChainCheck, verifyChain } from "./audit.api";

/** "Verify chain": recomputes every hash on the server and reports OK or the first break. */
export function VerifyChain({ onChecked }: { onChecked: () => void }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ChainCheck | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await verifyChain());
      onChecked();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  let message = "";
  let tone = "";
  if (result?.ok) {
    message = t("audit.chainOk", { checked: number(result.checked) });
    tone = "notice--ok";
  } else if (result) {
    message = t("audit.chainBroken", {
      id: result.brokenAt ?? "?",
      reason: result.reason === "prev_hash" ? t("audit.reasonPrev") : t("audit.reasonHash"),
      checked: number(result.checked),
    });
    tone = "notice--error";
  } else if (failure) {
    message = t(errorKey(failure));
    tone = "notice--error";
  }

  return (
    <div className="verify">
      <button
        type="button"
        className="button button--quiet"
        data-testid="audit-verify"
        aria-disabled={busy}
        aria-busy={busy}
        onClick={() => void run()}
      >
        {busy ? t("audit.verifying") : t("audit.verify")}
      </button>
      <div role="status" aria-live="polite">
        {message ? (
          <p
            className={`notice ${tone}`}
            data-testid="audit-verify-result"
            data-ok={result ? String(result.ok) : undefined}
          >
            <span aria-hidden="true">{result?.ok ? "✓ " : "✗ "}</span>
            {message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
