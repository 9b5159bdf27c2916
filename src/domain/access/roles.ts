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
  // Act: meetings with their input items and follow-up actions, programmes, activities.
  "meeting",
  "follow_up",
  "programme",
  "activity",
  "activity_type",
  // Treat: the confidential rehabilitation registry. Identity is its own resource so that
  // seeing a name or NIK is a separate, audited permission; statistics never carry identity.
  "rehab_client",
  "rehab_identity",
  "rehab_break_glass",
  "rehab_statistics",
  // Know: custody counts, the official figures register, dashboards and reports.
  "custody",
  "official_figure",
  "dashboard",
  "report",
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = [
  "read",
  "create",
  "update",
  "deactivate",
  "verify",
  "publish",
  "export",
  "erase",
] as const;
export type Action = (typeof ACTIONS)[number];

type PermissionTable = Record<Role, Partial<Record<Resource, readonly Action[]>>>;

/**
 * Who may do what. A missing resource means no access at all. Scope (an area code per
 * person) then narrows every allowed action to records inside that area.
 */
export const PERMISSIONS: PermissionTable = {
  // Administrators run the system; they do not read clinical records (UU 27/2022: least
  // privilege). They see rehabilitation statistics only, like everyone who reads dashboards.
  administrator: {
    organisation: ["read", "create", "update"],
    user: ["read", "create", "update", "deactivate"],
    audit_event: ["read", "verify"],
    named_location: ["read", "create", "update"],
    assessment: ["read", "create", "update", "verify", "publish"],
    risk_config: ["read", "update"],
    incident: ["read", "create", "update"],
    meeting: ["read", "create", "update"],
    follow_up: ["read", "create", "update"],
    programme: ["read", "create", "update"],
    activity: ["read", "create", "update"],
    activity_type: ["read", "update"],
    rehab_statistics: ["read", "export"],
    custody: ["read", "create", "update"],
    official_figure: ["read", "create", "update"],
    dashboard: ["read"],
    report: ["read", "export"],
  },
  // BNNP analysts supervise the assessments: they verify and publish.
  analyst: {
    organisation: ["read"],
    named_location: ["read", "create", "update"],
    assessment: ["read", "create", "update", "verify", "publish"],
    risk_config: ["read"],
    incident: ["read", "create", "update"],
    meeting: ["read", "create", "update"],
    follow_up: ["read", "create", "update"],
    programme: ["read"],
    activity: ["read"],
    activity_type: ["read"],
    rehab_statistics: ["read", "export"],
    custody: ["read"],
    official_figure: ["read", "create", "update"],
    dashboard: ["read"],
    report: ["read", "export"],
  },
  // Plans and runs programmes and their activities in scope; keeps the activity catalogue.
  programme_officer: {
    organisation: ["read"],
    named_location: ["read"],
    assessment: ["read"],
    risk_config: ["read"],
    incident: ["read"],
    meeting: ["read", "create", "update"],
    follow_up: ["read", "create", "update"],
    programme: ["read", "create", "update"],
    activity: ["read", "create", "update"],
    activity_type: ["read", "update"],
    official_figure: ["read"],
    dashboard: ["read"],
    report: ["read", "export"],
  },
  // Drafts assessments and records named locations and activities in their own kelurahan.
  kelurahan_officer: {
    organisation: ["read"],
    named_location: ["read", "create", "update"],
    assessment: ["read", "create", "update"],
    risk_config: ["read"],
    incident: ["read"],
    meeting: ["read"],
    follow_up: ["read", "update"],
    programme: ["read"],
    activity: ["read", "create", "update"],
    activity_type: ["read"],
    dashboard: ["read"],
  },
  // Clinicians see the clients of their own facility (organisation), not an area.
  rehab_clinician: {
    organisation: ["read"],
    named_location: ["read"],
    assessment: ["read"],
    rehab_client: ["read", "create", "update"],
    rehab_identity: ["read"],
    rehab_statistics: ["read", "export"],
  },
  // Supervisors see the clients of facilities in their area scope, answer data-subject
  // requests, and may break the glass (time-limited, reviewed) outside it.
  rehab_supervisor: {
    organisation: ["read"],
    named_location: ["read"],
    assessment: ["read"],
    rehab_client: ["read", "create", "update", "export", "erase"],
    rehab_identity: ["read"],
    // update = review another supervisor's break-the-glass grant (never one's own).
    rehab_break_glass: ["create", "read", "update"],
    rehab_statistics: ["read", "export"],
    dashboard: ["read"],
  },
  correctional_liaison: {
    organisation: ["read"],
    named_location: ["read"],
    assessment: ["read"],
    custody: ["read", "create", "update"],
    official_figure: ["read"],
    dashboard: ["read"],
  },
  viewer: {
    organisation: ["read"],
    named_location: ["read"],
    assessment: ["read"],
    incident: ["read"],
    meeting: ["read"],
    follow_up: ["read"],
    programme: ["read"],
    activity: ["read"],
    activity_type: ["read"],
    rehab_statistics: ["read"],
    custody: ["read"],
    official_figure: ["read"],
    dashboard: ["read"],
    report: ["read"],
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
