import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Action, Resource } from "../../../domain/access/roles";
import { ExportButtons } from "../../components/ExportButtons";
import { SelectField } from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { errorKey, isAbortError } from "../../lib/http";
import { AreaSelect } from "../areas/AreaSelect";
import { useSession } from "../auth/session";
import { downloadFile } from "./reports.api";
import "./reports.css";

type Job =
  | { status: "idle" }
  | { status: "busy" }
  | { status: "done"; name: string }
  | { status: "error"; error: unknown };

/** A download with a spinner while the server builds the file, and its outcome announced. */
function useDownload() {
  const [job, setJob] = useState<Job>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);
  const start = async (
    path: string,
    params: Record<string, string | number | undefined>,
    name: string,
  ) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setJob({ status: "busy" });
    try {
      const saved = await downloadFile(path, params, name, abort.signal);
      setJob({ status: "done", name: saved });
    } catch (error) {
      if (!isAbortError(error)) setJob({ status: "error", error });
    }
  };
  return { job, start };
}

function JobStatus({ job, testId }: { job: Job; testId: string }) {
  const { t } = useTranslation();
  return (
    <p className="report-status" role="status" aria-live="polite" data-testid={testId}>
      {job.status === "busy" ? (
        <>
          <span className="spinner" aria-hidden="true" /> {t("know.reports.building")}
        </>
      ) : job.status === "done" ? (
        t("know.reports.downloaded", { name: job.name })
      ) : job.status === "error" ? (
        <span className="report-status__error">{t(errorKey(job.error))}</span>
      ) : null}
    </p>
  );
}

type ExportKey = "organisations" | "users" | "audit" | "locations" | "riskTable" | "incidents";

const EXPORTS: { key: ExportKey; path: string; resource: Resource; action: Action }[] = [
  {
    key: "organisations",
    path: "/api/organisations/export",
    resource: "organisation",
    action: "read",
  },
  { key: "users", path: "/api/users/export", resource: "user", action: "read" },
  { key: "audit", path: "/api/audit-events/export", resource: "audit_event", action: "read" },
  {
    key: "locations",
    path: "/api/named-locations/export",
    resource: "named_location",
    action: "read",
  },
  { key: "riskTable", path: "/api/risk/table/export", resource: "assessment", action: "read" },
  { key: "incidents", path: "/api/incidents/export", resource: "incident", action: "read" },
];

function lastYear(): number {
  return new Date(Date.now() + 7 * 3600_000).getUTCFullYear() - 1;
}

/** `/laporan`: the briefing PDF for an area, the BNNK formation brief, and table downloads. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const scope = user?.scope ?? "31";
  const [area, setArea] = useState(scope === "31" ? "31.73" : scope);
  const [areaError, setAreaError] = useState<string | null>(null);
  const briefing = useDownload();
  const bnnk = useDownload();
  const years = Array.from({ length: 6 }, (_, i) => lastYear() + 1 - i);
  const [year, setYear] = useState(String(lastYear()));
  const yearId = useId();

  const downloadBriefing = () => {
    if (!area) {
      setAreaError(t("know.reports.areaRequired"));
      return;
    }
    setAreaError(null);
    void briefing.start("/api/reports/briefing", { area }, `bahan-rapat-${area}.pdf`);
  };

  return (
    <PageLayout title={t("know.reports.title")}>
      <p className="lead">{t("know.reports.lead")}</p>
      <div className="report-grid">
        <section
          className="report-card"
          aria-labelledby="briefing-title"
          data-testid="report-briefing"
        >
          <h2 id="briefing-title">{t("know.reports.briefing.title")}</h2>
          <p>{t("know.reports.briefing.lead")}</p>
          <AreaSelect
            id="report-area"
            label={t("know.reports.briefing.area")}
            value={area}
            onValue={(code) => {
              setArea(code);
              setAreaError(null);
            }}
            within={scope}
            error={areaError}
            hint={t("know.reports.briefing.areaHint")}
            testId="report-area"
          />
          <button
            type="button"
            className="button"
            onClick={downloadBriefing}
            disabled={briefing.job.status === "busy"}
            aria-busy={briefing.job.status === "busy"}
            data-testid="report-briefing-download"
          >
            {t("know.reports.briefing.download")}
          </button>
          <JobStatus job={briefing.job} testId="report-briefing-status" />
        </section>

        <section className="report-card" aria-labelledby="bnnk-title" data-testid="report-bnnk">
          <h2 id="bnnk-title">{t("know.reports.bnnk.title")}</h2>
          <p>{t("know.reports.bnnk.lead")}</p>
          <SelectField
            id={yearId}
            label={t("know.reports.bnnk.year")}
            value={year}
            onValue={setYear}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <div className="report-actions">
            <button
              type="button"
              className="button"
              onClick={() =>
                void bnnk.start("/api/reports/bnnk", { year }, `kajian-bnnk-${year}.pdf`)
              }
              disabled={bnnk.job.status === "busy"}
              aria-busy={bnnk.job.status === "busy"}
              data-testid="report-bnnk-download"
            >
              {t("know.reports.bnnk.download")}
            </button>
            {can("report", "export") ? (
              <ExportButtons
                path="/api/reports/bnnk/table"
                params={{ year }}
                subject={t("know.reports.bnnk.table")}
                testId="report-bnnk-table"
              />
            ) : null}
          </div>
          <JobStatus job={bnnk.job} testId="report-bnnk-status" />
        </section>
      </div>

      <section className="report-card" aria-labelledby="exports-title">
        <h2 id="exports-title">{t("know.reports.exports.title")}</h2>
        <p>{t("know.reports.exports.lead")}</p>
        {EXPORTS.some((e) => can(e.resource, e.action)) ? (
          <ul className="report-exports">
            {EXPORTS.filter((e) => can(e.resource, e.action)).map((e) => (
              <li key={e.key}>
                <span>{t(`know.reports.exports.${e.key}`)}</span>
                <ExportButtons
                  path={e.path}
                  subject={t(`know.reports.exports.${e.key}`)}
                  testId={`report-export-${e.key}`}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("know.reports.exports.none")}</p>
        )}
      </section>
    </PageLayout>
  );
}
