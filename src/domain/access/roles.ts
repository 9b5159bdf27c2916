/**
 * Roles, resources and actions, and the declarative table that says which role may do what.
 * The server decides with {@link can} and {@link inScope}; the client only hides what the
 * server would refuse.
 */
import { isWithin } from "../areas/codes";

export const ROLES = [
  "administrator",
  "analyst",
  "programme_officer",
  "kelurahan_officer",
  "rehab_clinician",
  "rehab_supervisor",
  "correctional_liaison",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

export const RESOURCES = [
  "organisation",
  "user",
  "audit_event",
  "named_location",
  "assessment",
  "risk_config",
  "incident",
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ["read", "create", "update", "deactivate", "verify", "publish"] as const;
export type Action = (typeof ACTIONS)[number];

type PermissionTable = Record<Role, Partial<Record<Resource, readonly Action[]>>>;

/**
 * Who may do what. A missing resource means no access at all. Scope (an area code per
 * person) then narrows every allowed action to records inside that area.
 */
export const PERMISSIONS: PermissionTable = {
  administrator: {
    organisation: ["read", "create", "update"],
    user: ["read", "create", "update", "deactivate"],
    audit_event: ["read", "verify"],
    named_location: ["read", "create", "update"],
    assessment: ["read", "create", "update", "verify", "publish"],
    risk_config: ["read", "update"],
    incident: ["read", "create", "update"],
  },
  // BNNP analysts supervise the assessments: they verify and publish.
  analyst: {
    organisation: ["read"],
    named_location: ["read", "create", "update"],
    assessment: ["read", "create", "update", "verify", "publish"],
    risk_config: ["read"],
    incident: ["read", "create", "update"],
  },
  programme_officer: {
    organisation: ["read"],
    named_location: ["read"],
    assessment: ["read"],
    risk_config: ["read"],
    incident: ["read"],
  },
  // Drafts assessments and records named locations in their own kelurahan (their scope).
  kelurahan_officer: {
    organisation: ["read"],
    named_location: ["read", "create", "update"],
    assessment: ["read", "create", "update"],
    risk_config: ["read"],
    incident: ["read"],
  },
  rehab_clinician: { organisation: ["read"], named_location: ["read"], assessment: ["read"] },
  rehab_supervisor: { organisation: ["read"], named_location: ["read"], assessment: ["read"] },
  correctional_liaison: { organisation: ["read"], named_location: ["read"], assessment: ["read"] },
  viewer: {
    organisation: ["read"],
    named_location: ["read"],
    assessment: ["read"],
    incident: ["read"],
  },
};

/** Roles that see drafts and verified assessments; everyone else sees published ones only. */
export function seesUnpublished(role: Role): boolean {
  return can(role, "update", "assessment");
}

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when the role may perform the action on the resource (before scope). */
export function can(role: Role, action: Action, resource: Resource): boolean {
  return PERMISSIONS[role][resource]?.includes(action) ?? false;
}

/** Actions a role may perform on a resource. */
export function allowedActions(role: Role, resource: Resource): Action[] {
  return [...(PERMISSIONS[role][resource] ?? [])];
}

/** True when a record located in `recordArea` lies inside the person's `scope`. */
export function inScope(scope: string, recordArea: string): boolean {
  return isWithin(recordArea, scope);
}

/**
 * Set-based scope check: of the records given as (id, area) pairs, the ids the person may
 * see. Services filter in SQL with {@link scopePrefix}; this is for records already loaded.
 */
export function permittedIds<T>(
  scope: string,
  records: ReadonlyArray<{ id: T; area: string }>,
): T[] {
  return records.filter((r) => inScope(scope, r.area)).map((r) => r.id);
}

/** The SQL `LIKE` pattern for descendants of a scope; match `= scope` or `LIKE pattern`. */
export function scopePrefix(scope: string): string {
  return `${scope}.%`;
}
