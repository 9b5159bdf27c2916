/** HTTP routes of custody: facilities, counts (form, import, export), summary and trends. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.service";
import { datedFilename, type ExportColumn, sendTable } from "../exports";
import { acceptFileBodies } from "../files";
import { errorResponses, uuidParam } from "../shared.schema";
import {
  count,
  countInput,
  countPage,
  countPatch,
  countQuery,
  facility,
  facilityInput,
  facilityPage,
  facilityPatch,
  facilityQuery,
  importQuery,
  importResponse,
  summary,
  summaryQuery,
  trend,
  trendQuery,
} from "./custody.schema";
import { type Count, CustodyService, custodySummary, custodyTrendFor } from "./custody.service";

const tags = ["custody"];
const read = { access: { resource: "custody" as const, action: "read" as const } };
const create = { access: { resource: "custody" as const, action: "create" as const } };
const update = { access: { resource: "custody" as const, action: "update" as const } };

const pct = (m: { percent: number } | null) => (m ? m.percent : null);
/** Export columns: derived values carry their measure in the header. */
const COUNT_COLUMNS: ExportColumn<Count>[] = [
  { key: "facilityName", header: "facility" },
  { key: "countedOn", header: "date", type: "date" },
  { key: "capacity", header: "capacity", type: "number" },
  { key: "occupants", header: "occupants", type: "number" },
  { key: "drugOffenders", header: "drug_offenders", type: "number" },
  { key: "drugUsers", header: "drug_users", type: "number" },
  { key: "drugDealers", header: "drug_dealers", type: "number" },
  {
    key: "occupancyRatio",
    header: "occupancy_ratio_pct (occupants/capacity)",
    type: "number",
    value: (r) => pct(r.occupancyRatio),
  },
  {
    key: "overcrowdingExcess",
    header: "overcrowding_excess_pct ((occupants-capacity)/capacity)",
    type: "number",
    value: (r) => pct(r.overcrowdingExcess),
  },
  {
    key: "drugShare",
    header: "drug_share_pct (drug_offenders/occupants)",
    type: "number",
    value: (r) => pct(r.drugShare),
  },
  { key: "source", header: "source" },
  { key: "notes", header: "notes" },
  { key: "enteredBy", header: "entered_by" },
];

export const custodyRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new CustodyService(app.db);
  acceptFileBodies(app, 10 * 1_048_576);

  app.get(
    "/api/custody/facilities",
    {
      config: read,
      schema: {
        tags,
        querystring: facilityQuery,
        response: { 200: facilityPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { page, pageSize, includeInactive, area, format } = request.query;
      const ctx = authedContextOf(request);
      if (format) {
        const all = await service.facilities(
          ctx,
          { area, includeInactive: includeInactive === "true" },
          1,
          100_000,
        );
        await app.db
          .transaction()
          .execute((trx) =>
            recordAudit(trx, ctx, { action: "custody_facility.export", resource: "custody" }),
          );
        return sendTable(reply, {
          filename: datedFilename("lapas-rutan"),
          format,
          columns: [
            { key: "name", header: "facility" },
            { key: "type", header: "type" },
            { key: "areaCode", header: "area_code" },
            { key: "active", header: "active", type: "boolean" },
            ...COUNT_COLUMNS.slice(1).map((c) => ({
              ...c,
              value: (f: (typeof all.items)[number]) =>
                f.latest ? (c.value ? c.value(f.latest) : f.latest[c.key as keyof Count]) : null,
            })),
          ],
          rows: all.items,
        });
      }
      return service.facilities(
        ctx,
        { area, includeInactive: includeInactive === "true" },
        page,
        pageSize,
      );
    },
  );
  app.get(
    "/api/custody/facilities/:id",
    {
      config: read,
      schema: { tags, params: uuidParam, response: { 200: facility, ...errorResponses } },
    },
    (request) => service.facility(authedContextOf(request), request.params.id),
  );
  app.post(
    "/api/custody/facilities",
    {
      config: create,
      schema: { tags, body: facilityInput, response: { 201: facility, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return service.createFacility(authedContextOf(request), request.body);
    },
  );
  app.patch(
    "/api/custody/facilities/:id",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: facilityPatch,
        response: { 200: facility, ...errorResponses },
      },
    },
    (request) => service.updateFacility(authedContextOf(request), request.params.id, request.body),
  );

  app.get(
    "/api/custody/counts",
    {
      config: read,
      schema: { tags, querystring: countQuery, response: { 200: countPage, ...errorResponses } },
    },
    async (request, reply) => {
      const { page, pageSize, facility: facilityId, format, ...rest } = request.query;
      const ctx = authedContextOf(request);
      const filter = { ...rest, facilityId };
      if (format) {
        const all = await service.counts(ctx, filter, 1, 100_000);
        await app.db
          .transaction()
          .execute((trx) =>
            recordAudit(trx, ctx, { action: "custody_count.export", resource: "custody" }),
          );
        return sendTable(reply, {
          filename: datedFilename("hitungan-penghuni"),
          format,
          columns: COUNT_COLUMNS,
          rows: all.items,
        });
      }
      return service.counts(ctx, filter, page, pageSize);
    },
  );
  app.get(
    "/api/custody/counts/:id",
    {
      config: read,
      schema: { tags, params: uuidParam, response: { 200: count, ...errorResponses } },
    },
    (request) => service.count(authedContextOf(request), request.params.id),
  );
  app.post(
    "/api/custody/counts",
    {
      config: create,
      schema: { tags, body: countInput, response: { 201: count, ...errorResponses } },
    },
    async (request, reply) => {
      reply.status(201);
      return service.createCount(authedContextOf(request), request.body);
    },
  );
  app.patch(
    "/api/custody/counts/:id",
    {
      config: update,
      schema: {
        tags,
        params: uuidParam,
        body: countPatch,
        response: { 200: count, ...errorResponses },
      },
    },
    (request) => service.updateCount(authedContextOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/custody/counts/import",
    {
      config: create,
      bodyLimit: 10 * 1_048_576,
      schema: {
        tags,
        summary: "Dry run (default) or commit a CSV or XLSX of counts; all or nothing",
        querystring: importQuery,
        response: { 200: importResponse, ...errorResponses },
      },
    },
    (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0)
        throw new AppError("UNSUPPORTED_FILE", 400, "Send the file as the request body.");
      return service.importCounts(
        authedContextOf(request),
        request.body,
        request.query.format,
        request.query.dryRun === "true",
      );
    },
  );
  app.get(
    "/api/custody/summary",
    {
      config: read,
      schema: { tags, querystring: summaryQuery, response: { 200: summary, ...errorResponses } },
    },
    (request) =>
      custodySummary(app.db, authedContextOf(request).user.scope, {
        area: request.query.area,
        asOf: request.query.asOf,
      }),
  );
  app.get(
    "/api/custody/trend",
    {
      config: read,
      schema: { tags, querystring: trendQuery, response: { 200: trend, ...errorResponses } },
    },
    (request) =>
      custodyTrendFor(app.db, authedContextOf(request).user.scope, {
        area: request.query.area,
        facilityId: request.query.facility,
        by: request.query.by,
      }),
  );
};
