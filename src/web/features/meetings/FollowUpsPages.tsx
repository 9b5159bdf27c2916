import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CheckboxField, SelectField, TextField } from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { MeetingsSubNav } from "./MeetingsSubNav";
import {
  FOLLOW_UP_STATUSES,
  fetchDigest,
  fetchFollowUps,
  fetchMyFollowUps,
  fetchOrganisationChoices,
  followUpsUrl,
  myFollowUpsUrl,
  NO_FOLLOW_UP_FILTERS,
} from "./meetings.api";
import { ExportLinks, FollowUpTable, LoadState, Pager, StatusBadge } from "./parts";
import { isoWeekOf, jakartaToday, shiftWeek } from "./weeks";
import "./meetings.css";

const PAGE_SIZE = 25;

/** `/tindak-lanjut`: actions owned by my organisation or assigned to me; overdue first. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const list = useAsyncData(`${all}|${page}|${version}`, (signal) =>
    fetchMyFollowUps(all, page, PAGE_SIZE, signal),
  );
  return (
    <PageLayout title={t("meetings.mine.title")}>
      <MeetingsSubNav />
      <p className="muted">{t("meetings.mine.intro")}</p>
      <CheckboxField
        id="mine-all"
        label={t("meetings.mine.showAll")}
        checked={all}
        onChecked={(v) => {
          setAll(v);
          setPage(1);
        }}
      />
      <LoadState state={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted" data-testid="mine-empty">
              {t("meetings.mine.empty")}
            </p>
          ) : (
            <>
              <p className="muted">
                {t("meetings.mine.total", { count: data.total })}{" "}
                {data.items.some((i) => i.overdue) ? (
                  <strong className="meetings-overdue" data-testid="mine-overdue-count">
                    {t("meetings.list.overdueCount", {
                      count: data.items.filter((i) => i.overdue).length,
                    })}
                  </strong>
                ) : null}{" "}
                <ExportLinks url={(format) => myFollowUpsUrl(all, { format })} />
              </p>
              <FollowUpTable
                items={data.items}
                onChanged={() => setVersion((v) => v + 1)}
                testId="mine-table"
              />
              <Pager
                page={page}
                total={data.total}
                pageSize={PAGE_SIZE}
                onPage={setPage}
                testId="mine-pager"
              />
            </>
          )
        }
      </LoadState>
    </PageLayout>
  );
}

/** `/tindak-lanjut/semua`: every action in scope, with filters and export. */
export function AllActionsPage() {
  const { t } = useTranslation();
  const organisations = useAsyncData("meeting-organisations", fetchOrganisationChoices);
  const [filters, setFilters] = useState(NO_FOLLOW_UP_FILTERS);
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const areaValid = filters.area === "" || /^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/.test(filters.area);
  const list = useAsyncData(
    areaValid ? `${JSON.stringify(filters)}|${page}|${version}` : null,
    (signal) => fetchFollowUps(filters, page, PAGE_SIZE, signal),
  );
  const set = (key: keyof typeof filters) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };
  return (
    <PageLayout title={t("meetings.all.title")}>
      <MeetingsSubNav />
      <search className="meetings-filters">
        <SelectField
          id="af-status"
          label={t("meetings.followUp.status")}
          value={filters.status}
          onValue={set("status")}
        >
          <option value="">{t("meetings.filter.all")}</option>
          {FOLLOW_UP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`meetings.followUp.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="af-overdue"
          label={t("meetings.filter.overdue")}
          value={filters.overdue}
          onValue={set("overdue")}
          testId="filter-overdue"
        >
          <option value="">{t("meetings.filter.all")}</option>
          <option value="true">{t("meetings.filter.overdueOnly")}</option>
          <option value="false">{t("meetings.filter.notOverdue")}</option>
        </SelectField>
        <SelectField
          id="af-org"
          label={t("meetings.followUp.owner")}
          value={filters.organisation}
          onValue={set("organisation")}
        >
          <option value="">{t("meetings.filter.all")}</option>
          {organisations.status === "success"
            ? organisations.data.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))
            : null}
        </SelectField>
        <TextField
          id="af-area"
          label={t("meetings.filter.area")}
          value={filters.area}
          onValue={set("area")}
          placeholder="31.73.01"
          error={areaValid ? null : t("meetings.form.areaCode")}
        />
      </search>
      <LoadState state={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t("meetings.all.empty")}</p>
          ) : (
            <>
              <p className="muted">
                {t("meetings.mine.total", { count: data.total })}{" "}
                <ExportLinks url={(format) => followUpsUrl(filters, { format })} />
              </p>
              <FollowUpTable items={data.items} onChanged={() => setVersion((v) => v + 1)} />
              <Pager
                page={page}
                total={data.total}
                pageSize={PAGE_SIZE}
                onPage={setPage}
                testId="all-pager"
              />
            </>
          )
        }
      </LoadState>
    </PageLayout>
  );
}

/** `/tindak-lanjut/mingguan`: the weekly digest for a chosen ISO week. */
export function DigestPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [week, setWeek] = useState(() => isoWeekOf(jakartaToday()));
  const [version, setVersion] = useState(0);
  const valid = /^\d{4}-W\d{2}$/.test(week);
  const digest = useAsyncData(valid ? `${week}|${version}` : null, (signal) =>
    fetchDigest(week, signal),
  );
  const reload = () => setVersion((v) => v + 1);
  return (
    <PageLayout title={t("meetings.digest.title")}>
      <MeetingsSubNav />
      <div className="meetings-week">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setWeek((w) => shiftWeek(w, -1))}
        >
          {t("meetings.digest.previous")}
        </button>
        <TextField
          id="digest-week"
          label={t("meetings.digest.week")}
          type="week"
          value={week}
          onValue={(v) => v && setWeek(v)}
          testId="digest-week"
          error={valid ? null : t("meetings.digest.weekInvalid")}
        />
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setWeek((w) => shiftWeek(w, 1))}
        >
          {t("meetings.digest.next")}
        </button>
      </div>
      <LoadState state={digest}>
        {(d) => (
          <>
            <p className="muted">
              {t("meetings.digest.range", {
                start: date(d.start),
                end: date(d.end),
                asOf: date(d.asOf),
              })}
            </p>
            <ul className="meetings-counts" data-testid="digest-counts">
              <li>
                <strong data-testid="digest-new">{d.counts.newInputItems}</strong>{" "}
                {t("meetings.digest.newItems")}
              </li>
              <li>
                <strong data-testid="digest-due">{d.counts.dueThisWeek}</strong>{" "}
                {t("meetings.digest.due")}
              </li>
              <li className="meetings-overdue">
                <strong data-testid="digest-overdue">{d.counts.overdue}</strong>{" "}
                {t("meetings.digest.overdue")}
              </li>
              <li>
                <strong data-testid="digest-done">{d.counts.doneThisWeek}</strong>{" "}
                {t("meetings.digest.done")}
              </li>
            </ul>
            <h2>{t("meetings.digest.newItems")}</h2>
            {d.newInputItems.length === 0 ? (
              <p className="muted">{t("meetings.digest.none")}</p>
            ) : (
              <ul>
                {d.newInputItems.map((i) => (
                  <li key={i.id}>
                    <Link to={`/rapat/${i.meetingId}`}>{i.topic}</Link>{" "}
                    <StatusBadge kind="input" value={i.status} />
                  </li>
                ))}
              </ul>
            )}
            <h2>{t("meetings.digest.overdue")}</h2>
            {d.overdue.length === 0 ? (
              <p className="muted">{t("meetings.digest.none")}</p>
            ) : (
              <FollowUpTable items={d.overdue} onChanged={reload} testId="digest-overdue-table" />
            )}
            <h2>{t("meetings.digest.due")}</h2>
            {d.dueThisWeek.length === 0 ? (
              <p className="muted">{t("meetings.digest.none")}</p>
            ) : (
              <FollowUpTable items={d.dueThisWeek} onChanged={reload} />
            )}
            <h2>{t("meetings.digest.done")}</h2>
            {d.doneThisWeek.length === 0 ? (
              <p className="muted">{t("meetings.digest.none")}</p>
            ) : (
              <FollowUpTable items={d.doneThisWeek} onChanged={reload} />
            )}
          </>
        )}
      </LoadState>
    </PageLayout>
  );
}
