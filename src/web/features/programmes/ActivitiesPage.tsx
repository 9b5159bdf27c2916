import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { getJson } from "../../lib/http";
import { ListStatus } from "../admin/ListStatus";
import { PAGE_SIZE, type Page, useListParams, usePagedList } from "../admin/list";
import { Pagination } from "../admin/Pagination";
import { useSession } from "../auth/session";
import { ActivityForm } from "./ActivityForm";
import { ActivityTable } from "./ActivityTable";
import { ProgrammesSubNav } from "./ProgrammesSubNav";
import {
  type Activity,
  activitiesPath,
  type ProgrammeSummary,
  programmesPath,
} from "./programmes.api";
import "../admin/admin.css";
import "./programmes.css";

const FILTERS = ["from", "to", "type"] as const;

/** `/kegiatan`: activities in the person's area, with recording for those who may. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, page, update } = useListParams(FILTERS);
  const list = usePagedList<Activity>(activitiesPath({ ...values, page, pageSize: PAGE_SIZE }));
  const programmes = useAsyncData("programmes-open", (s) =>
    getJson<Page<ProgrammeSummary>>(programmesPath({ pageSize: 200 }), s),
  );
  const open =
    programmes.status === "success"
      ? programmes.data.items.filter((p) => p.status !== "cancelled")
      : [];
  const [dialog, setDialog] = useState<Activity | "new" | null>(null);
  const [saved, setSaved] = useState("");
  return (
    <PageLayout
      title={t("programmes.activities")}
      actions={
        can("activity", "create") ? (
          <button
            type="button"
            className="button"
            data-testid="activity-create"
            disabled={open.length === 0}
            onClick={() => setDialog("new")}
          >
            {t("programmes.recordActivity")}
          </button>
        ) : null
      }
    >
      <ProgrammesSubNav />
      <p className="page__intro muted">{t("programmes.activitiesIntro")}</p>
      <div className="period-picker">
        <div className="field">
          <label className="field__label" htmlFor="act-from">
            {t("programmes.period.from")}
          </label>
          <input
            id="act-from"
            type="date"
            className="field__input"
            value={values.from}
            onChange={(e) => update({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="act-to">
            {t("programmes.period.to")}
          </label>
          <input
            id="act-to"
            type="date"
            className="field__input"
            value={values.to}
            onChange={(e) => update({ to: e.target.value })}
          />
        </div>
      </div>
      <p className="saved-note" role="status" aria-live="polite">
        {saved}
      </p>
      <ListStatus state={list.state} empty={list.data?.items.length === 0} onRetry={list.retry} />
      {list.data && list.data.items.length > 0 ? (
        <>
          <ActivityTable
            items={list.data.items}
            showProgramme
            onEdit={(a) => setDialog(a)}
            onChanged={list.retry}
          />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      ) : null}
      {dialog ? (
        <Modal
          title={dialog === "new" ? t("programmes.recordActivity") : t("programmes.editActivity")}
          onClose={() => setDialog(null)}
          testId="activity-dialog"
          wide
        >
          <ActivityForm
            programmes={
              dialog === "new"
                ? open
                : (programmes.status === "success" ? programmes.data.items : []).filter(
                    (p) => p.id === dialog.programmeId,
                  )
            }
            activity={dialog === "new" ? null : dialog}
            onSaved={() => {
              setDialog(null);
              setSaved(t("programmes.activitySaved"));
              list.retry();
            }}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      ) : null}
    </PageLayout>
  );
}
