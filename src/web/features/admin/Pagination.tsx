import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** "1–50 of 123", previous and next page. */
export function Pagination({ page, pageSize, total, onPage }: PaginationProps) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={t("table.pagination")} data-testid="pagination">
      <p className="pagination__range" data-testid="pagination-total">
        {t("table.range", { from: number(from), to: number(to), total: number(total) })}
      </p>
      <div className="pagination__controls">
        <button
          type="button"
          className="button button--quiet"
          disabled={page <= 1}
          data-testid="page-previous"
          onClick={() => onPage(page - 1)}
        >
          <span aria-hidden="true">‹ </span>
          {t("table.previous")}
        </button>
        <span className="pagination__page">
          {t("table.pageOf", { page: number(page), pages: number(pages) })}
        </span>
        <button
          type="button"
          className="button button--quiet"
          disabled={page >= pages}
          data-testid="page-next"
          onClick={() => onPage(page + 1)}
        >
          {t("table.next")}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
    </nav>
  );
}
