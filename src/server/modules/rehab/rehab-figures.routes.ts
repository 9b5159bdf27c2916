/** HTTP routes of the registry's figures, recaps and CSV/XLSX exports (never identity). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { recordAudit } from "../audit/audit.service";
import { datedFilename, type ExportColumn, sendTable } from "../exports";
import { errorResponses } from "../shared.schema";
import {
  aftercareResult,
  entriesExportQuery,
  entriesQuery,
  entriesResult,
  rangeQuery,
  recapExportQuery,
  recapQuery,
  recapResult,
  tdiExportQuery,
  tdiQuery,
  tdiResult,
  yearlyResult,
} from "./rehab-figures.schema";
import {
  aftercareKpi,
  entriesFigures,
  type RecapRow,
  recap,
  rehabEntriesPerYear,
  tdiTable,
} from "./rehab-figures.service";

export const rehabFiguresRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["rehabilitation figures"];
  const stats = { access: { resource: "rehab_statistics", action: "read" } } as const;
  const statsExport = { access: { resource: "rehab_statistics", action: "export" } } as const;
  // Recaps list clients (by record number) and belong to the facility's own staff.
  const recapAccess = { access: { resource: "rehab_client", action: "read" } } as const;
  const audited = async (
    request: Parameters<typeof authedContextOf>[0],
    action: string,
    fields: string[],
  ) => {
    const ctx = authedContextOf(request);
    await app.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, ctx, { action, resource: "rehab_statistics", changedFields: fields }),
      );
  };

  app.get(
    "/api/rehab/figures/entries",
    {
      config: stats,
      schema: {
        tags,
        querystring: entriesQuery,
        response: { 200: entriesResult, ...errorResponses },
      },
    },
    async (request) =>
      entriesFigures(app.db, { user: authedContextOf(request).user }, request.query),
  );
  app.get(
    "/api/rehab/figures/entries/export",
    { config: statsExport, schema: { tags, querystring: entriesExportQuery } },
    async (request, reply) => {
      const { format, ...q } = request.query;
      const result = await entriesFigures(app.db, { user: authedContextOf(request).user }, q);
      await audited(request, "rehab_statistics.export", [
        `format:${format}`,
        `figure:${q.measure}`,
        `by:${q.by}`,
      ]);
      const columns: ExportColumn<(typeof result.rows)[number]>[] = [
        { key: "period", header: "Periode" },
        { key: "key", header: "Kode" },
        { key: "label", header: "Kategori" },
        {
          key: "count",
          header: q.measure === "entries" ? "Klien masuk" : "Klien dalam perawatan",
          type: "number",
        },
      ];
      return sendTable(reply, {
        filename: datedFilename(`rehab-${q.measure}-${q.period}-${q.by}`),
        columns,
        rows: result.rows,
        format,
        sheetName: "Rehabilitasi",
      });
    },
  );
  app.get(
    "/api/rehab/figures/yearly",
    { config: stats, schema: { tags, response: { 200: yearlyResult, ...errorResponses } } },
    async (request) => {
      const user = authedContextOf(request).user;
      if (user.role === "rehab_clinician") {
        const r = await entriesFigures(
          app.db,
          { user },
          {
            measure: "entries",
            period: "year",
            from: "2015-01-01",
            to: `${new Date().getUTCFullYear()}-12-31`,
            by: "none",
            areaLevel: "city",
          },
        );
        return {
          items: r.buckets
            .filter((b) => b.total > 0)
            .map((b) => ({ year: Number(b.period), clients: b.total })),
        };
      }
      return { items: await rehabEntriesPerYear(app.db, { areaScope: user.scope }) };
    },
  );
  app.get(
    "/api/rehab/figures/aftercare",
    {
      config: stats,
      schema: {
        tags,
        querystring: rangeQuery,
        response: { 200: aftercareResult, ...errorResponses },
      },
    },
    async (request) =>
      aftercareKpi(
        app.db,
        { user: authedContextOf(request).user },
        request.query.from,
        request.query.to,
      ),
  );
  app.get(
    "/api/rehab/figures/tdi",
    {
      config: stats,
      schema: { tags, querystring: tdiQuery, response: { 200: tdiResult, ...errorResponses } },
    },
    async (request) =>
      tdiTable(app.db, { user: authedContextOf(request).user }, request.query.year),
  );
  app.get(
    "/api/rehab/figures/tdi/export",
    { config: statsExport, schema: { tags, querystring: tdiExportQuery } },
    async (request, reply) => {
      const result = await tdiTable(
        app.db,
        { user: authedContextOf(request).user },
        request.query.year,
      );
      await audited(request, "rehab_statistics.export", [
        `format:${request.query.format}`,
        "figure:tdi",
      ]);
      type Row = (typeof result.rows)[number];
      const n = (key: keyof Row, header: string): ExportColumn<Row> => ({
        key,
        header,
        type: "number",
      });
      return sendTable(reply, {
        filename: datedFilename(`rehab-tdi-${request.query.year}`),
        columns: [
          { key: "primarySubstance", header: "Zat utama" },
          n("total", "Jumlah"),
          n("male", "Laki-laki"),
          n("female", "Perempuan"),
          n("under18", "Di bawah 18"),
          n("meanAge", "Rata-rata umur"),
          n("meanAgeFirstUse", "Rata-rata umur pertama pakai"),
          n("neverTreated", "Belum pernah dirawat"),
          n("previouslyTreated", "Pernah dirawat"),
          n("everInjected", "Pernah menyuntik"),
          n("routeInject", "Suntik"),
          n("routeSmokeInhale", "Hisap/hirup"),
          n("routeEatDrink", "Telan/minum"),
          n("routeSniff", "Sniff"),
          n("routeOther", "Lainnya"),
          n("routeUnknown", "Tidak diketahui"),
        ],
        rows: [...result.rows, result.total],
        format: request.query.format,
        sheetName: `TDI ${request.query.year}`,
      });
    },
  );
  app.get(
    "/api/rehab/recap",
    {
      config: recapAccess,
      schema: { tags, querystring: recapQuery, response: { 200: recapResult, ...errorResponses } },
    },
    async (request) =>
      recap(
        app.db,
        { user: authedContextOf(request).user },
        request.query.kind,
        request.query.date,
      ),
  );
  app.get(
    "/api/rehab/recap/export",
    { config: recapAccess, schema: { tags, querystring: recapExportQuery } },
    async (request, reply) => {
      const { kind, date, format } = request.query;
      const result = await recap(app.db, { user: authedContextOf(request).user }, kind, date);
      await audited(request, "rehab_recap.export", [`format:${format}`, `kind:${kind}`]);
      const columns: ExportColumn<RecapRow>[] = [
        { key: "no", header: "No", type: "number" },
        { key: "recordNumber", header: "No. rekam (kode klien)" },
        { key: "sex", header: "Jenis kelamin", value: (r) => (r.sex === "male" ? "L" : "P") },
        { key: "age", header: "Umur", type: "number" },
        {
          key: "substances",
          header: "Zat (cara pakai)",
          value: (r) =>
            r.substances
              .map((s) => (s.route ? `${s.substance} (${s.route})` : s.substance))
              .join("; "),
        },
        { key: "useYears", header: "Lama pakai (tahun)", type: "number" },
        { key: "highestBand", header: "Risiko ASSIST" },
        { key: "previousTreatment", header: "Riwayat terapi" },
        { key: "entryRoute", header: "Jalur masuk" },
        { key: "serviceType", header: "Layanan" },
        { key: "status", header: "Status" },
        { key: "facilityName", header: "Fasilitas" },
        { key: "intakeDate", header: "Tanggal masuk", type: "date" },
      ];
      return sendTable(reply, {
        filename: datedFilename(`rekap-rehabilitasi-${kind}-${result.start}`),
        columns,
        rows: result.rows,
        format,
        sheetName: "Rekap",
      });
    },
  );
};
