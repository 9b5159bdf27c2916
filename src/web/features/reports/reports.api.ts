import { ApiError, queryString } from "../../lib/http";

/** Fetch a generated file (PDF, CSV, XLSX) and hand it to the browser as a download. */
export async function downloadFile(
  path: string,
  params: Record<string, string | number | undefined>,
  fallbackName: string,
  signal?: AbortSignal,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${path}${queryString(params)}`, {
      credentials: "same-origin",
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("NETWORK", 0);
  }
  if (!response.ok) {
    let code = response.status >= 500 ? "INTERNAL" : "UNKNOWN";
    try {
      const body = (await response.json()) as { error?: { code?: unknown } };
      if (typeof body.error?.code === "string") code = body.error.code;
    } catch {
      // not JSON: keep the fallback code
    }
    throw new ApiError(code, response.status);
  }
  const blob = await response.blob();
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
