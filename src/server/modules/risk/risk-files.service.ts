/**
 * Files of a round: the import template (CSV, XLSX), the import itself (dry run, then one
 * transaction that commits nothing unless the whole file is valid, idempotent), and exports
 * (CSV, XLSX, GeoJSON).
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { inScope, scopePrefix } from "../../../domain/access/roles";
import {
  AREA_COLUMN,
  EVIDENCE_PREFIX,
  type ImportProblem,
  LOCATION_COLUMN,
  NOTES_COLUMN,
  parseAssessmentRows,
  SOURCE_COLUMN,
  templateHeader,
} from "../../../domain/risk/template";
import type { AuthedContext } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.service";
import { catalogueByVersion } from "./risk.repository";
import { RiskService } from "./risk.service";

export type SheetFormat = "csv" | "xlsx";
type Table = { header: string[]; rows: Record<string, string>[] };

/** Read a CSV (comma or semicolon, optional BOM) or the first sheet of an XLSX file. */
export async function readTable(file: Buffer, format: SheetFormat): Promise<Table> {
  try {
    if (format === "csv") {
      const text = file.toString("utf8").replace(/^\uFEFF/, "");
      const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
      const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
      const records = parse(text, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
      }) as string[][];
      const header = (records[0] ?? []).map((h) => h.trim());
      return {
        header,
        rows: records
          .slice(1)
          .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]))),
      };
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return { header: [], rows: [] };
    const header: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      header[col - 1] = cell.text.trim();
    });
    const rows: Record<string, string>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).text])));
    }
    return { header, rows };
  } catch {
    throw new AppError(
      "UNSUPPORTED_FILE",
      400,
      `The file could not be read as ${format.toUpperCase()}.`,
    );
  }
}

