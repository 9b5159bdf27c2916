import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { SelectField, TextAreaField, TextField } from "../../components/FormFields";
import { Modal } from "../../components/Modal";
import { useSession } from "../auth/session";
import { todayJakarta, useRehabError, useRehabLabels } from "./labels";
import { addFollowUp, addVisit, type Episode, episodeEvent } from "./rehab.api";
import { ScreeningForm } from "./ScreeningForm";
import {
  DISCHARGE_OUTCOMES,
  type EpisodeEvent,
  type EpisodeStatus,
  eventsFrom,
  RELAPSE_STATUSES,
  SERVICE_TYPES,
  URINE_RESULTS,
  VISIT_KINDS,
} from "./vocab";

type Task = Exclude<EpisodeEvent, "assess"> | "visit" | "follow_up" | "screening";

/** The actions an episode offers now: the domain's transition table AND the server's answer. */
export function availableTasks(episode: Episode, canUpdate: boolean): Task[] {
  if (!canUpdate) return [];
  const allowed = new Set<string>(episode.events);
  const tasks: Task[] = eventsFrom(episode.status as EpisodeStatus).filter(
    (e): e is Exclude<EpisodeEvent, "assess"> => e !== "assess" && allowed.has(e),
  );
  if (episode.status === "in_care") tasks.unshift("visit");
  if (["intake", "assessment", "in_care"].includes(episode.status)) tasks.push("screening");
  if (episode.status === "aftercare") tasks.unshift("follow_up");
  return tasks;
}

interface FormState {
  date: string;
  outcome: string;
  kind: string;
  urineResult: string;
  relapseStatus: string;
  serviceType: string;
  treatmentPlan: string;
  note: string;
}

