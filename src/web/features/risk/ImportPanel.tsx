import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { useFormat } from "../../i18n/format";
import { ApiError, errorCode, errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { ImportReportView } from "./ImportReportView";
import { importFile, type SheetFormat, templateUrl } from "./risk.api";
import type { ImportProblem, ImportReport } from "./risk.types";

/** The format of a chosen file by its name, or null when it is neither CSV nor XLSX. */
function formatOf(file: File): SheetFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".xlsx")) return "xlsx";
  return null;
}

/** The problems listed by an IMPORT_INVALID answer (`details: { problems: [...] }`). */
function importProblemsOf(error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== "IMPORT_INVALID") return null;
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as ImportProblem[]) : null;
}

interface ImportPanelProps {
  roundId: string;
  /** Called after a commit that saved something, so lists reload. */
  onCommitted: () => void;
}

/**
 * Import of a filled-in template: download the template, choose the file, check it (a dry run
 * that reports what a commit would create, update or leave unchanged, and every problem by row
 * and column), then save it, which is allowed only after a clean check of the same file.
 */
export function ImportPanel({ roundId, onCommitted }: ImportPanelProps) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { csrfToken } = useSession();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<{ file: File; report: ImportReport } | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"dry" | "commit" | null>(null);

  const format = file ? formatOf(file) : null;
  const checked = report && report.file === file ? report.report : null;
  const canCommit = checked?.valid === true && busy === null;

  const send = async (dryRun: boolean): Promise<void> => {
    if (!file || busy) return;
    if (!format) {
      setFileError(t("risk.import.wrongType"));
      return;
    }
    setBusy(dryRun ? "dry" : "commit");
    setFailure(null);
    setResult(null);
    try {
      const answer = await importFile(csrfToken, roundId, file, format, dryRun);
      if (dryRun) setReport({ file, report: answer });
      else {
        setResult(answer);
        setReport(null);
        setFile(null);
        if (inputRef.current) inputRef.current.value = "";
        onCommitted();
      }
    } catch (error) {
      const problems = importProblemsOf(error);
      // A commit refused as invalid carries the problems: show them as a failed check.
      if (problems) {
        setReport({
          file,
          report: {
            valid: false,
            committed: false,
            rows: 0,
            created: 0,
            updated: 0,
            unchanged: 0,
            problems,
          },
        });
      }
      setFailure(error);
      if (errorCode(error) === "UNSUPPORTED_FILE") setFileError(t(errorKey(error)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      className="card import-panel"
      aria-labelledby={`${inputId}-title`}
      data-testid="import-panel"
    >
      <h2 id={`${inputId}-title`} className="section-title">
        {t("risk.import.title")}
      </h2>
      <p className="muted">{t("risk.import.intro")}</p>
      <p className="import-panel__templates">
        {t("risk.import.template")}{" "}
        <a
          className="button button--quiet button--small"
          href={templateUrl(roundId, "csv")}
          download
          data-testid="template-csv"
        >
          {t("risk.import.templateCsv")}
        </a>{" "}
        <a
          className="button button--quiet button--small"
          href={templateUrl(roundId, "xlsx")}
          download
          data-testid="template-xlsx"
        >
          {t("risk.import.templateXlsx")}
        </a>
      </p>
      <div className="import-panel__row">
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            {t("risk.import.file")}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            className="field__input"
            data-testid="import-file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${inputId}-error` : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(null);
              setFailure(null);
              setResult(null);
            }}
          />
          {fileError ? (
            <p id={`${inputId}-error`} className="field__error">
              {fileError}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="button button--quiet"
            data-testid="import-dryrun"
            disabled={!file || busy !== null}
            aria-busy={busy === "dry"}
            onClick={() => void send(true)}
          >
            {busy === "dry" ? t("risk.import.checking") : t("risk.import.dryRun")}
          </button>
          <button
            type="button"
            className="button"
            data-testid="import-commit"
            disabled={!canCommit}
            aria-busy={busy === "commit"}
            aria-describedby={`${inputId}-commit-hint`}
            onClick={() => void send(false)}
          >
            {busy === "commit" ? t("form.saving") : t("risk.import.commit")}
          </button>
        </div>
      </div>
      <p id={`${inputId}-commit-hint`} className="field__hint">
        {t("risk.import.commitHint")}
      </p>
      <FormAlert
        testId="import-error"
        message={failure && errorCode(failure) !== "UNSUPPORTED_FILE" ? t(errorKey(failure)) : null}
      />
      {checked ? <ImportReportView report={checked} /> : null}
      <div role="status" aria-live="polite">
        {result ? (
          <p
            className="notice notice--ok"
            data-testid="import-result"
            data-created={result.created}
            data-updated={result.updated}
            data-unchanged={result.unchanged}
          >
            {t("risk.import.committed", {
              created: number(result.created),
              updated: number(result.updated),
              unchanged: number(result.unchanged),
            })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
