import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import type { RiskClass } from "../../../domain/risk/classes";
import { Modal } from "../../components/Modal";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { errorKey } from "../../lib/http";
import { FilterBar, SelectFilter } from "../admin/Filters";
import { ListStatus } from "../admin/ListStatus";
import { useSession } from "../auth/session";
import { AssessmentForm } from "./AssessmentForm";
import { AssessmentTable } from "./AssessmentTable";
import { ClassBadge, useRiskLabels } from "./classes";
import { ImportPanel } from "./ImportPanel";
import { RiskSubNav } from "./RiskSubNav";
import { RoundFacts } from "./RoundFacts";
import { fetchAssessments, fetchRiskConfig, fetchRound, rulesFor } from "./risk.api";
import {
  ASSESSMENT_STATUSES,
  type Assessment,
  type AssessmentStatus,
  type Round,
} from "./risk.types";
import { type Dialog, WorkflowBar } from "./WorkflowBar";
import "../admin/admin.css";
import "./risk.css";
import "./risk-pages.css";

/** What the status line says after an action (translated when shown, so it follows the language). */
type Note =
  | { kind: "workflow"; step: Dialog; changed: number }
  | { kind: "saved"; name: string; riskClass: RiskClass };

function isStatus(value: string): value is AssessmentStatus {
  return (ASSESSMENT_STATUSES as readonly string[]).includes(value);
}

/** `/rawan/putaran/:id`: a round's assessments, editing, import and the workflow. */
export function RoundDetailPage() {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const format = useFormat();
  const { id = "" } = useParams();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("status") ?? "";
  const status = isStatus(statusParam) ? statusParam : "";
  const [reload, setReload] = useState(0);
  const round = useAsyncData(`${id}|${reload}`, (signal) => fetchRound(id, signal));
  const assessments = useAsyncData(`${id}|${status}|${reload}`, (signal) =>
    fetchAssessments(id, status, signal),
  );
  const config = useAsyncData(can("risk_config", "read") ? "config" : null, fetchRiskConfig);
  const [editing, setEditing] = useState<Assessment | "new" | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState<Note | null>(null);
  // While a reload is on its way the previous rows stay (focus on a row's button is kept).
  const lastRows = useRef<Assessment[] | null>(null);
  if (assessments.status === "success") lastRows.current = assessments.data;

  const refresh = (): void => {
    setReload((n) => n + 1);
    setSelected([]);
  };
  const lastRound = useRef<Round | null>(null);
  if (round.status === "success") lastRound.current = round.data;
  const data = lastRound.current?.id === id ? lastRound.current : null;
  const title = data?.name ?? t("risk.round.title");
  const rows = lastRows.current;
  const canUpdate = data?.actions.includes("update") ?? false;
  const canVerify = data?.actions.includes("verify") ?? false;
  const configData = config.status === "success" ? config.data : null;

  return (
    <PageLayout
      title={title}
      actions={
        canUpdate && configData ? (
          <button
            type="button"
            className="button"
            data-testid="assessment-new"
            onClick={() => {
              setNote(null);
              setEditing("new");
            }}
          >
            {t("risk.round.assessArea")}
          </button>
        ) : null
      }
    >
      <RiskSubNav />
      {round.status === "error" ? (
        <div className="notice notice--error" role="alert" data-testid="round-error">
          <p>{t(errorKey(round.error))}</p>
          <button type="button" className="button" onClick={round.retry}>
            {t("status.retry")}
          </button>
        </div>
      ) : null}
      {data ? (
        <>
          <RoundFacts round={data} />
          <WorkflowBar
            round={data}
            selectedIds={selected}
            latestRuleVersion={
              configData ? (rulesFor(configData, data.method)?.version ?? null) : null
            }
            onDone={(step, changed) => {
              setNote({ kind: "workflow", step, changed });
              refresh();
            }}
          />
        </>
      ) : null}
      <p
        className="saved-note"
        role="status"
        aria-live="polite"
        data-testid="round-note"
        data-class={note?.kind === "saved" ? note.riskClass : undefined}
        data-changed={note?.kind === "workflow" ? note.changed : undefined}
      >
        {note?.kind === "workflow"
          ? t(`risk.workflow.done.${note.step}`, {
              count: note.changed,
              changed: format.number(note.changed),
            })
          : null}
        {note?.kind === "saved" ? (
          <>
            {t("risk.round.saved", { name: note.name })} <ClassBadge riskClass={note.riskClass} />
          </>
        ) : null}
      </p>
      {data && canUpdate ? <ImportPanel roundId={data.id} onCommitted={refresh} /> : null}
      <h2 className="section-title">{t("risk.round.assessments")}</h2>
      <FilterBar label={t("risk.round.filters")}>
        <SelectFilter
          id="assessment-status-filter"
          label={t("table.status")}
          value={status}
          onValue={(value) =>
            setParams((previous) => {
              const next = new URLSearchParams(previous);
              if (value) next.set("status", value);
              else next.delete("status");
              return next;
            })
          }
          options={ASSESSMENT_STATUSES.map((value) => ({ value, label: labels.status(value) }))}
        />
      </FilterBar>
      <ListStatus state={assessments} empty={rows?.length === 0} onRetry={assessments.retry} />
      {rows && rows.length > 0 ? (
        <AssessmentTable
          assessments={rows}
          busy={assessments.status === "loading"}
          selectable={canVerify}
          selectedIds={selected}
          onToggle={(rowId, on) =>
            setSelected((list) => (on ? [...list, rowId] : list.filter((x) => x !== rowId)))
          }
          onEdit={(assessment) => {
            setNote(null);
            setEditing(assessment);
          }}
        />
      ) : null}
      {editing && data && configData ? (
        <Modal
          title={
            editing === "new"
              ? t("risk.round.assessTitle")
              : t("risk.round.editTitle", { name: editing.locationName ?? editing.areaName })
          }
          onClose={() => setEditing(null)}
          testId="assessment-dialog"
          wide
        >
          <AssessmentForm
            round={data}
            config={configData}
            assessment={editing === "new" ? null : editing}
            onSaved={(saved) => {
              setEditing(null);
              setNote({
                kind: "saved",
                name: saved.locationName ?? saved.areaName,
                riskClass: saved.class,
              });
              refresh();
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      ) : null}
    </PageLayout>
  );
}
