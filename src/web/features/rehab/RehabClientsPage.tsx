import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormAlert } from "../../components/FormAlert";
import { PageLayout } from "../../components/PageLayout";
import { useFormat } from "../../i18n/format";
import { FilterBar, SelectFilter } from "../admin/Filters";
import { ListStatus } from "../admin/ListStatus";
import { PAGE_SIZE, useListParams, usePagedList } from "../admin/list";
import { Pagination } from "../admin/Pagination";
import { useSession } from "../auth/session";
import { FacilitySelect } from "./FacilitySelect";
import { useRehabError, useRehabLabels } from "./labels";
import { RehabSubNav } from "./RehabSubNav";
import { type ClientSummary, clientsPath, lookupNik } from "./rehab.api";
import { EPISODE_STATUSES } from "./vocab";
import "../admin/admin.css";
import "../risk/risk-pages.css";
import "./rehab.css";

const FILTERS = ["code", "status", "child", "facility"] as const;

/** Search by the pseudonymous client code (kept in the address: it identifies nobody). */
function CodeSearch({ value, onSearch }: { value: string; onSearch: (code: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  return (
    <search className="filters__search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(text.trim().toUpperCase());
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="rehab-code-search">
            {t("rehab.search.code")}
          </label>
          <input
            id="rehab-code-search"
            type="search"
            className="field__input mono"
            data-testid="rehab-code-search"
            maxLength={40}
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--quiet" data-testid="rehab-code-submit">
          {t("table.searchButton")}
        </button>
      </form>
    </search>
  );
}

/**
 * Search by NIK through the blind index. The NIK is sent in a request body, never placed in
 * the address, and the field is emptied once the answer arrives: only the code stays on screen.
 */
function NikSearch() {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const errorText = useRehabError();
  const [nik, setNik] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ client: ClientSummary | null } | null>(null);
  return (
    <section className="card rehab-nik" aria-labelledby="rehab-nik-title">
      <h2 id="rehab-nik-title" className="section-title">
        {t("rehab.search.nikTitle")}
      </h2>
      <p className="muted">{t("rehab.search.nikIntro")}</p>
      <form
        className="rehab-nik__form"
        autoComplete="off"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          if (busy) return;
          if (!/^\d{16}$/.test(nik)) {
            setInvalid(true);
            return;
          }
          setBusy(true);
          setError(null);
          setResult(null);
          try {
            setResult(await lookupNik(csrfToken, nik));
          } catch (caught) {
            setError(caught);
          } finally {
            setNik("");
            setBusy(false);
          }
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="rehab-nik-search">
            {t("rehab.identity.nik")}
          </label>
          <input
            id="rehab-nik-search"
            className="field__input mono"
            data-testid="rehab-nik-search"
            inputMode="numeric"
            autoComplete="off"
            maxLength={16}
            value={nik}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? "rehab-nik-error" : undefined}
            onChange={(event) => {
              setNik(event.target.value.replace(/\D/g, ""));
              setInvalid(false);
            }}
          />
          {invalid ? (
            <p id="rehab-nik-error" className="field__error">
              {t("rehab.intake.errors.nik")}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          className="button"
          data-testid="rehab-nik-submit"
          aria-busy={busy}
          aria-disabled={busy}
        >
          {busy ? t("form.working") : t("table.searchButton")}
        </button>
      </form>
      <FormAlert message={error ? errorText(error) : null} />
      <div role="status" aria-live="polite">
        {result ? (
          result.client ? (
            <p data-testid="rehab-nik-result">
              {t("rehab.search.nikFound")}{" "}
              <Link to={`/rehab/klien/${result.client.id}`} className="mono">
                {result.client.code}
              </Link>
            </p>
          ) : (
            <p data-testid="rehab-nik-none">{t("rehab.search.nikNone")}</p>
          )
        ) : null}
      </div>
    </section>
  );
}

/** `/rehab`: the clients in the person's facility or scope, by pseudonymous code. */
export function RehabClientsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const format = useFormat();
  const labels = useRehabLabels();
  const { values, page, update } = useListParams(FILTERS);
  const list = usePagedList<ClientSummary>(
    clientsPath({
      code: values.code,
      status: values.status,
      child: values.child,
      facilityId: values.facility,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  return (
    <PageLayout
      title={t("rehab.clients.title")}
      actions={
        can("rehab_client", "create") ? (
          <Link className="button" to="/rehab/registrasi" data-testid="rehab-register">
            {t("rehab.clients.register")}
          </Link>
        ) : null
      }
    >
      <RehabSubNav />
      <p className="page__intro muted">{t("rehab.clients.intro")}</p>
      <FilterBar label={t("rehab.search.label")}>
        <CodeSearch key={values.code} value={values.code} onSearch={(code) => update({ code })} />
        <SelectFilter
          id="rehab-status-filter"
          label={t("rehab.client.status")}
          value={values.status}
          onValue={(status) => update({ status })}
          options={EPISODE_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
        />
        <SelectFilter
          id="rehab-child-filter"
          label={t("rehab.child")}
          value={values.child}
          onValue={(child) => update({ child })}
          options={[
            { value: "true", label: t("rehab.clients.childOnly") },
            { value: "false", label: t("rehab.clients.adultsOnly") },
          ]}
        />
        <FacilitySelect
          id="rehab-facility-filter"
          label={t("rehab.episode.facility")}
          testId="rehab-facility-filter"
          value={values.facility}
          allOption
          onValue={(facility) => update({ facility })}
        />
      </FilterBar>
      {can("rehab_identity", "read") ? <NikSearch /> : null}
      <ListStatus state={list.state} empty={list.data?.items.length === 0} onRetry={list.retry} />
      {list.data && list.data.items.length > 0 ? (
        <>
          <div className="table-wrap">
            <table
              className="table"
              data-testid="rehab-client-table"
              aria-busy={list.state.status === "loading"}
            >
              <caption className="visually-hidden">{t("rehab.clients.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rehab.client.code")}</th>
                  <th scope="col">{t("rehab.client.sex")}</th>
                  <th scope="col">{t("rehab.client.birthYear")}</th>
                  <th scope="col">{t("rehab.client.residence")}</th>
                  <th scope="col">{t("rehab.episode.facility")}</th>
                  <th scope="col">{t("rehab.client.status")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((client) => (
                  <tr
                    key={client.id}
                    data-testid="rehab-client-row"
                    data-id={client.id}
                    data-code={client.code}
                  >
                    <th scope="row" className="table__primary">
                      <Link to={`/rehab/klien/${client.id}`} className="mono">
                        {client.code}
                      </Link>
                      {client.child ? (
                        <span className="badge badge--child">{t("rehab.child")}</span>
                      ) : null}
                      {client.erased ? (
                        <span className="badge badge--off">{t("rehab.dataSubject.erased")}</span>
                      ) : null}
                      {client.synthetic ? (
                        <span className="badge">{t("rehab.synthetic")}</span>
                      ) : null}
                    </th>
                    <td>{labels.sex(client.sex)}</td>
                    <td>{client.birthYear}</td>
                    <td>{client.residenceKelurahanName ?? client.residenceKelurahanCode ?? "—"}</td>
                    <td>{client.facilityName ?? "—"}</td>
                    <td>
                      {client.status ? labels.status(client.status) : "—"}
                      {client.lastEpisodeStart ? (
                        <span className="table__sub muted">
                          {format.date(client.lastEpisodeStart)}
                        </span>
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
    </PageLayout>
  );
}
