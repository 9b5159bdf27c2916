import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { FormAlert } from "../../components/FormAlert";
import { SelectField, TextAreaField } from "../../components/FormFields";
import { Modal } from "../../components/Modal";
import { PageLayout } from "../../components/PageLayout";
import { useFormat } from "../../i18n/format";
import { FilterBar } from "../admin/Filters";
import { ListStatus } from "../admin/ListStatus";
import { PAGE_SIZE, useListParams, usePagedList } from "../admin/list";
import { Pagination } from "../admin/Pagination";
import { useSession } from "../auth/session";
import { BreakGlassForm } from "./BreakGlassForm";
import { useRehabError } from "./labels";
import { RehabSubNav } from "./RehabSubNav";
import { type BreakGlassGrant, breakGlassPath, reviewBreakGlass } from "./rehab.api";
import "../admin/admin.css";
import "../risk/risk-pages.css";
import "./rehab.css";

const FILTERS = ["state"] as const;

function ReviewForm({
  grant,
  onDone,
  onCancel,
}: {
  grant: BreakGlassGrant;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const errorText = useRehabError();
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      className="form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        if (note.trim().length < 3) {
          setProblem(t("rehab.intake.errors.required"));
          return;
        }
        setBusy(true);
        setError(null);
        try {
          await reviewBreakGlass(csrfToken, grant.id, note.trim());
          onDone();
        } catch (caught) {
          setError(caught);
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>
        {t("rehab.breakGlassReview.reviewing", { user: grant.userName, code: grant.clientCode })}
      </p>
      <blockquote className="notice">{grant.reason}</blockquote>
      <TextAreaField
        id="review-note"
        label={t("rehab.breakGlassReview.note")}
        testId="review-note"
        maxLength={1000}
        value={note}
        error={problem}
        data-autofocus
        onValue={(value) => {
          setNote(value);
          setProblem(null);
        }}
      />
      <FormAlert message={error ? errorText(error) : null} />
      <div className="form-actions">
        <button type="submit" className="button" data-testid="review-save" aria-busy={busy}>
          {busy ? t("form.working") : t("rehab.breakGlassReview.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * `/rehab/akses-darurat`: emergency accesses (break the glass) awaiting review, and the form
 * to open one for a client outside the supervisor's scope.
 */
export function BreakGlassReviewPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const { values, page, update } = useListParams(FILTERS);
  const state = values.state === "all" ? "all" : "unreviewed";
  const list = usePagedList<BreakGlassGrant>(breakGlassPath({ state, page, pageSize: PAGE_SIZE }));
  const [reviewing, setReviewing] = useState<BreakGlassGrant | null>(null);
  const [saved, setSaved] = useState("");
  return (
    <PageLayout title={t("rehab.breakGlassReview.title")}>
      <RehabSubNav />
      <p className="page__intro muted">{t("rehab.breakGlassReview.intro")}</p>
      {can("rehab_break_glass", "create") ? (
        <BreakGlassForm onGranted={(grant) => navigate(`/rehab/klien/${grant.clientId}`)} />
      ) : null}
      <h2 className="section-title">{t("rehab.breakGlassReview.listTitle")}</h2>
      <FilterBar label={t("rehab.breakGlassReview.filters")}>
        <SelectField
          id="break-glass-state"
          label={t("rehab.breakGlassReview.state")}
          testId="break-glass-state"
          value={state}
          onValue={(value) => update({ state: value === "all" ? "all" : "" })}
        >
          <option value="unreviewed">{t("rehab.breakGlassReview.stateUnreviewed")}</option>
          <option value="all">{t("rehab.breakGlassReview.stateAll")}</option>
        </SelectField>
      </FilterBar>
      <p className="saved-note" role="status" aria-live="polite">
        {saved}
      </p>
      <ListStatus state={list.state} empty={list.data?.items.length === 0} onRetry={list.retry} />
      {list.data && list.data.items.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="break-glass-table">
              <caption className="visually-hidden">{t("rehab.breakGlassReview.listTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rehab.client.code")}</th>
                  <th scope="col">{t("rehab.breakGlassReview.who")}</th>
                  <th scope="col">{t("rehab.breakGlass.reason")}</th>
                  <th scope="col">{t("rehab.breakGlassReview.when")}</th>
                  <th scope="col">{t("rehab.breakGlassReview.review")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((grant) => (
                  <tr key={grant.id} data-testid="break-glass-row" data-id={grant.id}>
                    <th scope="row" className="table__primary">
                      <Link to={`/rehab/klien/${grant.clientId}`} className="mono">
                        {grant.clientCode}
                      </Link>
                      {grant.active ? (
                        <span className="badge">{t("rehab.breakGlassReview.active")}</span>
                      ) : null}
                    </th>
                    <td>{grant.userName}</td>
                    <td className="prewrap">{grant.reason}</td>
                    <td className="table__nowrap">
                      {format.dateTime(grant.createdAt)}
                      <span className="table__sub muted">
                        {t("rehab.breakGlassReview.until", {
                          until: format.dateTime(grant.expiresAt),
                        })}
                      </span>
                    </td>
                    <td>
                      {grant.reviewedAt ? (
                        <>
                          {t("rehab.breakGlassReview.reviewedBy", {
                            user: grant.reviewedBy ?? "—",
                            when: format.dateTime(grant.reviewedAt),
                          })}
                          <span className="table__sub muted">{grant.reviewNote}</span>
                        </>
                      ) : can("rehab_break_glass", "update") ? (
                        <button
                          type="button"
                          className="button button--small"
                          data-testid="break-glass-review"
                          onClick={() => {
                            setSaved("");
                            setReviewing(grant);
                          }}
                        >
                          {t("rehab.breakGlassReview.reviewAction")}
                        </button>
                      ) : (
                        <span className="muted">{t("rehab.breakGlassReview.pending")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      ) : null}
      {reviewing ? (
        <Modal
          title={t("rehab.breakGlassReview.reviewTitle")}
          onClose={() => setReviewing(null)}
          testId="review-dialog"
        >
          <ReviewForm
            grant={reviewing}
            onCancel={() => setReviewing(null)}
            onDone={() => {
              setReviewing(null);
              setSaved(t("rehab.breakGlassReview.saved"));
              list.retry();
            }}
          />
        </Modal>
      ) : null}
    </PageLayout>
  );
}
