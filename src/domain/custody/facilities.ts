/**
 * The eight custody facilities of DKI Jakarta (DOMAIN.md section 7), created by default.
 * Their `areaCode` is the area whose custody figures they count towards: the province (31).
 * Lapas and rutan hold people from the whole province, and none lies in Jakarta Barat, so a
 * person scoped to a city still reads the DKI figures (see modules/custody for the rule).
 */
import type { FacilityType } from "./counts";

export interface DefaultFacility {
  name: string;
  type: FacilityType;
  areaCode: string;
}

export const DKI_FACILITIES: readonly DefaultFacility[] = [
  { name: "Lapas Kelas I Cipinang", type: "lapas", areaCode: "31" },
  { name: "Lapas Kelas IIA Salemba", type: "lapas", areaCode: "31" },
  { name: "Lapas Narkotika Kelas IIA Jakarta", type: "lapas", areaCode: "31" },
  { name: "Lapas Perempuan Kelas IIA Jakarta", type: "lapas", areaCode: "31" },
  { name: "Rutan Kelas I Cipinang", type: "rutan", areaCode: "31" },
  { name: "Rutan Kelas I Jakarta Pusat (Salemba)", type: "rutan", areaCode: "31" },
  { name: "Rutan Kelas I Pondok Bambu", type: "rutan", areaCode: "31" },
  { name: "LPKA Kelas II Jakarta", type: "lpka", areaCode: "31" },
];
