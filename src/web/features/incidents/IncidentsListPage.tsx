import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { IncidentFilterBar, typeName } from "./IncidentFilterBar";
import { IncidentForm } from "./IncidentForm";
import { IncidentsSubNav } from "./IncidentsSubNav";
import { fetchIncidents, fetchTypes, type Incident, NO_FILTERS } from "./incidents.api";
import "./incidents.css";

const PAGE_SIZE = 25;

/** `/insiden/daftar`: the incidents in scope, newest first, with add and edit. */
export function IncidentsListPage() {
  const { t, i18n } = useTranslation();
  const { date, number } = useFormat();
  const { can } = useSession();
  const types = useAsyncData("incident-types", fetchTypes);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Incident | "new" | null>(null);
  const [saved, setSaved] = useState(0);
  const valid = !(filters.from && filters.to && filters.from > filters.to);
  const list = useAsyncData(
    valid ? `${JSON.stringify(filters)}|${page}|${saved}` : null,
    (signal) => fetchIncidents(filters, page, PAGE_SIZE, signal),
  );
  const pages = list.status === "success" ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <PageLayout
      title={t("incidents.list.title")}
      actions={
        can("incident", "create") ? (
          <button
            type="button"
            className="button"
            data-testid="incident-add"
            onClick={() => setEditing("new")}
          >
            {t("incidents.list.add")}
          </button>
        ) : null
      }
    >
      <IncidentsSubNav />
      <IncidentFilterBar
        filters={filters}
        types={types}
        onChange={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      {list.status === "loading" ? (
        <p role="status" className="muted">
          <span className="spinner" aria-hidden="true" /> {t("status.loading")}
        </p>
      ) : null}
      {list.status === "error" ? (
        <div role="alert" className="incident-error">
          <p>{t(errorKey(list.error))}</p>
          <button type="button" className="button" onClick={list.retry}>
            {t("status.retry")}
          </button>
        </div>
      ) : null}
      {list.status === "success" && list.data.items.length === 0 ? (
        <p className="muted" data-testid="incident-list-empty">
          {t("incidents.list.empty")}
        </p>
      ) : null}
      {list.status === "success" && list.data.items.length > 0 ? (
        <>
          <p className="muted" data-testid="incident-list-total">
            {t("incidents.list.total", { count: list.data.total })}
          </p>
          <div className="incident-table-wrap">
            <table className="incident-table" data-testid="incident-list">
              <thead>
                <tr>
                  <th scope="col">{t("incidents.field.date")}</th>
                  <th scope="col">{t("incidents.field.type")}</th>
                  <th scope="col">{t("incidents.field.kelurahan_code")}</th>
                  <th scope="col">{t("incidents.field.source")}</th>
                  <th scope="col">{t("incidents.field.persons")}</th>
                  <th scope="col">{t("incidents.field.arrests")}</th>
                  <th scope="col">{t("incidents.field.external_ref")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("incidents.list.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id} data-testid="incident-row">
                    <td>{date(item.occurredOn)}</td>
                    <td>{typeName(types, item.type, i18n.language)}</td>
                    <td>
                      {item.kelurahanCode}
                      {item.lon === null ? ` (${t("incidents.precision.kelurahan")})` : ""}
                    </td>
                    <td>{t(`incidents.source.${item.source}`, { defaultValue: item.source })}</td>
                    <td>{number(item.persons)}</td>
                    <td>{number(item.arrests)}</td>
                    <td className="mono">{item.externalRef ?? ""}</td>
                    <td>
                      {item.actions.includes("update") ? (
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() => setEditing(item)}
                          aria-label={t("incidents.list.editAria", {
                            date: date(item.occurredOn),
                          })}
                        >
                          {t("incidents.list.edit")}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="incident-pager" aria-label={t("incidents.list.pages")}>
            <button
              type="button"
              className="button button--quiet"
              disabled={page <= 1}
              onClick={() => setPage((p) => p - 1)}
            >
              {t("incidents.list.previous")}
            </button>
            <span data-testid="incident-page">{t("incidents.list.page", { page, pages })}</span>
            <button
              type="button"
              className="button button--quiet"
              disabled={page >= pages}
              data-testid="incident-next"
              onClick={() => setPage((p) => p + 1)}
            >
              {t("incidents.list.next")}
            </button>
          </nav>
        </>
      ) : null}
      {editing ? (
        <IncidentForm
          incident={editing === "new" ? null : editing}
          types={types}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaved((n) => n + 1);
          }}
        />
      ) : null}
    </PageLayout>
  );
}
