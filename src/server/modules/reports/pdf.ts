/**
 * Small layer over pdfkit shared by the reports: A4 documents with the standard Helvetica
 * (no font files needed; Indonesian is plain Latin text), headings, paragraphs, tables that
 * break across pages with their header repeated, and footers with page numbers written once
 * every page exists.
 */
import PDFDocument from "pdfkit";
import { wibText } from "../exports";

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 45, bottom: 60 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const INK = "#1f1f24";
export const MUTED = "#5f5f6b";
export const RULE = "#c8c8d0";

// Characters the standard PDF fonts can show (WinAnsi): others are replaced, never dropped silently.
const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

/** Text safe for the standard fonts: unsupported characters become close ASCII or "?". */
export function safe(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[≥]/g, ">=")
    .replace(/[≤]/g, "<=")
    .replace(/[\u2212]/g, "-")
    .replace(/[\t\r\n]+/g, " ")
    .replace(/./gu, (ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return ch;
      if (WIN_ANSI_EXTRA.includes(ch)) return ch;
      const folded = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      return /^[\x20-\x7e]+$/.test(folded) ? folded : "?";
    });
}

const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];

/** 29 November 2026 (a YYYY-MM-DD date). */
export function longDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Nov 26 (a YYYY-MM month). */
export function shortMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${MONTHS[m - 1]?.slice(0, 3)} ${String(y).slice(2)}`;
}

/** 13.347 (Indonesian grouping). */
export function num(n: number, digits = 0): string {
  return n.toLocaleString("id-ID", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Generated-at text in WIB. */
export function generatedText(date: Date): string {
  const text = wibText(date);
  return `${longDate(text.slice(0, 10))} ${text.slice(11, 16)} WIB`;
}

export function newDocument(title: string): Doc {
  return new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    bufferPages: true,
    info: { Title: safe(title), Author: "Tanggap", Creator: "Tanggap", Producer: "Tanggap" },
    lang: "id-ID",
  });
}

/** The finished document's bytes. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** Footers on every page: left text, "Halaman i dari n" on the right, and a rule above. */
export function footers(doc: Doc, left: string, note: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not add a page
    const y = PAGE.height - 44;
    doc
      .moveTo(PAGE.margin, y - 6)
      .lineTo(PAGE.width - PAGE.margin, y - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.font("Helvetica").fontSize(7.5).fillColor(MUTED);
    doc.text(safe(left), PAGE.margin, y, { width: CONTENT_WIDTH - 90, lineBreak: false });
    doc.text(`Halaman ${i + 1} dari ${range.count}`, PAGE.width - PAGE.margin - 90, y, {
      width: 90,
      align: "right",
      lineBreak: false,
    });
    doc.text(safe(note), PAGE.margin, y + 11, { width: CONTENT_WIDTH, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** Room left on the page below the cursor. */
export function roomLeft(doc: Doc): number {
  return PAGE.height - PAGE.bottom - doc.y;
}

export function ensureRoom(doc: Doc, height: number) {
  if (roomLeft(doc) < height) doc.addPage();
}

export function heading(doc: Doc, text: string, level: 1 | 2 = 1) {
  ensureRoom(doc, level === 1 ? 80 : 50);
  if (level === 1 && doc.y > PAGE.margin + 5) doc.moveDown(0.8);
  doc
    .font("Helvetica-Bold")
    .fontSize(level === 1 ? 15 : 11.5)
    .fillColor(INK)
    .text(safe(text), PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(level === 1 ? 0.4 : 0.25);
}

export function paragraph(
  doc: Doc,
  text: string,
  options: { muted?: boolean; size?: number } = {},
) {
  doc
    .font("Helvetica")
    .fontSize(options.size ?? 9.5)
    .fillColor(options.muted ? MUTED : INK)
    .text(safe(text), PAGE.margin, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
  doc.moveDown(0.4);
}

export interface TableColumn {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: "left" | "right" | "center";
}

/** A table; rows break across pages and the header repeats. `emphasis` rows are bold. */
export function table(
  doc: Doc,
  columns: TableColumn[],
  rows: string[][],
  options: { emphasis?: (rowIndex: number) => boolean; size?: number } = {},
) {
  const size = options.size ?? 8.5;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * CONTENT_WIDTH);
  const pad = 3;
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(size);
    return (
      Math.max(
        ...cells.map((cell, i) => doc.heightOfString(safe(cell), { width: widths[i]! - 2 * pad })),
      ) +
      2 * pad
    );
  };
  const drawRow = (cells: string[], bold: boolean, fill?: string) => {
    const height = rowHeight(cells, bold);
    const y = doc.y;
    if (fill) doc.rect(PAGE.margin, y, CONTENT_WIDTH, height).fill(fill);
    let x = PAGE.margin;
    doc
      .font(bold ? "Helvetica-Bold" : "Helvetica")
      .fontSize(size)
      .fillColor(INK);
    cells.forEach((cell, i) => {
      doc.text(safe(cell), x + pad, y + pad, {
        width: widths[i]! - 2 * pad,
        align: columns[i]?.align ?? "left",
      });
      x += widths[i]!;
    });
    doc
      .moveTo(PAGE.margin, y + height)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y + height)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + height;
  };
  const header = columns.map((c) => c.header);
  ensureRoom(doc, rowHeight(header, true) + (rows[0] ? rowHeight(rows[0], false) : 0));
  drawRow(header, true, "#ececf2");
  rows.forEach((row, index) => {
    const bold = options.emphasis?.(index) ?? false;
    if (roomLeft(doc) < rowHeight(row, bold)) {
      doc.addPage();
      drawRow(header, true, "#ececf2");
    }
    drawRow(row, bold);
  });
  doc.x = PAGE.margin;
  doc.moveDown(0.6);
}
