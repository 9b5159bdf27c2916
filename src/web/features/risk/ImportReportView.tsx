import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import type { ImportProblemCode, ImportReport } from "./risk.types";

const PROBLEM_CODES: readonly ImportProblemCode[] = [
  "MISSING_COLUMN",
  "UNKNOWN_COLUMN",
  "UNKNOWN_AREA",
  "UNKNOWN_LOCATION",
  "BAD_VALUE",
  "MISSING_VALUE",
  "DUPLICATE_ROW",
  "EMPTY_FILE",
  "TOO_LONG",
  "NOT_EDITABLE",
];

function isProblemCode(code: string): code is ImportProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(code);
}

/** Stable React keys for problems (which have no id): row, column, code and occurrence. */
function problemKeys(problems: ImportReport["problems"]): string[] {
  const seen = new Map<string, number>();
  return problems.map((problem) => {
    const base = `${problem.row}:${problem.column}:${problem.code}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}:${n}`;
  });
}

/** The result of a dry run: valid or not, what a commit would do, and each problem found. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const keys = problemKeys(report.problems);
  return (
    <div
      className={report.valid ? "notice notice--ok" : "notice notice--error"}
      data-testid="import-report"
      data-valid={String(report.valid)}
      role="status"
    >
      <p>
        <strong>{report.valid ? t("risk.import.valid") : t("risk.import.invalid")}</strong>
      </p>
      <ul className="import-counts">
        <li data-testid="import-rows">{t("risk.import.rows", { n: number(report.rows) })}</li>
        <li data-testid="import-created" data-count={report.created}>
          {t("risk.import.created", { n: number(report.created) })}
        </li>
        <li data-testid="import-updated" data-count={report.updated}>
          {t("risk.import.updated", { n: number(report.updated) })}
        </li>
        <li data-testid="import-unchanged" data-count={report.unchanged}>
          {t("risk.import.unchanged", { n: number(report.unchanged) })}
        </li>
      </ul>
      {report.problems.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--compact-auto" data-testid="import-problems">
            <caption className="import-problems__caption">
              {t("risk.import.problems", { n: number(report.problems.length) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("risk.import.row")}</th>
                <th scope="col">{t("risk.import.column")}</th>
                <th scope="col">{t("risk.import.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr
                  key={keys[index]}
                  data-testid="import-problem"
                  data-row={problem.row}
                  data-column={problem.column}
                  data-code={problem.code}
                >
                  <td>{problem.row > 0 ? number(problem.row) : "—"}</td>
                  <td className="mono">{problem.column || "—"}</td>
                  <td>
                    {isProblemCode(problem.code)
                      ? t(`risk.importProblems.${problem.code}`)
                      : problem.code}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
