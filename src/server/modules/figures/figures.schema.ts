import { z } from "zod";
import { ACTIONS } from "../../../domain/access/roles";
import { measureValue, summary } from "../custody/custody.schema";
import { exportQuery } from "../exports";
import { areaCodeField, pageOf, pageQuery } from "../shared.schema";

export const figure = z.object({
  id: z.string(),
  indicator: z.string(),
  indicatorName: z.string(),
  indicatorNameEn: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  periodLabel: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  sourceOrganisation: z.string(),
  citation: z.string(),
  link: z.string().nullable(),
  publishedOn: z.string().nullable(),
  notes: z.string(),
  enteredBy: z.string().nullable(),
  /** How many figures for the same indicator, area and period give another value. */
  disagreeing: z.number().int(),
});

export const computed = z
  .object({
    value: z.number(),
    basis: z.enum(["custody_counts", "incidents", "rehab_registry"]),
    detail: z.string(),
  })
  .nullable();

export const figureListItem = figure.extend({
  computed,
  actions: z.array(z.enum(ACTIONS)),
});
export const figureDetail = figureListItem.extend({ otherSources: z.array(figure) });
export const figurePage = pageOf(figureListItem);

const filter = {
  indicator: z.string().max(40).optional(),
  area: areaCodeField.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(100).optional(),
};
export const figureQuery = z.object({ ...filter, ...pageQuery, ...exportQuery });
export const disagreementQuery = z.object(filter);

const date = z.iso.date();
const httpLink = z
  .string()
  .trim()
  .max(1000)
  .refine((v) => v === "" || /^https?:\/\/\S+$/i.test(v), { error: "LINK_INVALID" });
export const figureInput = z
  .object({
    indicator: z.string().min(1).max(40),
    label: z.string().max(300).optional(),
    value: z.number().finite(),
    unit: z.string().max(40).optional(),
    periodStart: date.nullable().optional(),
    periodEnd: date.nullable().optional(),
    periodLabel: z.string().max(100).optional(),
    areaCode: areaCodeField,
    sourceOrganisation: z.string().trim().min(1).max(300),
    citation: z.string().max(2000).optional(),
    link: httpLink.nullable().optional(),
    publishedOn: date.nullable().optional(),
    notes: z.string().max(4000).optional(),
  })
  .strict();
export const figurePatch = figureInput.partial().strict();

export const disagreements = z.array(
  z.object({
    indicator: z.string(),
    indicatorName: z.string(),
    indicatorNameEn: z.string(),
    areaCode: z.string(),
    areaName: z.string().nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    periodLabel: z.string(),
    values: z.array(z.number()),
    figures: z.array(figure),
  }),
);

export const indicator = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  active: z.boolean(),
});
export const indicatorParam = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/) });
export const indicatorInput = z
  .object({
    name: z.string().trim().min(2).max(200),
    nameEn: z.string().trim().min(2).max(200),
    unit: z.string().trim().max(40).default(""),
    active: z.boolean().default(true),
  })
  .strict();

export const headlineQuery = z.object({ area: areaCodeField.default("31") });
export const headline = z.object({
  area: z.string(),
  custody: z.object({
    fromFigures: z.object({
      capacity: figure.nullable(),
      occupants: figure.nullable(),
      drugOffenders: figure.nullable(),
      occupancyRatio: measureValue,
      overcrowdingExcess: measureValue,
      drugShare: measureValue,
    }),
    fromCounts: summary,
  }),
  rehabClients: z.array(
    z.object({
      periodStart: z.string().nullable(),
      periodEnd: z.string().nullable(),
      periodLabel: z.string(),
      figures: z.array(figure),
    }),
  ),
});
