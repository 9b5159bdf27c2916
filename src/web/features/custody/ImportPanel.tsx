import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { ApiError, errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { type ImportProblem, type ImportReport, importCounts } from "./custody.api";

/** CSV/XLSX import of counts: a dry run first, then commit; nothing is written if a row is bad. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await importCounts(file, dryRun, csrfToken);
      setReport(r);
      setProblems(r.problems);
      if (r.committed) onImported();
    } catch (error) {
      setFailure(error);
      const details =
        error instanceof ApiError ? (error.details as { problems?: ImportProblem[] }) : null;
      setProblems(details?.problems ?? []);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="custody-card" aria-labelledby="custody-import-title">
      <h2 id="custody-import-title">{t("know.custody.import.title")}</h2>
      <p className="muted">{t("know.custody.import.help")}</p>
      <p className="mono custody-import-columns">
        facility,date,capacity,occupants,drug_offenders,drug_users,drug_dealers,source,notes
      </p>
      <label className="field__label" htmlFor="custody-import-file">
        {t("know.custody.import.file")}
      </label>
      <input
        id="custody-import-file"
        type="file"
        accept=".csv,.xlsx,text/csv"
        data-testid="custody-import-file"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setReport(null);
          setProblems([]);
        }}
      />
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={!file || busy}
          onClick={() => run(true)}
          data-testid="custody-import-check"
        >
          {t("know.custody.import.check")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={!file || busy || !report?.valid || report.committed}
          onClick={() => setConfirming(true)}
          data-testid="custody-import-commit"
        >
          {t("know.custody.import.commit")}
        </button>
        {busy ? (
          <span role="status" className="muted">
            <span className="spinner" aria-hidden="true" /> {t("status.loading")}
          </span>
        ) : null}
      </div>
      {failure ? <FormAlert message={t(errorKey(failure))} /> : null}
      {report ? (
        <p role="status" data-testid="custody-import-result">
          {report.committed
            ? t("know.custody.import.committed", {
                created: report.created,
                updated: report.updated,
              })
            : report.valid
              ? t("know.custody.import.valid", {
                  rows: report.rows,
                  created: report.created,
                  updated: report.updated,
                })
              : t("know.custody.import.invalid", { count: report.problems.length })}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <table className="custody-table" data-testid="custody-import-problems">
          <thead>
            <tr>
              <th scope="col">{t("know.custody.import.row")}</th>
              <th scope="col">{t("know.custody.import.column")}</th>
              <th scope="col">{t("know.custody.import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr key={`${p.row}-${p.column}-${p.code}`}>
                <td>{p.row}</td>
                <td className="mono">{p.column}</td>
                <td>{t(`know.custody.problem.${p.code}`, { defaultValue: p.code })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t("know.custody.import.confirmTitle")}
          confirmLabel={t("know.custody.import.commit")}
          onConfirm={() => {
            setConfirming(false);
            void run(false);
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>{t("know.custody.import.confirm", { rows: report?.rows ?? 0 })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
