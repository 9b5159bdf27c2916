/** Kinds of organisation at the P4GN table. */
export const ORGANISATION_TYPES = [
  "bnn",
  "city",
  "kecamatan_office",
  "kelurahan_office",
  "police",
  "health_office",
  "puskesmas_ipwl",
  "rehab_facility",
  "social_office",
  "correctional",
  "community_organisation",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
