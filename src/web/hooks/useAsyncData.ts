import { useCallback, useEffect, useRef, useState } from "react";
import { isAbortError } from "../lib/http";

/** The state of one asynchronous load. */
export type AsyncState<T> =
  | { status: "loading" }
  | { status: "success"; data: T }
  | { status: "error"; error: unknown };

interface Settled<T> {
  key: string;
  attempt: number;
  state: AsyncState<T>;
}

/**
 * Loads data for `key` (null: wait) and reloads when the key changes or `retry` is called.
 * The previous request is aborted; a result is only shown for the key and attempt it belongs
 * to, so a slow answer for an old key can never appear as the current one.
 */
export function useAsyncData<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): AsyncState<T> & { retry: () => void } {
  const loadRef = useRef(load);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setSettled({ key, attempt, state: { status: "success", data } });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) {
          setSettled({ key, attempt, state: { status: "error", error } });
        }
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current =
    settled && settled.key === key && settled.attempt === attempt
      ? settled.state
      : ({ status: "loading" } as const);
  return { ...current, retry };
}
