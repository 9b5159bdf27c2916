import { getJson, queryString, sendJson } from "../../lib/http";

export interface Figure {
  id: string;
  indicator: string;
  indicatorName: string;
  indicatorNameEn: string;
  label: string;
  value: number;
  unit: string;
  periodStart: string | null;
  periodEnd: string | null;
  periodLabel: string;
  areaCode: string;
  areaName: string | null;
  sourceOrganisation: string;
  citation: string;
  link: string | null;
  publishedOn: string | null;
  notes: string;
  enteredBy: string | null;
  disagreeing: number;
}
export interface Computed {
  value: number;
  basis: "custody_counts" | "incidents" | "rehab_registry";
  detail: string;
}
export interface FigureItem extends Figure {
  computed: Computed | null;
  actions: string[];
}
export interface FigurePage {
  items: FigureItem[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Indicator {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  active: boolean;
}
export interface Disagreement {
  indicator: string;
  indicatorName: string;
  indicatorNameEn: string;
  areaCode: string;
  areaName: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  periodLabel: string;
  values: number[];
  figures: Figure[];
}
export interface Filters {
  indicator: string;
  area: string;
  from: string;
  to: string;
}
export const NO_FILTERS: Filters = { indicator: "", area: "", from: "", to: "" };

export const fetchIndicators = (signal: AbortSignal) =>
  getJson<Indicator[]>("/api/figures/indicators", signal);
const AREA_CODE = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
/** The filters as query values; a half-typed area code is left out until it is complete. */
export function filterParams(f: Filters) {
  return { ...f, area: AREA_CODE.test(f.area) ? f.area : undefined };
}
export const fetchFigures = (f: Filters, page: number, pageSize: number, signal: AbortSignal) =>
  getJson<FigurePage>(`/api/figures${queryString({ ...filterParams(f), page, pageSize })}`, signal);
export const fetchDisagreements = (f: Filters, signal: AbortSignal) =>
  getJson<Disagreement[]>(`/api/figures/disagreements${queryString(filterParams(f))}`, signal);

export interface FigureForm {
  indicator: string;
  label: string;
  value: string;
  unit: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  areaCode: string;
  sourceOrganisation: string;
  citation: string;
  link: string;
  publishedOn: string;
  notes: string;
}

/** The form's text as the API's body: numbers parsed (Indonesian or English separators). */
export function toBody(f: FigureForm) {
  const raw = f.value.trim().replace(/\s/g, "");
  const value = /^\d{1,3}([.,]\d{3})+$/.test(raw)
    ? Number(raw.replace(/[.,]/g, ""))
    : Number(raw.replace(",", "."));
  return {
    indicator: f.indicator,
    label: f.label,
    value,
    unit: f.unit,
    periodStart: f.periodStart || null,
    periodEnd: f.periodEnd || null,
    periodLabel: f.periodLabel,
    areaCode: f.areaCode,
    sourceOrganisation: f.sourceOrganisation,
    citation: f.citation,
    link: f.link.trim() || null,
    publishedOn: f.publishedOn || null,
    notes: f.notes,
  };
}

export const saveFigure = (id: string | null, f: FigureForm, csrf: string) =>
  id
    ? sendJson<FigureItem>("PATCH", `/api/figures/${id}`, toBody(f), csrf)
    : sendJson<FigureItem>("POST", "/api/figures", toBody(f), csrf);
