import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * After a client-side navigation to another path, moves focus to the new page's `<h1>` (or its
 * `<main>`) and scrolls to the top, so keyboard and screen-reader users land on the new content.
 * The first page load and changes of the query string alone (the map's city) are left alone.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    const target =
      document.querySelector<HTMLElement>("main h1[tabindex]") ??
      document.querySelector<HTMLElement>("main[tabindex]");
    target?.focus({ preventScroll: true });
  }, [pathname]);

  return null;
}
