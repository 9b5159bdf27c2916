import { useTranslation } from "react-i18next";
import { queryString } from "../lib/http";

interface ExportButtonsProps {
  /** The export route, e.g. `/api/organisations/export`. */
  path: string;
  /** The list's current filters: the file holds the same rows as the list. */
  params?: Record<string, string | number | undefined | null>;
  /** What is exported, for screen readers ("Organisasi"). */
  subject: string;
  testId?: string;
}

/**
 * CSV and XLSX download links for a table view. Plain links: the browser downloads with the
 * session cookie, works on a phone, and the server decides what the person may see.
 */
export function ExportButtons({
  path,
  params = {},
  subject,
  testId = "export",
}: ExportButtonsProps) {
  const { t } = useTranslation();
  return (
    <div
      className="export-buttons"
      style={{ display: "inline-flex", flexWrap: "wrap", gap: "0.4rem" }}
    >
      {(["csv", "xlsx"] as const).map((format) => (
        <a
          key={format}
          className="button button--small"
          href={`${path}${queryString({ ...params, format })}`}
          download
          data-testid={`${testId}-${format}`}
          aria-label={t("know.reports.export.label", { subject, format: format.toUpperCase() })}
        >
          {t(`know.reports.export.${format}`)}
        </a>
      ))}
    </div>
  );
}
