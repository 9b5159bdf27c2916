import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/FormFields";
import { useAsyncData } from "../../hooks/useAsyncData";
import { fetchFacilities } from "./rehab.api";

/** The facilities the person may register at or read figures of (the server decides). */
export function useFacilities() {
  return useAsyncData("rehab-facilities", (signal) =>
    fetchFacilities(signal).then((list) =>
      [...list.items].sort((a, b) => a.name.localeCompare(b.name)),
    ),
  );
}

interface FacilitySelectProps {
  id: string;
  label: string;
  value: string;
  onValue: (id: string) => void;
  error?: string | null | undefined;
  testId?: string;
  /** Offer an "all facilities" first option instead of "choose". */
  allOption?: boolean;
}

export function FacilitySelect({ allOption = false, ...field }: FacilitySelectProps) {
  const { t } = useTranslation();
  const facilities = useFacilities();
  const list = facilities.status === "success" ? facilities.data : [];
  return (
    <SelectField
      {...field}
      disabled={facilities.status !== "success"}
      aria-busy={facilities.status === "loading"}
      error={facilities.status === "error" ? t("rehab.facilityLoadError") : field.error}
    >
      <option value="">
        {facilities.status === "loading"
          ? t("rehab.loading")
          : allOption
            ? t("rehab.allFacilities")
            : t("rehab.chooseFacility")}
      </option>
      {list.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}
