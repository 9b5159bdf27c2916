import { z } from "zod";
import { ORGANISATION_TYPES } from "../../../domain/access/organisations";
import { ACTIONS } from "../../../domain/access/roles";
import { areaCodeField, pageOf, pageQuery } from "../shared.schema";

export const organisationType = z.enum(ORGANISATION_TYPES);

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  type: organisationType,
  areaCode: z.string(),
  areaName: z.string().nullable(),
  active: z.boolean(),
  /** What the caller may do with this record. */
  actions: z.array(z.enum(ACTIONS)),
});
export type Organisation = z.infer<typeof organisation>;

export const listOrganisationsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: organisationType.optional(),
  ...pageQuery,
});

export const createOrganisationBody = z.object({
  name: z.string().trim().min(2).max(200),
  type: organisationType,
  areaCode: areaCodeField,
});

export const updateOrganisationBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    type: organisationType,
    areaCode: areaCodeField,
    active: z.boolean(),
  })
  .partial();

export const organisationPage = pageOf(organisation);
