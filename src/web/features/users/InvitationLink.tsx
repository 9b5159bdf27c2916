import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import type { Invitation, User } from "./users.api";

async function copyText(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http on a LAN address): select the text and use the old command.
    if (!fallback) return false;
    const range = document.createRange();
    range.selectNodeContents(fallback);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return document.execCommand("copy");
  }
}

/** The one-time invitation link with a copy button and the warning that it is shown once. */
export function InvitationLink({
  user,
  invitation,
  onDone,
}: {
  user: User;
  invitation: Invitation;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const url = `${window.location.origin}${invitation.path}`;
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const linkRef = useRef<HTMLElement>(null);

  return (
    <div className="invitation" data-testid="invitation-result">
      <p>{t("users.linkIntro", { name: user.name, email: user.email })}</p>
      <p className="notice notice--warning">{t("users.linkWarning")}</p>
      <p className="invitation__label">{t("users.link")}</p>
      <code ref={linkRef} className="invitation__link mono" data-testid="invite-link">
        {url}
      </code>
      <p className="muted">{t("users.linkExpires", { date: dateTime(invitation.expiresAt) })}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid="invite-copy"
          data-autofocus
          onClick={() =>
            void copyText(url, linkRef.current).then((ok) => setStatus(ok ? "copied" : "failed"))
          }
        >
          {t("users.copy")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          data-testid="invite-done"
          onClick={onDone}
        >
          {t("users.done")}
        </button>
      </div>
      <p role="status" aria-live="polite" className="invitation__status">
        {status === "copied" ? t("users.copied") : status === "failed" ? t("users.copyFailed") : ""}
      </p>
    </div>
  );
}
