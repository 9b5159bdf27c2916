import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { DEFAULT_CITY } from "./areas.api";

const CITY_CODE = /^\d{2}\.\d{2}$/;

/**
 * The chosen city, kept in the URL query (`?city=31.73`) so a view can be shared and the back
 * button works. A missing or malformed value means the default city.
 */
export function useCityParam(): [string, (city: string, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get("city");
  const city = value && CITY_CODE.test(value) ? value : DEFAULT_CITY;

  const chooseCity = useCallback(
    (next: string, options: { replace?: boolean } = {}) => {
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          updated.set("city", next);
          return updated;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  return [city, chooseCity];
}
