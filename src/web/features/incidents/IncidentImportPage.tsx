import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { PageLayout } from "../../components/PageLayout";
import { NotAllowedPage } from "../../components/StatusPages";
import { useFormat } from "../../i18n/format";
import { errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { IncidentsSubNav } from "./IncidentsSubNav";
import {
  formatOf,
  type ImportProblem,
  type ImportProgress,
  type ImportReport,
  importIncidentFile,
  importProblemsOf,
} from "./incidents.api";
import "./incidents.css";

type Step =
  | { kind: "idle" }
  | { kind: "running"; dryRun: boolean }
  | { kind: "checked"; report: ImportReport }
  | { kind: "committed"; report: ImportReport }
  | { kind: "failed"; error: unknown; problems: ImportProblem[] };

/** Problems of a file, one row per problem: the row, the column and what is wrong. */
function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  const shown = problems.slice(0, 500);
  return (
    <div className="incident-table-wrap">
      <table className="incident-table" data-testid="import-problems">
        <caption className="visually-hidden">{t("incidents.import.problemsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("incidents.import.row")}</th>
            <th scope="col">{t("incidents.import.column")}</th>
            <th scope="col">{t("incidents.import.problem")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr
              key={`${p.row}|${p.column}|${p.code}`}
              data-testid="import-problem"
              data-row={p.row}
              data-column={p.column}
              data-code={p.code}
            >
              <td>{p.row}</td>
              <td className="mono">{p.column}</td>
              <td>{t(`incidents.problem.${p.code}`, { defaultValue: p.code })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > shown.length ? (
        <p className="muted">
          {t("incidents.import.more", { count: problems.length - shown.length })}
        </p>
      ) : null}
    </div>
  );
}

/** `/insiden/impor`: choose a file, dry run with a report by row and column, then commit. */
export function IncidentImportPage() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { csrfToken, can } = useSession();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [confirming, setConfirming] = useState(false);
  // The last progress stays visible (complete) after the run, until another file or run.
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const format = file ? formatOf(file.name) : null;

  async function run(dryRun: boolean) {
    if (!file || !format) return;
    setStep({ kind: "running", dryRun });
    setProgress({ phase: "uploading", done: 0, total: 0 });
    try {
      const report = await importIncidentFile(file, format, dryRun, csrfToken, setProgress);
      setStep(dryRun ? { kind: "checked", report } : { kind: "committed", report });
    } catch (error) {
      setStep({ kind: "failed", error, problems: importProblemsOf(error) });
    }
  }

  if (!can("incident", "create")) return <NotAllowedPage />;
  const running = step.kind === "running";
  const percent =
    progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : null;

  return (
    <PageLayout title={t("incidents.import.title")}>
      <IncidentsSubNav />
      <p>{t("incidents.import.intro")}</p>
      <p className="muted">{t("incidents.import.columns")}</p>
      <div className="field">
        <label className="field__label" htmlFor="incident-file">
          {t("incidents.import.file")}
        </label>
        <input
          ref={inputRef}
          id="incident-file"
          type="file"
          accept=".csv,.xlsx,.geojson,.json"
          data-testid="import-file"
          disabled={running}
          aria-describedby="incident-file-hint"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setStep({ kind: "idle" });
            setProgress(null);
          }}
        />
        <div id="incident-file-hint" className="field__hint">
          {t("incidents.import.fileHint")}
        </div>
        {file && !format ? (
          <p className="field__error" role="alert">
            {t("incidents.import.unsupported")}
          </p>
        ) : null}
      </div>
      <div className="incident-import__actions">
        <button
          type="button"
          className="button"
          data-testid="import-check"
          disabled={!format || running}
          onClick={() => void run(true)}
        >
          {t("incidents.import.check")}
        </button>
        {step.kind === "checked" && step.report.valid ? (
          <button
            type="button"
            className="button"
            data-testid="import-commit"
            onClick={() => setConfirming(true)}
          >
            {t("incidents.import.commit", { count: step.report.rows })}
          </button>
        ) : null}
      </div>
      {progress ? (
        <div className="incident-progress" role="status" data-testid="import-progress">
          <span>
            {t(`incidents.import.phase.${progress.phase}`)}
            {percent !== null
              ? ` ${t("incidents.import.progress", {
                  done: number(progress.done),
                  total: number(progress.total),
                })}`
              : ""}
          </span>
          <progress
            max={100}
            value={percent ?? undefined}
            aria-label={t("incidents.import.progressLabel")}
            data-testid="import-progress-bar"
            data-phase={progress.phase}
            data-done={progress.done}
            data-total={progress.total}
          />
        </div>
      ) : null}
      {step.kind === "checked" ? (
        <section data-testid="import-report" data-valid={String(step.report.valid)}>
          <h2>{t("incidents.import.reportTitle")}</h2>
          {step.report.valid ? (
            <p data-testid="import-summary">
              {t("incidents.import.dryRunSummary", {
                rows: step.report.rows,
                created: step.report.created,
                updated: step.report.updated,
                unchanged: step.report.unchanged,
              })}
            </p>
          ) : (
            <>
              <p className="incident-error" data-testid="import-summary">
                {t("incidents.import.invalid", { count: step.report.problems.length })}
              </p>
              <ProblemTable problems={step.report.problems} />
            </>
          )}
        </section>
      ) : null}
      {step.kind === "committed" ? (
        <p data-testid="import-done" role="status">
          {t("incidents.import.committed", {
            created: step.report.created,
            updated: step.report.updated,
            unchanged: step.report.unchanged,
          })}
        </p>
      ) : null}
      {step.kind === "failed" ? (
        <>
          <FormAlert
            message={
              step.problems.length > 0
                ? t("incidents.import.nothingWritten")
                : t(errorKey(step.error))
            }
            testId="import-error"
          />
          {step.problems.length > 0 ? <ProblemTable problems={step.problems} /> : null}
        </>
      ) : null}
      {confirming && step.kind === "checked" ? (
        <ConfirmDialog
          title={t("incidents.import.confirmTitle")}
          confirmLabel={t("incidents.import.confirm")}
          onConfirm={() => {
            setConfirming(false);
            void run(false);
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>{t("incidents.import.confirmMessage", { count: step.report.rows })}</p>
        </ConfirmDialog>
      ) : null}
    </PageLayout>
  );
}
