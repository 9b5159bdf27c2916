import { useCallback } from "react";
import { useSearchParams } from "react-router";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A round id kept in the address (`?round=<id>`, or `?from=`/`?to=`), so a view can be shared
 * and the back button works. A missing or malformed value is null.
 */
export function useRoundParam(
  name = "round",
): [string | null, (id: string | null, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name);
  const round = value && UUID.test(value) ? value : null;
  const choose = useCallback(
    (id: string | null, options: { replace?: boolean } = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (id) next.set(name, id);
          else next.delete(name);
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams, name],
  );
  return [round, choose];
}
