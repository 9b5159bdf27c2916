import { useTranslation } from "react-i18next";
import { ORGANISATION_TYPES, type OrganisationType } from "../../../domain/access/organisations";
import { isRole } from "../../../domain/access/roles";

/** Translates a role code ("analyst" → "Analis"); an unknown code is shown as it is. */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => (isRole(role) ? t(`roles.${role}`) : role);
}

function isOrganisationType(value: string): value is OrganisationType {
  return (ORGANISATION_TYPES as readonly string[]).includes(value);
}

/** Translates an organisation type ("puskesmas_ipwl" → "Puskesmas IPWL"). */
export function useOrgTypeLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => (isOrganisationType(type) ? t(`orgTypes.${type}`) : type);
}
