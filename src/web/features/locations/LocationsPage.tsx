import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ExportButtons } from "../../components/ExportButtons";
import { Modal } from "../../components/Modal";
import { PageLayout } from "../../components/PageLayout";
import { FilterBar, SearchField } from "../admin/Filters";
import { ListStatus } from "../admin/ListStatus";
import { PAGE_SIZE, useListParams, usePagedList } from "../admin/list";
import { Pagination } from "../admin/Pagination";
import { useSession } from "../auth/session";
import { LocationForm } from "./LocationForm";
import { locationsPath, type NamedLocation } from "./locations.api";
import "../admin/admin.css";
import "../risk/risk-pages.css";
import "./locations.css";

const FILTERS = ["q"] as const;

/** `/lokasi`: named places inside kelurahan (a kampung, a gang, an RW), searchable, editable. */
export function LocationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, page, update } = useListParams(FILTERS);
  const list = usePagedList<NamedLocation>(locationsPath({ ...values, page, pageSize: PAGE_SIZE }));
  const [editing, setEditing] = useState<NamedLocation | "new" | null>(null);
  const [saved, setSaved] = useState("");

  const geometryLabel = (location: NamedLocation): string =>
    location.geometry?.type === "Point"
      ? t("locations.geometryPoint")
      : location.geometry?.type === "Polygon"
        ? t("locations.geometryPolygon")
        : t("locations.geometryNone");

  return (
    <PageLayout
      title={t("locations.title")}
      actions={
        <>
          <ExportButtons
            path="/api/named-locations/export"
            params={values}
            subject={t("locations.title")}
            testId="location-export"
          />
          {can("named_location", "create") ? (
            <button
              type="button"
              className="button"
              data-testid="location-create"
              onClick={() => {
                setSaved("");
                setEditing("new");
              }}
            >
              {t("locations.create")}
            </button>
          ) : null}
        </>
      }
    >
      <p className="page__intro muted">{t("locations.intro")}</p>
      <FilterBar label={t("locations.filters")}>
        <SearchField id="location-search" value={values.q} onSearch={(q) => update({ q })} />
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
              data-testid="location-table"
              aria-busy={list.state.status === "loading"}
            >
              <caption className="visually-hidden">{t("locations.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("locations.name")}</th>
                  <th scope="col">{t("locations.kelurahan")}</th>
                  <th scope="col">{t("locations.rwRt")}</th>
                  <th scope="col">{t("locations.geometryColumn")}</th>
                  <th scope="col">{t("table.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((location) => (
                  <tr
                    key={location.id}
                    data-testid="location-row"
                    data-id={location.id}
                    data-name={location.name}
                    data-geometry={location.geometry?.type ?? "none"}
                  >
                    <th scope="row" className="table__primary">
                      {location.name}
                      {location.aliases.length > 0 ? (
                        <span className="table__sub muted">
                          {t("locations.aliasesValue", { aliases: location.aliases.join(", ") })}
                        </span>
                      ) : null}
                      {location.notes ? (
                        <span className="table__sub muted">{location.notes}</span>
                      ) : null}
                    </th>
                    <td>
                      {can("assessment", "read") ? (
                        <Link to={`/rawan/wilayah/${location.kelurahanCode}`}>
                          {location.kelurahanName ?? location.kelurahanCode}
                        </Link>
                      ) : (
                        (location.kelurahanName ?? location.kelurahanCode)
                      )}
                      <span className="table__sub muted mono">{location.kelurahanCode}</span>
                    </td>
                    <td className="table__nowrap">
                      {[
                        location.rw ? t("locations.rwValue", { rw: location.rw }) : null,
                        location.rt ? t("locations.rtValue", { rt: location.rt }) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ") || "—"}
                    </td>
                    <td>
                      <span className={location.geometry ? "badge" : "badge badge--off"}>
                        {geometryLabel(location)}
                      </span>
                    </td>
                    <td className="table__actions">
                      {location.actions.includes("update") ? (
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          data-testid="location-edit"
                          aria-label={t("locations.editNamed", { name: location.name })}
                          onClick={() => {
                            setSaved("");
                            setEditing(location);
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
          title={editing === "new" ? t("locations.createTitle") : t("locations.editTitle")}
          onClose={() => setEditing(null)}
          testId="location-dialog"
          wide
        >
          <LocationForm
            location={editing === "new" ? null : editing}
            onSaved={(location) => {
              setEditing(null);
              setSaved(t("locations.saved", { name: location.name }));
              list.retry();
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      ) : null}
    </PageLayout>
  );
}