function TaskForm({
  task,
  episode,
  onDone,
  onCancel,
}: {
  task: Exclude<Task, "screening">;
  episode: Episode;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const labels = useRehabLabels();
  const errorText = useRehabError();
  const today = todayJakarta();
  const [form, setForm] = useState<FormState>({
    date: today,
    outcome: "",
    kind: "",
    urineResult: "",
    relapseStatus: "",
    serviceType: episode.serviceType ?? "",
    treatmentPlan: episode.treatmentPlan,
    note: "",
  });
  const [problems, setProblems] = useState<Partial<Record<keyof FormState, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (changes: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...changes }));
    setProblems((p) => {
      const next = { ...p };
      for (const key of Object.keys(changes)) delete next[key as keyof FormState];
      return next;
    });
  };

  const earliest =
    task === "discharge" || task === "visit"
      ? (episode.startDate ?? episode.intakeDate)
      : task === "begin_aftercare" || task === "follow_up"
        ? (episode.aftercareStart ?? episode.dischargeDate ?? episode.intakeDate)
        : task === "close"
          ? (episode.dischargeDate ?? episode.intakeDate)
          : episode.intakeDate;

  const submit = async () => {
    const found: typeof problems = {};
    if (!form.date) found.date = t("rehab.intake.errors.required");
    else if (form.date > today) found.date = t("rehab.intake.errors.future");
    else if (form.date < earliest) found.date = t("rehab.task.tooEarly");
    if (task === "discharge" && !form.outcome) found.outcome = t("rehab.intake.errors.required");
    if (task === "start_care" && !form.serviceType)
      found.serviceType = t("rehab.intake.errors.required");
    if (task === "visit" && !form.kind) found.kind = t("rehab.intake.errors.required");
    if (task === "follow_up" && !form.relapseStatus)
      found.relapseStatus = t("rehab.intake.errors.required");
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    const note = form.note.trim() || undefined;
    try {
      if (task === "visit") {
        await addVisit(csrfToken, episode.id, {
          date: form.date,
          kind: form.kind,
          urineResult: form.urineResult || undefined,
          note,
        });
      } else if (task === "follow_up") {
        await addFollowUp(csrfToken, episode.id, {
          date: form.date,
          relapseStatus: form.relapseStatus,
          note,
        });
      } else if (task === "start_care") {
        await episodeEvent(csrfToken, episode.id, task, {
          date: form.date,
          serviceType: form.serviceType,
          treatmentPlan: form.treatmentPlan.trim() || undefined,
        });
      } else if (task === "discharge") {
        await episodeEvent(csrfToken, episode.id, task, {
          date: form.date,
          outcome: form.outcome,
          note,
        });
      } else if (task === "begin_aftercare") {
        await episodeEvent(csrfToken, episode.id, task, { date: form.date });
      } else if (task === "close") {
        await episodeEvent(csrfToken, episode.id, task, { date: form.date, note });
      }
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void submit();
      }}
    >
      <TextField
        id="task-date"
        type="date"
        label={t("rehab.task.date")}
        testId="task-date"
        min={earliest}
        max={today}
        value={form.date}
        error={problems.date}
        data-autofocus
        onValue={(date) => set({ date })}
      />
      {task === "discharge" ? (
        <SelectField
          id="task-outcome"
          label={t("rehab.task.outcome")}
          hint={t("rehab.task.outcomeHint")}
          testId="task-outcome"
          value={form.outcome}
          error={problems.outcome}
          onValue={(outcome) => set({ outcome })}
        >
          <option value="">{t("rehab.choose")}</option>
          {DISCHARGE_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {labels.outcome(o)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {task === "visit" ? (
        <>
          <SelectField
            id="task-kind"
            label={t("rehab.visit.kind")}
            testId="task-kind"
            value={form.kind}
            error={problems.kind}
            onValue={(kind) => set({ kind })}
          >
            <option value="">{t("rehab.choose")}</option>
            {VISIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {labels.visitKind(k)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="task-urine"
            label={t("rehab.visit.urine")}
            testId="task-urine"
            value={form.urineResult}
            onValue={(urineResult) => set({ urineResult })}
          >
            <option value="">{t("rehab.none")}</option>
            {URINE_RESULTS.map((u) => (
              <option key={u} value={u}>
                {labels.urine(u)}
              </option>
            ))}
          </SelectField>
        </>
      ) : null}
      {task === "start_care" ? (
        <>
          <SelectField
            id="task-service"
            label={t("rehab.episode.serviceType")}
            testId="task-service"
            value={form.serviceType}
            error={problems.serviceType}
            onValue={(serviceType) => set({ serviceType })}
          >
            <option value="">{t("rehab.choose")}</option>
            {SERVICE_TYPES.map((s) => (
              <option key={s} value={s}>
                {labels.service(s)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="task-plan"
            label={t("rehab.episode.treatmentPlan")}
            testId="task-plan"
            rows={4}
            maxLength={4000}
            value={form.treatmentPlan}
            onValue={(treatmentPlan) => set({ treatmentPlan })}
          />
        </>
      ) : null}
      {task === "follow_up" ? (
        <SelectField
          id="task-relapse"
          label={t("rehab.followUp.relapse")}
          testId="task-relapse"
          value={form.relapseStatus}
          error={problems.relapseStatus}
          onValue={(relapseStatus) => set({ relapseStatus })}
        >
          <option value="">{t("rehab.choose")}</option>
          {RELAPSE_STATUSES.map((r) => (
            <option key={r} value={r}>
              {labels.relapse(r)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {task === "start_care" || task === "begin_aftercare" ? null : (
        <TextAreaField
          id="task-note"
          label={t("rehab.task.note")}
          hint={t("rehab.task.noteHint")}
          testId="task-note"
          maxLength={2000}
          value={form.note}
          onValue={(note) => set({ note })}
        />
      )}
      <FormAlert message={error ? errorText(error) : null} testId="task-error" />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-testid="task-save"
          aria-busy={busy}
          aria-disabled={busy}
        >
          {busy ? t("form.working") : t("form.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}

/** Buttons for what may happen next in an episode, each opening its small form. */
export function EpisodeActions({
  episode,
  canUpdate,
  onChanged,
}: {
  episode: Episode;
  canUpdate: boolean;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [task, setTask] = useState<Task | null>(null);
  const tasks = availableTasks(episode, canUpdate);
  if (tasks.length === 0) return null;
  return (
    <div className="episode__actions">
      {tasks.map((item) => (
        <button
          key={item}
          type="button"
          className={item === "close" ? "button button--quiet" : "button button--small"}
          data-testid={`episode-${item}`}
          onClick={() => setTask(item)}
        >
          {t(`rehab.task.${item}`)}
        </button>
      ))}
      {task === "screening" ? (
        <Modal
          title={t("rehab.task.screening")}
          onClose={() => setTask(null)}
          testId="screening-dialog"
          wide
        >
          <ScreeningForm
            episode={episode}
            onCancel={() => setTask(null)}
            onDone={() => {
              setTask(null);
              onChanged(t("rehab.task.saved"));
            }}
          />
        </Modal>
      ) : task ? (
        <Modal title={t(`rehab.task.${task}`)} onClose={() => setTask(null)} testId="task-dialog">
          <TaskForm
            task={task}
            episode={episode}
            onCancel={() => setTask(null)}
            onDone={() => {
              setTask(null);
              onChanged(t("rehab.task.saved"));
            }}
          />
        </Modal>
      ) : null}
    </div>
  );
}
