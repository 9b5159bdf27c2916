import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { TextAreaField, TextField } from "../../components/FormFields";
import { useFormat } from "../../i18n/format";
import { useSession } from "../auth/session";
import { reclassifyRound, runWorkflow } from "./risk.api";
import type { Round, WorkflowStep } from "./risk.types";

export type Dialog = WorkflowStep | "reclassify";

interface WorkflowBarProps {
  round: Round;
  /** Verified assessments ticked in the table (returned instead of all verified ones). */
  selectedIds: readonly string[];
  /** Latest rule version of the round's method, offered for reclassification. */
  latestRuleVersion: number | null;
  /** Called after a step with the number of assessments it changed. */
  onDone: (step: Dialog, changed: number) => void;
}

/**
 * Workflow of a round for those allowed: verify all drafts (with a comment), return verified
 * assessments to draft (the ticked ones or all, with a comment), publish all verified ones,
 * and reclassify with another rule version. Each asks for confirmation first.
 */
export function WorkflowBar({ round, selectedIds, latestRuleVersion, onDone }: WorkflowBarProps) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { csrfToken } = useSession();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [comment, setComment] = useState("");
  const [version, setVersion] = useState("");
  const [versionError, setVersionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const canVerify = round.actions.includes("verify");
  const canPublish = round.actions.includes("publish");
  if (!canVerify && !canPublish) return null;
  const counts = round.counts.byStatus;

  const open = (next: Dialog): void => {
    setDialog(next);
    setComment("");
    setVersion(String(latestRuleVersion ?? round.ruleVersion));
    setVersionError(null);
    setFailure(null);
  };
  const close = (): void => {
    if (!busy) setDialog(null);
  };

  const confirm = async (): Promise<void> => {
    if (!dialog || busy) return;
    const ruleVersion = Number(version);
    if (dialog === "reclassify" && !(Number.isInteger(ruleVersion) && ruleVersion >= 1)) {
      setVersionError(t("form.invalid"));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const { changed } =
        dialog === "reclassify"
          ? await reclassifyRound(csrfToken, round.id, ruleVersion)
          : await runWorkflow(csrfToken, round.id, dialog, {
              ...(dialog === "publish" ? {} : { comment: comment.trim() }),
              ...(dialog === "return" && selectedIds.length > 0 ? { ids: [...selectedIds] } : {}),
            });
      setDialog(null);
      onDone(dialog, changed);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const returnCount = selectedIds.length > 0 ? selectedIds.length : (counts.verified ?? 0);
  return (
    <div className="workflow-bar" data-testid="round-workflow">
      {canVerify ? (
        <>
          <button
            type="button"
            className="button"
            data-testid="round-verify-all"
            onClick={() => open("verify")}
          >
            {t("risk.workflow.verifyAll", { count: counts.draft ?? 0 })}
          </button>
          <button
            type="button"
            className="button button--quiet"
            data-testid="round-return"
            onClick={() => open("return")}
          >
            {selectedIds.length > 0
              ? t("risk.workflow.returnSelected", { count: selectedIds.length })
              : t("risk.workflow.returnAll", { count: counts.verified ?? 0 })}
          </button>
        </>
      ) : null}
      {canPublish ? (
        <>
          <button
            type="button"
            className="button"
            data-testid="round-publish"
            onClick={() => open("publish")}
          >
            {t("risk.workflow.publish", { count: counts.verified ?? 0 })}
          </button>
          <button
            type="button"
            className="button button--quiet"
            data-testid="round-reclassify"
            onClick={() => open("reclassify")}
          >
            {t("risk.workflow.reclassify")}
          </button>
        </>
      ) : null}
      {dialog ? (
        <ConfirmDialog
          title={t(`risk.workflow.title.${dialog}`)}
          confirmLabel={t(`risk.workflow.confirm.${dialog}`)}
          onConfirm={() => void confirm()}
          onCancel={close}
          busy={busy}
          error={failure}
        >
          <p>
            {dialog === "verify"
              ? t("risk.workflow.text.verify", { n: number(counts.draft ?? 0) })
              : null}
            {dialog === "return"
              ? t("risk.workflow.text.return", { n: number(returnCount) })
              : null}
            {dialog === "publish"
              ? t("risk.workflow.text.publish", { n: number(counts.verified ?? 0) })
              : null}
            {dialog === "reclassify"
              ? t("risk.workflow.text.reclassify", { version: round.ruleVersion })
              : null}
          </p>
          {dialog === "verify" || dialog === "return" ? (
            <TextAreaField
              id="workflow-comment"
              testId="workflow-comment"
              label={t("risk.workflow.comment")}
              hint={dialog === "return" ? t("risk.workflow.returnHint") : undefined}
              maxLength={2000}
              value={comment}
              onValue={setComment}
            />
          ) : null}
          {dialog === "reclassify" ? (
            <TextField
              id="reclassify-version"
              testId="reclassify-version"
              label={t("risk.workflow.ruleVersion")}
              hint={
                latestRuleVersion
                  ? t("risk.workflow.latestRule", { version: latestRuleVersion })
                  : undefined
              }
              type="number"
              min={1}
              step={1}
              value={version}
              onValue={(value) => {
                setVersion(value);
                setVersionError(null);
              }}
              error={versionError}
            />
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
