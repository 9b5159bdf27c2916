/** The shared CSV/XLSX export helper: files parse back to the same values, headers are safe. */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import {
  attachment,
  type ExportColumn,
  exportFormat,
  safeFilename,
  sendTable,
  tableCsv,
  tableXlsx,
} from "../../src/server/modules/exports";

interface Row {
  name: string;
  count: number | string | null;
  day: string | null;
  at: Date | null;
  active: boolean;
  tags: string[];
}

const columns: ExportColumn<Row>[] = [
  { key: "name", header: "Nama" },
  { key: "count", header: "Jumlah", type: "number" },
  { key: "day", header: "Tanggal", type: "date" },
  { key: "at", header: "Dibuat", type: "datetime" },
  { key: "active", header: "Aktif", type: "boolean" },
  { key: "tags", header: "Label", value: (r) => r.tags },
];

const rows: Row[] = [
  {
    name: 'Kelurahan Kedaung Kali Angke, "Kompleks Permata"',
    count: 12,
    day: "2026-11-29",
    at: new Date("2026-11-29T10:05:00Z"),
    active: true,
    tags: ["Bahaya", "rawan"],
  },
  {
    name: "Pal Merah — Kota Bambu Selatan\nbaris kedua",
    count: "1551",
    day: null,
    at: null,
    active: false,
    tags: [],
  },
  { name: '=HYPERLINK("x")', count: 3.5, day: "2025-05-31", at: null, active: true, tags: [] },
];

describe("tableCsv", () => {
  const csv = tableCsv(columns, rows);

  it("starts with a UTF-8 byte-order mark and uses CRLF", () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8");
    expect(text.startsWith("\uFEFFNama,Jumlah,Tanggal,Dibuat,Aktif,Label\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("parses back to the same values, with quotes, commas, newlines and non-ASCII text", () => {
    const records = parse(csv.toString("utf8"), { bom: true }) as string[][];
    expect(records).toEqual([
      ["Nama", "Jumlah", "Tanggal", "Dibuat", "Aktif", "Label"],
      [
        'Kelurahan Kedaung Kali Angke, "Kompleks Permata"',
        "12",
        "2026-11-29",
        "2026-11-29T17:05:00+07:00",
        "ya",
        "Bahaya; rawan",
      ],
      ["Pal Merah — Kota Bambu Selatan\nbaris kedua", "1551", "", "", "tidak", ""],
      ['\'=HYPERLINK("x")', "3.5", "2025-05-31", "", "ya", ""],
    ]);
  });
});

describe("tableXlsx", () => {
  it("has a bold frozen header, widths, numbers as numbers and dates as dates", async () => {
    const buffer = await tableXlsx(columns, rows, "Lokasi/rawan: [DKI]");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.name).toBe("Lokasi rawan   DKI ");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Nama",
      "Jumlah",
      "Tanggal",
      "Dibuat",
      "Aktif",
      "Label",
    ]);
    expect(sheet.rowCount).toBe(4);

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Kelurahan Kedaung Kali Angke, "Kompleks Permata"');
    expect(first.getCell(2).value).toBe(12);
    expect(first.getCell(3).value).toEqual(new Date("2026-11-29T00:00:00Z"));
    expect(first.getCell(3).numFmt).toBe("yyyy-mm-dd");
    // 10:05 UTC is 17:05 WIB: the sheet shows Jakarta's wall clock.
    expect(first.getCell(4).value).toEqual(new Date("2026-11-29T17:05:00Z"));
    expect(first.getCell(5).value).toBe(true);
    expect(first.getCell(6).value).toBe("Bahaya; rawan");

    const second = sheet.getRow(3);
    expect(second.getCell(1).value).toBe("Pal Merah — Kota Bambu Selatan\nbaris kedua");
    expect(second.getCell(2).value).toBe(1551); // numeric text becomes a number
    expect(second.getCell(3).value).toBeNull();
    expect(second.getCell(5).value).toBe(false);
    // XLSX stores text as text: no formula is created, and no apostrophe is needed.
    expect(sheet.getRow(4).getCell(1).value).toBe('=HYPERLINK("x")');
    expect(sheet.getRow(4).getCell(2).value).toBe(3.5);

    const width = sheet.getColumn(1).width ?? 0;
    expect(width).toBeGreaterThan(40);
    expect(width).toBeLessThanOrEqual(60);
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(6);
  });

  it("writes an empty table as a header row only", async () => {
    const buffer = await tableXlsx(columns, []);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(1);
    expect(tableCsv(columns, []).toString("utf8")).toBe(
      "\uFEFFNama,Jumlah,Tanggal,Dibuat,Aktif,Label\r\n",
    );
  });
});

describe("suppressed small counts", () => {
  it('keep a "<5" marker in a number column as text, numbers stay numbers', async () => {
    const cols: ExportColumn<{ n: number | string }>[] = [
      { key: "n", header: "n", type: "number" },
    ];
    const rows = [{ n: "<5" }, { n: 12 }];
    expect(tableCsv(cols, rows).toString("utf8")).toBe("\uFEFFn\r\n<5\r\n12\r\n");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableXlsx(cols, rows)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe("<5");
    expect(sheet.getRow(3).getCell(1).value).toBe(12);
  });
});

describe("file names", () => {
  it("keeps only safe characters and adds the extension once", () => {
    expect(safeFilename("Kelurahan Palmerah 2026-11", "csv")).toBe(
      "Kelurahan-Palmerah-2026-11.csv",
    );
    expect(safeFilename("../../etc/passwd", "xlsx")).toBe("etc-passwd.xlsx");
    expect(safeFilename('a"b\r\nc;d', "csv")).toBe("a-b-c-d.csv");
    expect(safeFilename("Café Sélatan.CSV", "csv")).toBe("Cafe-Selatan.csv");
    expect(safeFilename("", "pdf")).toBe("export.pdf");
    expect(safeFilename("x".repeat(300), "csv")).toHaveLength(104);
    expect(attachment("a b.csv")).toBe(
      "attachment; filename=\"a b.csv\"; filename*=UTF-8''a%20b.csv",
    );
  });

  it("accepts only csv and xlsx as a format", () => {
    expect(exportFormat.safeParse("csv").success).toBe(true);
    expect(exportFormat.safeParse("xlsx").success).toBe(true);
    expect(exportFormat.safeParse("pdf").success).toBe(false);
  });
});

describe("sendTable", () => {
  it("answers a download with its content type and a safe disposition", async () => {
    const app = Fastify();
    app.get<{ Querystring: { format: "csv" | "xlsx" } }>("/t", (request, reply) =>
      sendTable(reply, {
        filename: "Daftar organisasi/Jakarta Barat",
        columns,
        rows,
        format: request.query.format,
      }),
    );
    const csv = await app.inject({ url: "/t?format=csv" });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(
      "attachment; filename=\"Daftar-organisasi-Jakarta-Barat.csv\"; filename*=UTF-8''Daftar-organisasi-Jakarta-Barat.csv",
    );
    expect(csv.rawPayload.subarray(0, 3).toString("hex")).toBe("efbbbf");
    const xlsx = await app.inject({ url: "/t?format=xlsx" });
    expect(xlsx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(3).getCell(2).value).toBe(1551);
    await app.close();
  });
});
