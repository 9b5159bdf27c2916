import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportButtons } from "../../components/ExportButtons";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import { errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { FigureFormDialog } from "./FigureForm";
import {
  type Figure,
  type FigureItem,
  type Filters,
  fetchDisagreements,
  fetchFigures,
  fetchIndicators,
  filterParams,
  NO_FILTERS,
} from "./figures.api";
import "../custody/custody.css";

const PAGE_SIZE = 25;

/** A figure's source: organisation, citation and a link opened outside Tanggap. */
function SourceCell({ f }: { f: Figure }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (
    <>
      <strong>{f.sourceOrganisation}</strong>
      {f.publishedOn ? <span className="muted"> · {date(f.publishedOn)}</span> : null}
      {f.citation ? <div className="custody-source">{f.citation}</div> : null}
      {f.link ? (
        <a href={f.link} target="_blank" rel="noopener noreferrer">
          {t("know.figures.link")}
        </a>
      ) : null}
    </>
  );
}

function period(f: Pick<Figure, "periodLabel" | "periodStart" | "periodEnd">): string {
  if (f.periodLabel) return f.periodLabel;
  return [f.periodStart, f.periodEnd].filter(Boolean).join(" – ");
}

/** `/angka-resmi`: the official figures register with sources, disagreements and computed values. */
export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const { number } = useFormat();
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [saved, setSaved] = useState(0);
  const [editing, setEditing] = useState<FigureItem | "new" | null>(null);
  const indicators = useAsyncData("figure-indicators", fetchIndicators);
  const valid = !(filters.from && filters.to && filters.from > filters.to);
  const key = `${JSON.stringify(filters)}|${saved}`;
  const list = useAsyncData(valid ? `${key}|${page}` : null, (s) =>
    fetchFigures(filters, page, PAGE_SIZE, s),
  );
  const disagreements = useAsyncData(valid ? key : null, (s) => fetchDisagreements(filters, s));
  const indicatorList = indicators.status === "success" ? indicators.data : [];
  const nameOf = (f: Pick<Figure, "indicatorName" | "indicatorNameEn">) =>
    i18n.language.startsWith("en") ? f.indicatorNameEn : f.indicatorName;
  const pages = list.status === "success" ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const change = (field: keyof Filters) => (value: string) => {
    setFilters((f) => ({ ...f, [field]: value }));
    setPage(1);
  };

  return (
    <PageLayout
      title={t("know.figures.title")}
      actions={
        can("official_figure", "create") ? (
          <button
            type="button"
            className="button"
            data-testid="figure-add"
            onClick={() => setEditing("new")}
          >
            {t("know.figures.add")}
          </button>
        ) : null
      }
    >
      <p className="muted">{t("know.figures.lead")}</p>
      <form
        className="custody-filters"
        aria-label={t("know.figures.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="field__label" htmlFor="filter-indicator">
          {t("know.figures.field.indicator")}
        </label>
        <select
          id="filter-indicator"
          className="field__select"
          value={filters.indicator}
          onChange={(e) => change("indicator")(e.target.value)}
          data-testid="figures-filter-indicator"
        >
          <option value="">{t("know.figures.all")}</option>
          {indicatorList.map((i) => (
            <option key={i.code} value={i.code}>
              {i18n.language.startsWith("en") ? i.nameEn : i.name}
            </option>
          ))}
        </select>
        <label className="field__label" htmlFor="filter-area">
          {t("know.figures.field.areaCode")}
        </label>
        <input
          id="filter-area"
          className="field__input"
          size={10}
          value={filters.area}
          placeholder="31.73"
          onChange={(e) => change("area")(e.target.value.trim())}
        />
        <label className="field__label" htmlFor="filter-from">
          {t("know.figures.from")}
        </label>
        <input
          id="filter-from"
          type="date"
          className="field__input"
          value={filters.from}
          onChange={(e) => change("from")(e.target.value)}
        />
        <label className="field__label" htmlFor="filter-to">
          {t("know.figures.to")}
        </label>
        <input
          id="filter-to"
          type="date"
          className="field__input"
          value={filters.to}
          onChange={(e) => change("to")(e.target.value)}
          aria-invalid={valid ? undefined : true}
        />
        {!valid ? <span role="alert">{t("know.figures.badRange")}</span> : null}
      </form>

      <section
        className="custody-card"
        aria-labelledby="figures-disagree-title"
        data-testid="figures-disagreements"
      >
        <h2 id="figures-disagree-title">{t("know.figures.disagreeTitle")}</h2>
        {disagreements.status === "loading" ? (
          <p role="status" className="muted">
            <span className="spinner" aria-hidden="true" /> {t("status.loading")}
          </p>
        ) : disagreements.status === "error" ? (
          <p role="alert">{t(errorKey(disagreements.error))}</p>
        ) : disagreements.data.length === 0 ? (
          <p className="muted">{t("know.figures.noDisagreement")}</p>
        ) : (
          disagreements.data.map((g) => (
            <div
              key={`${g.indicator}|${g.areaCode}|${g.periodEnd}|${g.periodLabel}`}
              data-testid="figures-disagreement"
            >
              <h3>
                {nameOf(g)} · {period(g)} · {g.areaName ?? g.areaCode}
              </h3>
              <div className="figures-sidebyside">
                {g.figures.map((f) => (
                  <div key={f.id} data-testid="figures-disagreement-source">
                    <div className="figures-value">
                      {number(f.value)} {f.unit}
                    </div>
                    <SourceCell f={f} />
                  </div>
                ))}
              </div>
            </div>
          ))
        )}
      </section>

      <section className="custody-card" aria-labelledby="figures-register-title">
        <div className="custody-card__head">
          <h2 id="figures-register-title">{t("know.figures.registerTitle")}</h2>
          <ExportButtons
            path="/api/figures"
            params={filterParams(filters)}
            subject={t("know.figures.registerTitle")}
            testId="figures-export"
          />
        </div>
        {list.status === "loading" ? (
          <p role="status" className="muted">
            <span className="spinner" aria-hidden="true" /> {t("status.loading")}
          </p>
        ) : list.status === "error" ? (
          <div role="alert">
            <p>{t(errorKey(list.error))}</p>
            <button type="button" className="button" onClick={list.retry}>
              {t("status.retry")}
            </button>
          </div>
        ) : list.data.items.length === 0 ? (
          <p className="muted" data-testid="figures-empty">
            {t("know.figures.empty")}
          </p>
        ) : (
          <>
            <div className="custody-table-wrap">
              <table className="custody-table" data-testid="figures-table">
                <thead>
                  <tr>
                    <th scope="col">{t("know.figures.field.indicator")}</th>
                    <th scope="col">{t("know.figures.period")}</th>
                    <th scope="col">{t("know.figures.field.areaCode")}</th>
                    <th scope="col">{t("know.figures.published")}</th>
                    <th scope="col">{t("know.figures.computed")}</th>
                    <th scope="col">{t("know.figures.source")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("know.figures.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((f) => (
                    <tr key={f.id} data-testid="figure-row">
                      <th scope="row">
                        {nameOf(f)}
                        {f.label ? <div className="muted custody-source">{f.label}</div> : null}
                      </th>
                      <td>{period(f)}</td>
                      <td>{f.areaName ?? f.areaCode}</td>
                      <td>
                        <span className="figures-value">{number(f.value)}</span> {f.unit}
                        {f.disagreeing > 0 ? (
                          <div>
                            <span className="figures-badge" data-testid="figure-disagrees">
                              {t("know.figures.disagrees", { count: f.disagreeing })}
                            </span>
                          </div>
                        ) : null}
                      </td>
                      <td data-testid="figure-computed">
                        {f.computed ? (
                          <>
                            {number(f.computed.value)}
                            <div className="muted custody-source">
                              {t(`know.figures.basis.${f.computed.basis}`)}
                            </div>
                          </>
                        ) : (
                          <span className="muted">{t("know.figures.notComputed")}</span>
                        )}
                      </td>
                      <td>
                        <SourceCell f={f} />
                      </td>
                      <td>
                        {f.actions.includes("update") ? (
                          <button
                            type="button"
                            className="button button--quiet"
                            onClick={() => setEditing(f)}
                            aria-label={t("know.figures.editAria", {
                              name: nameOf(f),
                              period: period(f),
                            })}
                          >
                            {t("know.figures.edit")}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav className="custody-pager" aria-label={t("know.custody.pages")}>
              <button
                type="button"
                className="button button--quiet"
                disabled={page <= 1}
                onClick={() => setPage((p) => p - 1)}
              >
                {t("know.custody.previous")}
              </button>
              <span>{t("know.custody.page", { page, pages })}</span>
              <button
                type="button"
                className="button button--quiet"
                disabled={page >= pages}
                onClick={() => setPage((p) => p + 1)}
              >
                {t("know.custody.next")}
              </button>
            </nav>
          </>
        )}
      </section>
      {editing ? (
        <FigureFormDialog
          figure={editing === "new" ? null : editing}
          indicators={indicatorList}
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
