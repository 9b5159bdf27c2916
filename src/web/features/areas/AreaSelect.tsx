import { useTranslation } from "react-i18next";
import { isWithin } from "../../../domain/areas/codes";
import { SelectField } from "../../components/FormFields";
import { useAsyncData } from "../../hooks/useAsyncData";
import { getJson } from "../../lib/http";
import { PROVINCE_CODE } from "./areas.api";
import type { AreaCollection, AreaProperties } from "./areas.types";

type Group = "cities" | "kecamatan" | "kelurahan";

let cache: Promise<Record<Group, AreaProperties[]>> | null = null;

/** Cities, kecamatan and kelurahan of the province without geometry, loaded once per page. */
function loadAreaOptions(): Promise<Record<Group, AreaProperties[]>> {
  if (!cache) {
    const list = (query: string) =>
      getJson<AreaCollection>(`/api/areas?${query}parent=${PROVINCE_CODE}&geometry=false`).then(
        (collection) =>
          collection.features
            .map((feature) => feature.properties)
            .sort((a, b) => a.code.localeCompare(b.code)),
      );
    cache = Promise.all([list(""), list("level=kecamatan&"), list("level=kelurahan&")]).then(
      ([cities, kecamatan, kelurahan]) => ({ cities, kecamatan, kelurahan }),
    );
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

interface AreaSelectProps {
  id: string;
  label: string;
  value: string;
  onValue: (code: string) => void;
  /** Only areas inside this code are offered (the signed-in person's scope). */
  within?: string;
  error?: string | null | undefined;
  hint?: string;
  testId?: string;
}

/** A `<select>` of the province, its cities, kecamatan and kelurahan, grouped by level. */
export function AreaSelect({ within, value, ...field }: AreaSelectProps) {
  const { t } = useTranslation();
  const options = useAsyncData("area-options", () => loadAreaOptions());
  const inside = (code: string) => !within || isWithin(code, within);
  const groups =
    options.status === "success"
      ? (["cities", "kecamatan", "kelurahan"] as const).map((group) => ({
          group,
          areas: options.data[group].filter((area) => inside(area.code)),
        }))
      : [];
  const known =
    value === PROVINCE_CODE || groups.some((g) => g.areas.some((area) => area.code === value));
  const label = (area: AreaProperties, group: Group): string =>
    group === "kelurahan" && area.parentName
      ? t("areas.kelurahanOption", { name: area.name, parent: area.parentName, code: area.code })
      : t("areas.option", { name: area.name, code: area.code });
  return (
    <>
      <SelectField
        {...field}
        value={value}
        disabled={options.status !== "success"}
        aria-busy={options.status === "loading"}
        error={options.status === "error" ? t("areas.loadError") : field.error}
      >
        <option value="">
          {options.status === "loading" ? t("areas.loading") : t("areas.choose")}
        </option>
        {value && !known ? <option value={value}>{value}</option> : null}
        {inside(PROVINCE_CODE) ? (
          <optgroup label={t("areas.province")}>
            <option value={PROVINCE_CODE}>
              {t("areas.option", { name: t("areas.provinceName"), code: PROVINCE_CODE })}
            </option>
          </optgroup>
        ) : null}
        {groups
          .filter((g) => g.areas.length > 0)
          .map(({ group, areas }) => (
            <optgroup key={group} label={t(`areas.${group}`)}>
              {areas.map((area) => (
                <option key={area.code} value={area.code}>
                  {label(area, group)}
                </option>
              ))}
            </optgroup>
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
