/** Error codes the interface has a translation for (`errors.<CODE>` in the catalogues). */
export const KNOWN_ERROR_CODES = [
  "AREA_LEVEL_UNKNOWN",
  "AREA_CODE_MALFORMED",
  "AREA_NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CSRF_INVALID",
  "INVALID_CREDENTIALS",
  "ACCOUNT_LOCKED",
  "PASSWORD_TOO_WEAK",
  "INVITATION_INVALID",
  "SCOPE_VIOLATION",
  "ORGANISATION_NOT_FOUND",
  "USER_NOT_FOUND",
  "EMAIL_TAKEN",
  "NAME_TAKEN",
  "SELF_DEACTIVATION",
  "CONFLICT",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  "ROUND_NOT_FOUND",
  "ASSESSMENT_NOT_FOUND",
  "LOCATION_NOT_FOUND",
  "INVALID_TRANSITION",
  "IMPORT_INVALID",
  "RULES_INVALID",
  "UNSUPPORTED_FILE",
  "VALIDATION_FAILED",
  "NOT_FOUND",
  "INTERNAL",
  "NETWORK",
  "BAD_RESPONSE",
  "UNKNOWN",
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

/** Fired on `window` when the server answers UNAUTHENTICATED (the session has ended). */
export const UNAUTHENTICATED_EVENT = "tanggap:unauthenticated";

/** A failed API call, carrying the server's stable error code (never its message text). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly requestId?: string,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = "ApiError";
  }
}

/** True for the rejection of a request cancelled through its AbortSignal. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/** The error's code when it is an {@link ApiError}, otherwise null. */
export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}

/** The catalogue key describing an error, falling back to a generic message. */
export function errorKey(error: unknown): `errors.${KnownErrorCode}` {
  const code = error instanceof ApiError ? error.code : "UNKNOWN";
  const known = (KNOWN_ERROR_CODES as readonly string[]).includes(code)
    ? (code as KnownErrorCode)
    : "UNKNOWN";
  return `errors.${known}`;
}

/** Fields named by a VALIDATION_FAILED answer (`details: [{ field, problem }]`). */
export function invalidFields(error: unknown): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.flatMap((item: unknown) =>
    item && typeof item === "object" && typeof (item as { field?: unknown }).field === "string"
      ? [(item as { field: string }).field]
      : [],
  );
}

/** The problems listed by a PASSWORD_TOO_WEAK answer (`details: { problems: [...] }`). */
export function passwordProblemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== "PASSWORD_TOO_WEAK") return [];
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? problems.filter((p) => typeof p === "string") : [];
}

/** The English problem lines of a RULES_INVALID answer (`details: { problems: [...] }`). */
export function ruleProblemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== "RULES_INVALID") return [];
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? problems.filter((p) => typeof p === "string") : [];
}

interface ErrorBody {
  error?: { code?: unknown; requestId?: unknown; details?: unknown };
}

async function readError(response: Response): Promise<ApiError> {
  const fallback = response.status >= 500 ? "INTERNAL" : "UNKNOWN";
  let error: ApiError;
  try {
    const body = (await response.json()) as ErrorBody;
    const code = typeof body.error?.code === "string" ? body.error.code : fallback;
    const requestId = typeof body.error?.requestId === "string" ? body.error.requestId : undefined;
    error = new ApiError(code, response.status, requestId, body.error?.details);
  } catch {
    error = new ApiError(fallback, response.status);
  }
  if (error.code === "UNAUTHENTICATED") window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
  return error;
}

interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT";
  body?: unknown;
  /** A file sent as it is (instead of JSON), with its content type. */
  file?: { body: Blob; contentType: string };
  csrfToken?: string;
  signal?: AbortSignal | undefined;
}

async function request<T>(path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.file) headers["content-type"] = options.file.contentType;
  else if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.csrfToken) headers["x-csrf-token"] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      signal: options.signal ?? null,
      headers,
      body: options.file
        ? options.file.body
        : options.body === undefined
          ? null
          : JSON.stringify(options.body),
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

/**
 * GETs JSON from our own API. Rejects with an {@link ApiError} (`NETWORK` when the server
 * cannot be reached), or with the AbortError when `signal` cancels the request.
 */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { signal });
}

/**
 * POSTs, PATCHes or PUTs JSON to our own API with the session's CSRF token
 * (`x-csrf-token`, required on every state-changing request). Rejects like {@link getJson}.
 */
export function sendJson<T>(
  method: "POST" | "PATCH" | "PUT",
  path: string,
  body: unknown,
  csrfToken: string,
): Promise<T> {
  return request<T>(path, { method, body: body ?? {}, csrfToken });
}

/**
 * POSTs a file as the raw request body (e.g. a CSV or XLSX import) with its content type and
 * the CSRF token; the answer is JSON. Rejects like {@link getJson}.
 */
export function sendFile<T>(
  path: string,
  file: Blob,
  contentType: string,
  csrfToken: string,
): Promise<T> {
  return request<T>(path, { method: "POST", file: { body: file, contentType }, csrfToken });
}

/** A query string from the non-empty values, e.g. `?q=x&page=2` (empty string when none). */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
