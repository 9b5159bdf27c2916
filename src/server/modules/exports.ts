/**
 * CSV and XLSX downloads of table views, shared by every module.
 *
 * A module describes its columns once (`key`, `header`, optional `type`) and hands rows to
 * {@link sendTable}. CSV is UTF-8 with a byte-order mark (so Excel opens Indonesian text
 * correctly), CRLF line ends, and text cells that would start a formula are neutralised.
 * XLSX has a bold, frozen header row, an auto-filter, column widths from the content, numbers
 * as numbers and dates as dates (timestamps in WIB, UTC+7, which is how Jakarta reads them).
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema";
import type { RequestContext } from "../context";
import { recordAudit } from "./audit/audit.service";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The `format` query field of an export route (required). */
export const exportFormat = z.enum(EXPORT_FORMATS);

/** Spread into a list route's query: without `format` the route answers JSON. */
export const exportQuery = { format: exportFormat.optional() };

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Most rows one export writes; lists longer than this should be filtered first. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * How a column's values are written.
 * - `text` (default): as text.
 * - `number`: a number (numeric strings such as PostgreSQL counts are converted; a marker
 *   such as "<5" for a suppressed small count stays text).
 * - `date`: a calendar date (`YYYY-MM-DD` text or a Date).
 * - `datetime`: an instant (Date or ISO text), shown in WIB.
 * - `boolean`: "ya"/"tidak" in CSV, TRUE/FALSE in XLSX.
 */
export type ColumnType = "text" | "number" | "date" | "datetime" | "boolean";

export interface ExportColumn<Row> {
  /** The row field to read, unless `value` is given. */
  key: string;
  header: string;
  type?: ColumnType;
  /** Computes the cell from the row (e.g. joining a list). */
  value?: (row: Row) => unknown;
  /** Width in characters (XLSX); computed from the content when absent. */
  width?: number;
  /** XLSX number format, e.g. "0.0%" or "#,##0". */
  numFmt?: string;
}

export interface ExportTable<Row> {
  /** File name without or with extension; made safe and given the format's extension. */
  filename: string;
  columns: ExportColumn<Row>[];
  rows: readonly Row[];
  format: ExportFormat;
  /** XLSX sheet name (default "Data"). */
  sheetName?: string;
}

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

type Cell = string | number | boolean | Date | null;