async function writeTable(
  table: { header: string[]; rows: unknown[][] },
  format: SheetFormat,
  sheetName: string,
): Promise<Buffer> {
  if (format === "csv")
    return Buffer.from(`\uFEFF${stringify([table.header, ...table.rows])}`, "utf8");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export class RiskFilesService {
  private readonly risk: RiskService;

  constructor(private readonly db: Kysely<Database>) {
    this.risk = new RiskService(db);
  }

  /** Kelurahan (and their named locations) of a round that the person may assess. */
  private async places(ctx: AuthedContext, roundArea: string) {
    const kelurahan = await this.db
      .selectFrom("areas")
      .select(["code", "name"])
      .where("level", "=", "kelurahan")
      .where("code", "like", scopePrefix(roundArea))
      .orderBy("code")
      .execute();
    const inMine = kelurahan.filter((k) => inScope(ctx.user.scope, k.code));
    const locations = await this.db
      .selectFrom("named_locations")
      .select(["id", "kelurahan_code", "name", "aliases"])
      .where("kelurahan_code", "like", scopePrefix(roundArea))
      .orderBy("name")
      .execute();
    return {
      kelurahan: inMine,
      locations: locations.filter((l) => inScope(ctx.user.scope, l.kelurahan_code)),
    };
  }

  async template(ctx: AuthedContext, roundId: string, format: SheetFormat) {
    const round = await this.risk.loadRound(ctx, roundId);
    const catalogue = await catalogueByVersion(this.db, round.catalogue_version);
    const header = templateHeader(catalogue.indicators);
    const { kelurahan, locations } = await this.places(ctx, round.area_code);
    const blank = (code: string, location: string) =>
      header.map((h) => (h === AREA_COLUMN ? code : h === LOCATION_COLUMN ? location : ""));
    const rows = kelurahan.flatMap((k) => [
      blank(k.code, ""),
      ...locations.filter((l) => l.kelurahan_code === k.code).map((l) => blank(k.code, l.name)),
    ]);
    return writeTable({ header, rows }, format, "Penilaian");
  }

  async import(
    ctx: AuthedContext,
    roundId: string,
    file: Buffer,
    format: SheetFormat,
    dryRun: boolean,
  ) {
    const round = await this.risk.loadRound(ctx, roundId);
    const catalogue = await catalogueByVersion(this.db, round.catalogue_version);
    const table = await readTable(file, format);
    const { kelurahan, locations } = await this.places(ctx, round.area_code);
    const names = new Map<string, Set<string>>();
    const locationIds = new Map<string, string>();
    for (const l of locations) {
      for (const n of [l.name, ...l.aliases]) {
        const set = names.get(l.kelurahan_code) ?? new Set<string>();
        set.add(n.toLowerCase());
        names.set(l.kelurahan_code, set);
        locationIds.set(`${l.kelurahan_code}|${n.toLowerCase()}`, l.id);
      }
    }
    const parsed = parseAssessmentRows(table.header, table.rows, {
      indicators: catalogue.indicators,
      areas: new Set(kelurahan.map((k) => k.code)),
      locations: names,
    });
    const report = {
      valid: parsed.problems.length === 0,
      committed: false,
      rows: parsed.rows.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      problems: parsed.problems as ImportProblem[],
    };
    if (!report.valid) {
      if (dryRun) return report;
      throw new AppError("IMPORT_INVALID", 400, "The file has problems; nothing was imported.", {
        problems: parsed.problems,
      });
    }
    // One transaction for the whole file: a dry run rolls it back, so it counts exactly what a commit would do.
    const rollback = new Error("dry run");
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const row of parsed.rows) {
          const indicators = Object.fromEntries(
            Object.entries(row.present).map(([code, present]) => [
              code,
              { present, evidence: row.evidence[code] ?? "" },
            ]),
          );
          try {
            const saved = await this.risk.saveDraft(
              ctx,
              round,
              {
                areaCode: row.areaCode,
                locationId: row.location
                  ? (locationIds.get(`${row.areaCode}|${row.location.toLowerCase()}`) ?? null)
                  : null,
                indicators,
                surveyItems: {},
                notes: row.notes,
                source: row.source,
              },
              trx,
            );
            if (!saved) report.unchanged += 1;
            else if (saved.created) report.created += 1;
            else report.updated += 1;
          } catch (error) {
            if (error instanceof AppError && error.code === "INVALID_TRANSITION") {
              report.problems.push({ row: row.row, column: AREA_COLUMN, code: "NOT_EDITABLE" });
            } else throw error;
          }
        }
        if (report.problems.length > 0 || dryRun) throw rollback;
        await recordAudit(trx, ctx, {
          action: "assessment_round.import",
          resource: "assessment",
          recordId: roundId,
          changedFields: ["assessments"],
        });
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    report.valid = report.problems.length === 0;
    if (!report.valid && !dryRun)
      throw new AppError("IMPORT_INVALID", 400, "The file has problems; nothing was imported.", {
        problems: report.problems,
      });
    report.committed = report.valid && !dryRun;
    return report;
  }

  async export(ctx: AuthedContext, roundId: string, format: SheetFormat | "geojson") {
    const round = await this.risk.loadRound(ctx, roundId);
    const catalogue = await catalogueByVersion(this.db, round.catalogue_version);
    const codes = catalogue.indicators.filter((i) => !i.retired).map((i) => i.code);
    const rows = await this.risk
      .visibleAssessments(ctx, roundId)
      .orderBy("s.area_code")
      .orderBy("l.name")
      .execute();
    if (format === "geojson") {
      const geometries = await this.db
        .selectFrom("areas")
        .select(["code", "geometry"])
        .where("code", "in", rows.length > 0 ? [...new Set(rows.map((r) => r.area_code))] : [""])
        .execute();
      const byCode = new Map(geometries.map((g) => [g.code, g.geometry]));
      const features = rows
        .filter((r) => r.named_location_id === null)
        .map((r) => ({
          type: "Feature",
          id: r.area_code,
          geometry: byCode.get(r.area_code) ?? null,
          properties: {
            code: r.area_code,
            name: r.area_name,
            kecamatan: r.kecamatan_name,
            round: round.name,
            status: r.status,
            class: r.class,
            pokok: r.pokok,
            pendukung: r.pendukung,
            surveyScore: r.survey_score,
            ruleVersion: r.rule_version,
          },
        }));
      return Buffer.from(JSON.stringify({ type: "FeatureCollection", features }), "utf8");
    }
    const header = [
      AREA_COLUMN,
      "kelurahan",
      "kecamatan",
      LOCATION_COLUMN,
      "status",
      "kelas",
      "pokok",
      "pendukung",
      "skor_survei",
      "versi_aturan",
      ...codes,
      NOTES_COLUMN,
      SOURCE_COLUMN,
      ...codes.map((c) => `${EVIDENCE_PREFIX}${c}`),
    ];
    const body = rows.map((r) => {
      const ind = r.indicators as unknown as Record<string, { present: boolean; evidence: string }>;
      return [
        r.area_code,
        r.area_name,
        r.kecamatan_name ?? "",
        r.location_name ?? "",
        r.status,
        r.class,
        r.pokok ?? "",
        r.pendukung ?? "",
        r.survey_score ?? "",
        r.rule_version,
        ...codes.map((c) => (ind[c] ? (ind[c].present ? "ya" : "tidak") : "")),
        r.notes,
        r.source,
        ...codes.map((c) => ind[c]?.evidence ?? ""),
      ];
    });
    return writeTable({ header, rows: body }, format, round.name);
  }
}
