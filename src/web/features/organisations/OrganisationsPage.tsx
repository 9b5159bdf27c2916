import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ORGANISATION_TYPES } from "../../../domain/access/organisations";
import { ExportButtons } from "../../components/ExportButtons";
import { Modal } from "../../components/Modal";
import { PageLayout } from "../../components/PageLayout";
import { queryString } from "../../lib/http";
import { FilterBar, SearchField, SelectFilter } from "../admin/Filters";
import { ListStatus } from "../admin/ListStatus";
import { useOrgTypeLabel } from "../admin/labels";
import { PAGE_SIZE, useListParams, usePagedList } from "../admin/list";
import { Pagination } from "../admin/Pagination";
import { useSession } from "../auth/session";
import { OrganisationForm } from "./OrganisationForm";
import type { Organisation } from "./organisations.api";
import "../admin/admin.css";

const FILTERS = ["q", "type"] as const;

/** `/admin/organisasi`: the organisations at the P4GN table, filterable, with create and edit. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const typeLabel = useOrgTypeLabel();
  const { can } = useSession();
  const { values, page, update } = useListParams(FILTERS);
  const path = `/api/organisations${queryString({ ...values, page, pageSize: PAGE_SIZE })}`;
  const list = usePagedList<Organisation>(path);
  const [editing, setEditing] = useState<Organisation | "new" | null>(null);
  const [saved, setSaved] = useState("");

  const onSaved = (organisation: Organisation): void => {
    setEditing(null);
    setSaved(t("orgs.saved", { name: organisation.name }));
    list.retry();
  };

  return (
    <PageLayout
      title={t("orgs.title")}
      actions={
        <>
          <ExportButtons
            path="/api/organisations/export"
            params={values}
            subject={t("orgs.title")}
            testId="org-export"
          />
          {can("organisation", "create") ? (
            <button
              type="button"
              className="button"
              data-testid="org-create"
              onClick={() => {
                setSaved("");
                setEditing("new");
              }}
            >
              {t("orgs.create")}
            </button>
          ) : null}
        </>
      }
    >
      <FilterBar label={t("orgs.filters")}>
        <SearchField id="org-search" value={values.q} onSearch={(q) => update({ q })} />
        <SelectFilter
          id="org-filter-type"
          label={t("orgs.type")}
          value={values.type}
          onValue={(type) => update({ type })}
          options={ORGANISATION_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
        />
      </FilterBar>
      <p className="saved-note" role="status" aria-live="polite">
        {saved}
      </p>
      <ListStatus state={list.state} empty={list.data?.items.length === 0} onRetry={list.retry} />
      {list.data && list.data.items.length > 0 ? (
        <>
          <div className="table-wrap">
            <table
              className="table"
              data-testid="org-table"
              aria-busy={list.state.status === "loading"}
            >
              <caption id="org-caption" className="visually-hidden">
                {t("orgs.title")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("orgs.name")}</th>
                  <th scope="col">{t("orgs.type")}</th>
                  <th scope="col">{t("orgs.area")}</th>
                  <th scope="col">{t("table.status")}</th>
                  <th scope="col">{t("table.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((organisation) => (
                  <tr key={organisation.id} data-testid="org-row" data-id={organisation.id}>
                    <th scope="row" className="table__primary">
                      {organisation.name}
                    </th>
                    <td>{typeLabel(organisation.type)}</td>
                    <td>
                      {organisation.areaName ?? "—"}{" "}
                      <span className="muted mono">{organisation.areaCode}</span>
                    </td>
                    <td>
                      <span className={organisation.active ? "badge" : "badge badge--off"}>
                        {organisation.active ? t("table.active") : t("table.inactive")}
                      </span>
                    </td>
                    <td className="table__actions">
                      {organisation.actions.includes("update") ? (
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          data-testid="org-edit"
                          aria-label={t("orgs.editNamed", { name: organisation.name })}
                          onClick={() => {
                            setSaved("");
                            setEditing(organisation);
                          }}
                        >
                          {t("form.edit")}
                        </button>
                      ) : null}
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
      {editing ? (
        <Modal
          title={editing === "new" ? t("orgs.createTitle") : t("orgs.editTitle")}
          onClose={() => setEditing(null)}
          testId="org-dialog"
        >
          <OrganisationForm
            organisation={editing === "new" ? null : editing}
            onSaved={onSaved}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      ) : null}
    </PageLayout>
  );
}
