/** The executive dashboard's API client; the types mirror the server's schema. */
import type { RiskClass } from "../../../domain/risk/classes";
import { getJson, queryString } from "../../lib/http";

export interface Provenance {
  link: string;
  resource: string;
  source: string;
}

export interface SourcedNumber extends Provenance {
  value: number | null;
}

export interface OfficialFigure {
  value: number;
  unit: string;
  periodStart: string | null;
  periodEnd: string | null;
  periodLabel: string;
  source: string;
  citation: string;
  url: string | null;
  publishedOn: string | null;
}

export interface Dashboard {
  city: string;
  cityName: string;
  risk: Provenance & {
    roundName: string | null;
    periodEnd: string | null;
    kelurahan: number;
    counts: Record<RiskClass | "unassessed", number>;
    areas: Array<{ areaCode: string; areaName: string; class: RiskClass }>;
  };
  incidents: Provenance & {
    from: string;
    to: string;
    months: Array<{ month: string; count: number }>;
    total: number;
  };
  rehabilitation: Provenance & {
    recordsAvailable: boolean;
    years: Array<{
      period: string;
      periodStart: string | null;
      periodEnd: string | null;
      records: number | null;
      official: OfficialFigure[];
    }>;
  };
  custody: Provenance & {
    available: boolean;
    area: string;
    capacity: SourcedNumber;
    occupants: SourcedNumber;
    drugOffenders: SourcedNumber;
    occupancyRatio: SourcedNumber;
    overcrowdingExcess: SourcedNumber;
    drugShare: SourcedNumber;
    periodEnd: string | null;
    fromCounts: {
      asOf: string;
      facilities: number;
      reporting: number;
      capacity: number;
      occupants: number;
      occupancyRatio: number | null;
      drugShare: number | null;
      sources: string[];
    } | null;
    trend: Array<{ period: string; occupancyRatio: number | null }>;
  };
  programmes: Provenance & {
    byStatus: Record<"planned" | "active" | "completed" | "cancelled", number>;
    riskyAreas: number;
    uncoveredAreas: Array<{ areaCode: string; areaName: string | null; class: string | null }>;
    activityShare: number | null;
    from: string;
    to: string;
  };
}

export function fetchDashboard(city: string, signal?: AbortSignal): Promise<Dashboard> {
  return getJson(`/api/dashboard${queryString({ city })}`, signal);
}