function cellOf<Row>(column: ExportColumn<Row>, row: Row): unknown {
  return column.value ? column.value(row) : (row as Record<string, unknown>)[column.key];
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A calendar date as YYYY-MM-DD, or null. Date objects are read in local time (like pg). */
function toDateText(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  const text = String(value).slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
}

function toInstant(value: unknown): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant as WIB wall-clock text with its offset: 2026-11-29T17:05:00+07:00. */
export function wibText(date: Date): string {
  return `${new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(plainText).join("; ");
  if (value instanceof Date) return wibText(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV only). */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(type: ColumnType, value: unknown): string {
  switch (type) {
    case "number": {
      const n = toNumber(value);
      // A marker such as "<5" (a suppressed small count) stays as written.
      return n === null ? neutralised(plainText(value)) : String(n);
    }
    case "date":
      return toDateText(value) ?? "";
    case "datetime": {
      const d = toInstant(value);
      return d ? wibText(d) : "";
    }
    case "boolean":
      return value === null || value === undefined ? "" : value ? "ya" : "tidak";
    default:
      return neutralised(plainText(value));
  }
}

function xlsxCell(type: ColumnType, value: unknown): Cell {
  switch (type) {
    case "number": {
      const n = toNumber(value);
      return n === null && typeof value === "string" && value !== "" ? value : n;
    }
    case "date": {
      const text = toDateText(value);
      return text ? new Date(`${text}T00:00:00Z`) : null;
    }
    case "datetime": {
      const d = toInstant(value);
      // ExcelJS writes a Date's UTC wall clock; shift it so Excel shows WIB.
      return d ? new Date(d.getTime() + WIB_OFFSET_MS) : null;
    }
    case "boolean":
      return value === null || value === undefined ? null : Boolean(value);
    default: {
      const text = plainText(value);
      return text === "" ? null : text;
    }
  }
}

/** The table as CSV: BOM, header row, CRLF. */
export function tableCsv<Row>(columns: ExportColumn<Row>[], rows: readonly Row[]): Buffer {
  const records = rows.map((row) => columns.map((c) => csvCell(c.type ?? "text", cellOf(c, row))));
  const text = stringify([columns.map((c) => c.header), ...records], {
    record_delimiter: "\r\n",
  });
  return Buffer.from(`\uFEFF${text}`, "utf8");
}

const DEFAULT_NUM_FMT: Partial<Record<ColumnType, string>> = {
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm:ss",
};

/** The table as an XLSX workbook with one sheet. */
export async function tableXlsx<Row>(
  columns: ExportColumn<Row>[],
  rows: readonly Row[],
  sheetName = "Data",
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tanggap";
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const name = sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Data";
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const widths = columns.map((c) => Math.max(c.header.length, 6));
  sheet.addRow(columns.map((c) => c.header));
  for (const row of rows) {
    const cells = columns.map((c, i) => {
      const type = c.type ?? "text";
      const cell = xlsxCell(type, cellOf(c, row));
      const shown =
        type === "date" ? 10 : type === "datetime" ? 19 : cell === null ? 0 : String(cell).length;
      widths[i] = Math.max(widths[i] ?? 0, shown);
      return cell;
    });
    sheet.addRow(cells);
  }
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width ?? Math.min(60, (widths[i] ?? 8) + 2);
    const numFmt = c.numFmt ?? DEFAULT_NUM_FMT[c.type ?? "text"];
    if (numFmt) column.numFmt = numFmt;
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Render a table in the requested format. */
export async function renderTable<Row>(table: Omit<ExportTable<Row>, "filename">) {
  return table.format === "csv"
    ? tableCsv(table.columns, table.rows)
    : tableXlsx(table.columns, table.rows, table.sheetName);
}

/**
 * A file name safe for any file system and header: letters, digits, dot, dash and underscore
 * only (accents folded), no leading dots, at most 100 characters, with the given extension.
 */
export function safeFilename(name: string, extension: string): string {
  const ext = extension.replace(/^\./, "");
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(new RegExp(`\\.${ext}$`, "i"), "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^[.-]+|[.-]+$/g, "")
      .slice(0, 100) || "export";
  return `${base}.${ext}`;
}

/** Content-Disposition for a download, ASCII-safe. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Send a file download with a safe name. */
export function sendFile(
  reply: FastifyReply,
  body: Buffer,
  options: { filename: string; extension: string; contentType: string },
) {
  return reply
    .header("content-type", options.contentType)
    .header("content-disposition", attachment(safeFilename(options.filename, options.extension)))
    .header("cache-control", "no-store")
    .send(body);
}

/** Render the table and send it as a download. */
export async function sendTable<Row>(reply: FastifyReply, table: ExportTable<Row>) {
  const body = await renderTable(table);
  return sendFile(reply, body, {
    filename: table.filename,
    extension: table.format,
    contentType: EXPORT_CONTENT_TYPES[table.format],
  });
}

/** A dated file name stem, e.g. `organisasi-2026-11-29`. */
export function datedFilename(stem: string, now = new Date()): string {
  return `${stem}-${wibText(now).slice(0, 10)}`;
}

/**
 * Read the rows of an export and record `<resource>.export` in one transaction, so an export
 * that reached nobody leaves no event and every delivered file has one. Only the format and
 * the names of the filters used are recorded, never their values.
 */
export function auditedExport<T>(
  db: Kysely<Database>,
  ctx: RequestContext,
  entry: { resource: string; format: string; filters?: Record<string, unknown> },
  read: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await read(trx);
    const used = Object.entries(entry.filters ?? {})
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k]) => `filter:${k}`);
    await recordAudit(trx, ctx, {
      action: `${entry.resource}.export`,
      resource: entry.resource,
      changedFields: [`format:${entry.format}`, ...used],
    });
    return result;
  });
}
