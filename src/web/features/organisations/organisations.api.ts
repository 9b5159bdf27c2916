import type { OrganisationType } from "../../../domain/access/organisations";
import type { Action } from "../../../domain/access/roles";
import { sendJson } from "../../lib/http";

/** An organisation as `GET /api/organisations` returns it. */
export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  areaCode: string;
  areaName: string | null;
  active: boolean;
  /** What the signed-in person may do with this record. */
  actions: Action[];
}

export interface OrganisationInput {
  name: string;
  type: OrganisationType;
  areaCode: string;
  active?: boolean;
}

export function createOrganisation(
  csrfToken: string,
  input: Omit<OrganisationInput, "active">,
): Promise<Organisation> {
  return sendJson("POST", "/api/organisations", input, csrfToken);
}

export function updateOrganisation(
  csrfToken: string,
  id: string,
  changes: Partial<OrganisationInput>,
): Promise<Organisation> {
  return sendJson("PATCH", `/api/organisations/${encodeURIComponent(id)}`, changes, csrfToken);
}
