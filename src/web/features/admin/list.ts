import { useRef } from "react";
import { useSearchParams } from "react-router";
import { type AsyncState, useAsyncData } from "../../hooks/useAsyncData";
import { getJson } from "../../lib/http";

/** One page of a paginated list answer. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const PAGE_SIZE = 50;

/**
 * Filters and page number of a list, kept in the address (`?q=…&page=2`) so a view can be
 * shared and the back button works. Changing a filter goes back to page 1.
 */
export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as Record<
    K,
    string
  >;
  const page = Math.max(1, Math.floor(Number(params.get("page"))) || 1);
  const update = (changes: Partial<Record<K | "page", string>>): void => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes) as [string, string | undefined][]) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!("page" in changes)) next.delete("page");
      return next;
    });
  };
  return { values, page, update };
}

/**
 * Loads a page of a list from `path`. While a new page or a reload is on its way the previous
 * rows stay visible (so focus on a row's button is not lost after saving a record). A request
 * that is overtaken is not aborted (its answer is simply ignored): list reads are audited on
 * the server, and an aborted request would still have been recorded there.
 */
export function usePagedList<T>(path: string): {
  state: AsyncState<Page<T>>;
  data: Page<T> | null;
  retry: () => void;
} {
  const result = useAsyncData(path, () => getJson<Page<T>>(path));
  const last = useRef<Page<T> | null>(null);
  if (result.status === "success") last.current = result.data;
  return {
    state: result,
    data: result.status === "success" ? result.data : last.current,
    retry: result.retry,
  };
}
