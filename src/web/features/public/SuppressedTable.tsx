import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import type { PublicCount, PublicTable } from "./public.api";

/** One published count: the number, "<5" for a small count, "—" for a hidden complement. */
export function CountCell({
  value,
  table,
}: {
  value: PublicCount;
  table: { suppressed: string; threshold: number };
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  if (typeof value === "number") return <>{number(value)}</>;
  if (value === table.suppressed)
    return (
      <abbr title={t("know.public.suppressedTitle")} data-suppressed="secondary">
        —
      </abbr>
    );
  return (
    <abbr
      title={t("know.public.smallTitle", { threshold: table.threshold, max: table.threshold - 1 })}
      data-suppressed="small"
    >
      {value}
    </abbr>
  );
}

interface SuppressedTableProps {
  table: PublicTable;
  caption: string;
  columnLabel: (column: string) => string;
  testId: string;
}

/** Rows (kelurahan) by columns with totals; rows that are all zero can be hidden. */
export function SuppressedTable({ table, caption, columnLabel, testId }: SuppressedTableProps) {
  const { t } = useTranslation();
  return (
    <div className="know-table-wrap">
      <table className="know-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("know.public.kelurahan")}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {columnLabel(c)}
              </th>
            ))}
            <th scope="col">{t("know.public.total")}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.areaCode}>
              <th scope="row">{row.areaName}</th>
              {row.cells.map((cell, k) => (
                <td key={table.columns[k]}>
                  <CountCell value={cell} table={table} />
                </td>
              ))}
              <td className="know-table__total">
                <CountCell value={row.total} table={table} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("know.public.total")}</th>
            {table.columnTotals.map((cell, k) => (
              <td key={table.columns[k]}>
                <CountCell value={cell} table={table} />
              </td>
            ))}
            <td className="know-table__total">
              <CountCell value={table.grandTotal} table={table} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** What "<5" and "—" mean, shown under every suppressed table. */
export function SuppressionNote({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return (
    <p className="know-note" data-testid="suppression-note">
      {t("know.public.suppressionNote", { threshold })}
    </p>
  );
}
