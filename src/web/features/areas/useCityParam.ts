import { useCallback, useEffect, useState } from "react";
import { DEFAULT_CITY } from "./areas.api";

const CITY_CODE = /^\d{2}\.\d{2}$/;

function cityFromUrl(): string {
  const value = new URLSearchParams(window.location.search).get("city");
  return value && CITY_CODE.test(value) ? value : DEFAULT_CITY;
}

/**
 * The chosen city, kept in the URL query (`?city=31.73`) so a view can be shared and the back
 * button works. A missing or malformed value means the default city.
 */
export function useCityParam(): [string, (city: string, options?: { replace?: boolean }) => void] {
  const [city, setCity] = useState(cityFromUrl);

  useEffect(() => {
    const onPopState = (): void => setCity(cityFromUrl());
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const chooseCity = useCallback((next: string, options: { replace?: boolean } = {}) => {
    const url = new URL(window.location.href);
    url.searchParams.set("city", next);
    if (options.replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
    setCity(next);
  }, []);

  return [city, chooseCity];
}
