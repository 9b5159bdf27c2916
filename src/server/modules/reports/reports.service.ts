/**
 * Reports: the briefing for a coordination meeting (one area: city, kecamatan or kelurahan)
 * and the BNNK formation brief (Jakarta Barat against the other cities of DKI). The service
 * gathers aggregates only, checks the person's scope, audits each generation and hands the
 * data to the PDF and table renderers. The CLI uses the same service with a system viewer.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { inScope } from "../../../domain/access/roles";
import type { RiskClass } from "../../../domain/risk/classes";
import type { RequestContext } from "../../context";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/audit.service";
import { wibText } from "../exports";
import { renderBnnk } from "./bnnk.pdf";
import { renderBriefing } from "./briefing.pdf";
import {
  type ActionRow,
  type AreaInfo,
  activitiesByCity,
  areaLineage,
  type CustodySummary,
  custodySummary,
  dkiCities,
  type FigureRow,
  incidentsByCity,
  incidentsPerMonth,
  type KelurahanShape,
  kelurahanCountByCity,
  kelurahanShapes,
  type LatestClass,
  type LocationMarker,
  latestClasses,
  locatedPlaces,
  officialFigures,
  openActionsIn,
  type ProgrammeRow,
  populationByCity,
  programmesIn,
  rawanByCity,
  rehabClientsByCity,
  rehabClientsPerYear,
} from "./reports.repository";

export interface BriefingData {
  area: AreaInfo;
  lineage: AreaInfo[];
  generatedAt: Date;
  /** Kelurahan drawn on the map: the area's, or for a kelurahan its kecamatan's. */
  mapArea: AreaInfo;
  shapes: KelurahanShape[];
  classes: LatestClass[];
  /** Kelurahan of the report area (the class table). */
  kelurahan: KelurahanShape[];
  markers: LocationMarker[];
  classCounts: Record<RiskClass | "none", number>;
  figures: FigureRow[];
  custody: CustodySummary | null;
  rehab: { year: number; clients: number }[] | null;
  programmes: ProgrammeRow[] | null;
  actions: ActionRow[] | null;
  months: { month: string; incidents: number; arrests: number }[];
}

export interface BnnkRow {
  code: string;
  name: string;
  population: { value: number; period: string; source: string } | null;
  kelurahan: number;
  assessed: number;
  bahaya: number;
  waspada: number;
  incidents: number;
  rehabClients: number | null;
  activities: number | null;
  participants: number | null;
}

export interface BnnkData {
  generatedAt: Date;
  year: number;
  rows: BnnkRow[];
  /** Which registers exist, to say "not recorded in Tanggap" rather than 0. */
  registers: { rehab: boolean; activities: boolean; population: boolean };
}

/** Who a report is for: a person's scope, or the whole province from the command line. */
export interface ReportViewer {
  scope: string;
}

function viewerOf(ctx: RequestContext): ReportViewer {
  return { scope: ctx.user?.scope ?? "31" };
}

function monthsBack(today: string, count: number): string[] {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

export class ReportsService {
  constructor(private readonly db: Kysely<Database>) {}

  /** The area, when it exists and lies in the viewer's scope; 404 otherwise. */
  private async area(viewer: ReportViewer, code: string) {
    const lineage = await areaLineage(this.db, code);
    const area = lineage[0];
    if (!area || area.code !== code || !inScope(viewer.scope, code))
      throw new AppError("AREA_NOT_FOUND", 404, "No such area in your scope.");
    return { area, lineage };
  }

  async briefingData(viewer: ReportViewer, code: string, now = new Date()): Promise<BriefingData> {
    const { area, lineage } = await this.area(viewer, code);
    const ancestors = lineage.slice(1).map((a) => a.code);
    const mapArea = area.level === "kelurahan" ? (lineage[1] ?? area) : area;
    const today = wibText(now).slice(0, 10);
    const months = monthsBack(today, 24);
    const [shapes, classes, markers, figures, custody, rehab, programmes, actions, perMonth] =
      await Promise.all([
        kelurahanShapes(this.db, mapArea.code),
        latestClasses(this.db, mapArea.code),
        locatedPlaces(this.db, mapArea.code),
        officialFigures(this.db, code, ancestors),
        custodySummary(this.db, code, ancestors),
        rehabClientsPerYear(this.db, code),
        programmesIn(this.db, code),
        openActionsIn(this.db, code, today),
        incidentsPerMonth(this.db, code, `${months[0]}-01`, today),
      ]);
    const kelurahan = shapes.filter((s) => inScope(code, s.code));
    const classOf = new Map(classes.map((c) => [c.areaCode, c.class]));
    const classCounts = { bahaya: 0, waspada: 0, siaga: 0, aman: 0, none: 0 };
    for (const k of kelurahan) classCounts[classOf.get(k.code) ?? "none"] += 1;
    return {
      area,
      lineage,
      generatedAt: now,
      mapArea,
      shapes,
      classes,
      kelurahan,
      markers,
      classCounts,
      figures,
      custody,
      rehab,
      programmes,
      actions,
      months: months.map((m) => ({
        month: m,
        ...(perMonth.get(m) ?? { incidents: 0, arrests: 0 }),
      })),
    };
  }

  /** The briefing PDF for an area; the generation is audited. */
  async briefing(ctx: RequestContext, code: string, now = new Date()) {
    const data = await this.briefingData(viewerOf(ctx), code, now);
    const pdf = await renderBriefing(data);
    await this.audit(ctx, "report.briefing", code);
    return { data, pdf };
  }

  async bnnkData(year: number, now = new Date()): Promise<BnnkData> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const [cities, population, rawan, kelurahan, incidents, rehab, activities] = await Promise.all([
      dkiCities(this.db),
      populationByCity(this.db),
      rawanByCity(this.db),
      kelurahanCountByCity(this.db),
      incidentsByCity(this.db, from, to),
      rehabClientsByCity(this.db, from, to),
      activitiesByCity(this.db, from, to),
    ]);
    const rows = cities.map((c): BnnkRow => {
      const r = rawan.get(c.code);
      return {
        code: c.code,
        name: c.name,
        population: population.get(c.code) ?? null,
        kelurahan: kelurahan.get(c.code) ?? 0,
        assessed: r?.assessed ?? 0,
        bahaya: r?.bahaya ?? 0,
        waspada: r?.waspada ?? 0,
        incidents: incidents.get(c.code) ?? 0,
        rehabClients: rehab ? (rehab.get(c.code) ?? 0) : null,
        activities: activities ? (activities.get(c.code)?.activities ?? 0) : null,
        participants: activities ? (activities.get(c.code)?.participants ?? 0) : null,
      };
    });
    return {
      generatedAt: now,
      year,
      rows,
      registers: {
        rehab: rehab !== null,
        activities: activities !== null,
        population: population.size > 0,
      },
    };
  }

  /** The BNNK formation brief as a PDF; audited. */
  async bnnk(ctx: RequestContext, year: number, now = new Date()) {
    const data = await this.bnnkData(year, now);
    const pdf = await renderBnnk(data);
    await this.audit(ctx, "report.bnnk", null);
    return { data, pdf };
  }

  /** The BNNK comparison table (for CSV/XLSX); audited as an export. */
  async bnnkTable(ctx: RequestContext, year: number, format: string) {
    const data = await this.bnnkData(year);
    await this.audit(ctx, "report.export", null, [`format:${format}`]);
    return data;
  }

  private audit(ctx: RequestContext, action: string, area: string | null, fields: string[] = []) {
    return this.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, {
        action,
        resource: "report",
        recordId: area,
        changedFields: fields,
      }),
    );
  }
}

export type { FigureRow };
