/** The public page's API (no sign-in): aggregates only, small counts already suppressed. */
import type { RiskClass } from "../../../domain/risk/classes";
import { getJson, queryString } from "../../lib/http";

/** A published count: the number, "<5" (small) or "suppressed" (a complement). */
export type PublicCount = number | string;

export interface PublicTable {
  threshold: number;
  small: string;
  suppressed: string;
  columns: string[];
  rows: Array<{ areaCode: string; areaName: string; cells: PublicCount[]; total: PublicCount }>;
  columnTotals: PublicCount[];
  grandTotal: PublicCount;
  withheld: boolean;
}

export interface PublicClasses {
  city: string;
  areas: Array<{
    areaCode: string;
    areaName: string;
    class: RiskClass;
    roundName: string;
    periodEnd: string;
  }>;
}

export interface PublicIncidents {
  city: string;
  year: number;
  years: number[];
  table: PublicTable;
}

export interface PublicActivities extends PublicIncidents {
  available: boolean;
}

export interface PublicFigure {
  indicator: string;
  value: number;
  unit: string;
  periodStart: string;
  periodEnd: string;
  areaCode: string;
  source: string;
  citation: string;
  publishedOn: string | null;
}

export interface PublicFigures {
  rehabilitation: {
    recorded: {
      threshold: number;
      small: string;
      suppressed: string;
      points: Array<{ year: number; count: PublicCount }>;
      total: PublicCount;
    } | null;
    official: PublicFigure[];
  };
  custody: {
    latest: {
      countedOn: string;
      capacity: PublicCount;
      occupants: PublicCount;
      drugOffences: PublicCount;
      occupancyRatio: number | null;
      overcrowdingExcess: number | null;
      drugShare: number | null;
    } | null;
    official: PublicFigure[];
  };
}

export function fetchPublicClasses(city: string, signal?: AbortSignal): Promise<PublicClasses> {
  return getJson(`/api/public/classes${queryString({ city })}`, signal);
}

export function fetchPublicIncidents(
  city: string,
  year: number | null,
  signal?: AbortSignal,
): Promise<PublicIncidents> {
  return getJson(`/api/public/incidents${queryString({ city, year })}`, signal);
}

export function fetchPublicActivities(
  city: string,
  year: number | null,
  signal?: AbortSignal,
): Promise<PublicActivities> {
  return getJson(`/api/public/activities${queryString({ city, year })}`, signal);
}

export function fetchPublicFigures(signal?: AbortSignal): Promise<PublicFigures> {
  return getJson("/api/public/figures", signal);
}
