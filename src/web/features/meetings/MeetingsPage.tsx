import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { SelectField, TextField } from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { useSession } from "../auth/session";
import { MeetingForm } from "./MeetingForm";
import { MeetingsSubNav } from "./MeetingsSubNav";
import { fetchMeetings, MEETING_KINDS, meetingsUrl, NO_MEETING_FILTERS } from "./meetings.api";
import { ExportLinks, LoadState, Pager, StatusBadge } from "./parts";
import "./meetings.css";

const PAGE_SIZE = 20;

/** `/rapat`: meetings and audiences in scope, newest first, with filters and export. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { date, number } = useFormat();
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState(NO_MEETING_FILTERS);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const areaValid = filters.area === "" || /^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/.test(filters.area);
  const list = useAsyncData(areaValid ? `${JSON.stringify(filters)}|${page}` : null, (signal) =>
    fetchMeetings(filters, page, PAGE_SIZE, signal),
  );
  const set = (key: keyof typeof filters) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };

  return (
    <PageLayout
      title={t("meetings.list.title")}
      actions={
        can("meeting", "create") ? (
          <button
            type="button"
            className="button"
            data-testid="meeting-add"
            onClick={() => setCreating(true)}
          >
            {t("meetings.list.add")}
          </button>
        ) : null
      }
    >
      <MeetingsSubNav />
      <search className="meetings-filters">
        <TextField
          id="mf-q"
          label={t("meetings.filter.q")}
          value={filters.q}
          onValue={set("q")}
          type="search"
        />
        <SelectField
          id="mf-kind"
          label={t("meetings.field.kind")}
          value={filters.kind}
          onValue={set("kind")}
        >
          <option value="">{t("meetings.filter.all")}</option>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`meetings.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="mf-area"
          label={t("meetings.filter.area")}
          value={filters.area}
          onValue={set("area")}
          placeholder="31.73.01"
          error={areaValid ? null : t("meetings.form.areaCode")}
        />
        <TextField
          id="mf-from"
          label={t("meetings.filter.from")}
          type="date"
          value={filters.from}
          onValue={set("from")}
        />
        <TextField
          id="mf-to"
          label={t("meetings.filter.to")}
          type="date"
          value={filters.to}
          onValue={set("to")}
        />
      </search>
      <LoadState state={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted" data-testid="meetings-empty">
              {t("meetings.list.empty")}
            </p>
          ) : (
            <>
              <p className="muted">
                {t("meetings.list.total", { count: data.total })}{" "}
                <ExportLinks url={(format) => meetingsUrl(filters, { format })} />
              </p>
              <div className="meetings-table-wrap">
                <table className="meetings-table" data-testid="meetings-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("meetings.field.heldOn")}</th>
                      <th scope="col">{t("meetings.field.title")}</th>
                      <th scope="col">{t("meetings.field.kind")}</th>
                      <th scope="col">{t("meetings.field.organiser")}</th>
                      <th scope="col">{t("meetings.list.inputItems")}</th>
                      <th scope="col">{t("meetings.list.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((m) => (
                      <tr key={m.id} data-testid="meeting-row">
                        <td>{date(m.heldOn)}</td>
                        <td>
                          <Link to={`/rapat/${m.id}`}>{m.title}</Link>
                          {m.place ? <div className="muted">{m.place}</div> : null}
                        </td>
                        <td>
                          <StatusBadge kind="kind" value={m.kind} />
                        </td>
                        <td>{m.organiser.name}</td>
                        <td>{number(m.inputItemCount)}</td>
                        <td>
                          {t("meetings.list.actionCounts", {
                            total: m.actionCount,
                            open: m.openActionCount,
                          })}
                          {m.overdueActionCount > 0 ? (
                            <div className="meetings-overdue">
                              {t("meetings.list.overdueCount", { count: m.overdueActionCount })}
                            </div>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                page={page}
                total={data.total}
                pageSize={PAGE_SIZE}
                onPage={setPage}
                testId="meetings-pager"
              />
            </>
          )
        }
      </LoadState>
      {creating ? (
        <MeetingForm
          onClose={() => setCreating(false)}
          onSaved={(meeting) => {
            setCreating(false);
            void navigate(`/rapat/${meeting.id}`);
          }}
        />
      ) : null}
    </PageLayout>
  );
}
