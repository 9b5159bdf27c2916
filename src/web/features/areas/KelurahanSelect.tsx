import { useTranslation } from "react-i18next";
import { codeDepth, isWithin } from "../../../domain/areas/codes";
import { SelectField } from "../../components/FormFields";
import { useAsyncData } from "../../hooks/useAsyncData";
import { getJson } from "../../lib/http";
import { PROVINCE_CODE } from "./areas.api";
import type { AreaCollection, AreaProperties } from "./areas.types";

/** The kelurahan inside an area (the area itself when it is one), without geometry. */
function loadKelurahan(parent: string, signal: AbortSignal): Promise<AreaProperties[]> {
  if (codeDepth(parent) === 4) {
    return getJson<{ properties: AreaProperties }>(`/api/areas/${parent}`, signal).then((area) => [
      area.properties,
    ]);
  }
  return getJson<AreaCollection>(
    `/api/areas?level=kelurahan&parent=${encodeURIComponent(parent)}&geometry=false`,
    signal,
  ).then((collection) =>
    collection.features
      .map((feature) => feature.properties)
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

interface KelurahanSelectProps {
  id: string;
  label: string;
  value: string;
  onValue: (code: string) => void;
  /** Only kelurahan inside this area are offered (default: the province). */
  parent?: string;
  /** And only those inside the person's scope. */
  within?: string | undefined;
  error?: string | null | undefined;
  testId?: string;
  disabled?: boolean;
}

/** A `<select>` of kelurahan by name, with their kecamatan and code. */
export function KelurahanSelect({
  parent = PROVINCE_CODE,
  within,
  ...field
}: KelurahanSelectProps) {
  const { t } = useTranslation();
  const options = useAsyncData(`kelurahan:${parent}`, (signal) => loadKelurahan(parent, signal));
  const list =
    options.status === "success"
      ? options.data.filter((area) => !within || isWithin(area.code, within))
      : [];
  const known = list.some((area) => area.code === field.value);
  return (
    <>
      <SelectField
        {...field}
        disabled={field.disabled || options.status !== "success"}
        aria-busy={options.status === "loading"}
        error={options.status === "error" ? t("areas.loadError") : field.error}
      >
        <option value="">
          {options.status === "loading" ? t("areas.loading") : t("areas.choose")}
        </option>
        {field.value && !known ? <option value={field.value}>{field.value}</option> : null}
        {list.map((area) => (
          <option key={area.code} value={area.code}>
            {t("areas.kelurahanOption", {
              name: area.name,
              parent: area.parentName ?? "",
              code: area.code,
            })}
          </option>
        ))}
      </SelectField>
      {options.status === "error" ? (
        <button type="button" className="link-button" onClick={options.retry}>
          {t("status.retry")}
        </button>
      ) : null}
    </>
  );
}
