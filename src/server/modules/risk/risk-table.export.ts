/**
 * CSV/XLSX download of the risk table (`/rawan/tabel`): every kelurahan of a city with the
 * class the risk map shows (latest published, or of one round) and the counts behind it. A
 * round's full classifications (every assessment) stay at /api/risk/rounds/:id/export.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { scopePrefix } from "../../../domain/access/roles";
import { RISK_CLASSES } from "../../../domain/risk/classes";
import { authedContextOf } from "../../context";
import {
  auditedExport,
  datedFilename,
  type ExportColumn,
  exportFormat,
  sendTable,
} from "../exports";
import { areaCodeField, errorResponses } from "../shared.schema";
import { RiskViewsService } from "./risk-views.service";

interface Row {
  code: string;
  name: string;
  kecamatan: string;
  riskClass: string | null;
  roundName: string | null;
  periodEnd: string | null;
  pokok: number | null;
  pendukung: number | null;
  surveyScore: number | null;
}

const COLUMNS: ExportColumn<Row>[] = [
  { key: "code", header: "Kode kelurahan" },
  { key: "name", header: "Kelurahan" },
  { key: "kecamatan", header: "Kecamatan" },
  { key: "riskClass", header: "Kelas" },
  { key: "roundName", header: "Putaran" },
  { key: "periodEnd", header: "Akhir periode", type: "date" },
  { key: "pokok", header: "Indikator pokok", type: "number" },
  { key: "pendukung", header: "Indikator pendukung", type: "number" },
  { key: "surveyScore", header: "Skor survei", type: "number" },
];

const CLASS_WORDS = Object.fromEntries(
  RISK_CLASSES.map((c) => [c, c.charAt(0).toUpperCase() + c.slice(1)]),
);

export const riskTableExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/risk/table/export",
    {
      config: { access: { resource: "assessment", action: "read" } },
      schema: {
        tags: ["risk"],
        summary: "Download the risk table of a city (latest published classes, or one round's)",
        querystring: z.object({
          city: areaCodeField.default("31.73"),
          round: z.uuid().optional(),
          format: exportFormat,
        }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const ctx = authedContextOf(request);
      const { city, round, format } = request.query;
      const rows = await auditedExport(
        app.db,
        ctx,
        { resource: "assessment", format, filters: { city, round } },
        async (trx) => {
          const map = await new RiskViewsService(trx).map(ctx, city, round);
          const kelurahan = await trx
            .selectFrom("areas as a")
            .leftJoin("areas as p", "p.code", "a.parent_code")
            .select(["a.code", "a.name", "p.name as kecamatan"])
            .where("a.level", "=", "kelurahan")
            .where("a.code", "like", scopePrefix(city))
            .orderBy("a.code")
            .execute();
          const roundIds = [...new Set(map.areas.map((a) => a.roundId))];
          const counts =
            roundIds.length === 0
              ? []
              : await trx
                  .selectFrom("assessments")
                  .select(["round_id", "area_code", "pokok", "pendukung", "survey_score"])
                  .where("round_id", "in", roundIds)
                  .where("status", "=", "published")
                  .where("named_location_id", "is", null)
                  .execute();
          const countOf = new Map(counts.map((c) => [`${c.round_id}|${c.area_code}`, c]));
          const classOf = new Map(map.areas.map((a) => [a.areaCode, a]));
          return kelurahan.map((k): Row => {
            const entry = classOf.get(k.code);
            const count = entry ? countOf.get(`${entry.roundId}|${k.code}`) : undefined;
            return {
              code: k.code,
              name: k.name,
              kecamatan: k.kecamatan ?? "",
              riskClass: entry ? (CLASS_WORDS[entry.class] ?? entry.class) : null,
              roundName: entry?.roundName ?? null,
              periodEnd: entry?.periodEnd ?? null,
              pokok: count?.pokok ?? null,
              pendukung: count?.pendukung ?? null,
              surveyScore: count?.survey_score ?? null,
            };
          });
        },
      );
      return sendTable(reply, {
        filename: datedFilename(`tabel-rawan-${city}`),
        sheetName: "Tabel rawan",
        columns: COLUMNS,
        rows,
        format,
      });
    },
  );
};
