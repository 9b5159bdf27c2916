/** Error codes the interface has a translation for (`errors.<CODE>` in the catalogues). */
export const KNOWN_ERROR_CODES = [
  "AREA_LEVEL_UNKNOWN",
  "AREA_CODE_MALFORMED",
  "AREA_NOT_FOUND",
  "VALIDATION_FAILED",
  "NOT_FOUND",
  "INTERNAL",
  "NETWORK",
  "BAD_RESPONSE",
  "UNKNOWN",
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

/** A failed API call, carrying the server's stable error code (never its message text). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly requestId?: string,
  ) {
    super(code);
    this.name = "ApiError";
  }
}

/** True for the rejection of a request cancelled through its AbortSignal. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/** The catalogue key describing an error, falling back to a generic message. */
export function errorKey(error: unknown): `errors.${KnownErrorCode}` {
  const code = error instanceof ApiError ? error.code : "UNKNOWN";
  const known = (KNOWN_ERROR_CODES as readonly string[]).includes(code)
    ? (code as KnownErrorCode)
    : "UNKNOWN";
  return `errors.${known}`;
}

interface ErrorBody {
  error?: { code?: unknown; requestId?: unknown };
}

async function readError(response: Response): Promise<ApiError> {
  const fallback = response.status >= 500 ? "INTERNAL" : "UNKNOWN";
  try {
    const body = (await response.json()) as ErrorBody;
    const code = typeof body.error?.code === "string" ? body.error.code : fallback;
    const requestId = typeof body.error?.requestId === "string" ? body.error.requestId : undefined;
    return new ApiError(code, response.status, requestId);
  } catch {
    return new ApiError(fallback, response.status);
  }
}

/**
 * GETs JSON from our own API. Rejects with an {@link ApiError} (`NETWORK` when the server
 * cannot be reached), or with the AbortError when `signal` cancels the request.
 */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      signal: signal ?? null,
      headers: { accept: "application/json" },
      credentials: "same-origin",
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError("NETWORK", 0);
  }
  if (!response.ok) throw await readError(response);
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError("BAD_RESPONSE", response.status);
  }
}
