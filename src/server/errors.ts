/**
 * One error type with a stable code. Clients translate codes; tests assert codes.
 * Responses never carry stack traces, SQL or personal data.
 */
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

export type ErrorCode =
  | "AREA_LEVEL_UNKNOWN"
  | "AREA_CODE_MALFORMED"
  | "AREA_NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CSRF_INVALID"
  | "INVALID_CREDENTIALS"
  | "ACCOUNT_LOCKED"
  | "PASSWORD_TOO_WEAK"
  | "INVITATION_INVALID"
  | "SCOPE_VIOLATION"
  | "ORGANISATION_NOT_FOUND"
  | "USER_NOT_FOUND"
  | "EMAIL_TAKEN"
  | "NAME_TAKEN"
  | "SELF_DEACTIVATION"
  | "LOCATION_NOT_FOUND"
  | "ROUND_NOT_FOUND"
  | "ASSESSMENT_NOT_FOUND"
  | "INVALID_TRANSITION"
  | "IMPORT_INVALID"
  | "RULES_INVALID"
  | "UNSUPPORTED_FILE"
  | "INCIDENT_NOT_FOUND"
  | "VALIDATION_FAILED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "INTERNAL";

const ERROR_CODES = new Set<string>([
  "AREA_LEVEL_UNKNOWN",
  "PASSWORD_TOO_WEAK",
  "AREA_CODE_MALFORMED",
  "AREA_NOT_FOUND",
  "VALIDATION_FAILED",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "INTERNAL",
]);

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string; details?: unknown };
}

/**
 * Zod issues whose message is itself an error code (e.g. `AREA_LEVEL_UNKNOWN`) give the
 * response its code; any other validation issue is `VALIDATION_FAILED`.
 */
function validationCode(messages: string[]): ErrorCode {
  const coded = messages.find((m) => ERROR_CODES.has(m));
  return (coded as ErrorCode | undefined) ?? "VALIDATION_FAILED";
}

/** Install the error and not-found handlers. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const requestId = String(request.id);
    if (error instanceof AppError) {
      const body: ErrorBody = {
        error: { code: error.code, message: error.message, requestId, details: error.details },
      };
      return reply.status(error.statusCode).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
        problem: v.message ?? "invalid",
      }));
      const code = validationCode(issues.map((i) => i.problem));
      const body: ErrorBody = {
        error: { code, message: "The request is not valid.", requestId, details: issues },
      };
      return reply.status(400).send(body);
    }
    const pgCode = (error as { code?: unknown }).code;
    if (pgCode === "23505") {
      return reply.status(409).send({
        error: { code: "CONFLICT", message: "The record already exists.", requestId },
      } satisfies ErrorBody);
    }
    const status = typeof error.statusCode === "number" ? error.statusCode : 500;
    if (status === 413) {
      return reply.status(413).send({
        error: { code: "PAYLOAD_TOO_LARGE", message: "The request is too large.", requestId },
      } satisfies ErrorBody);
    }
    if (status === 429) {
      return reply.status(429).send({
        error: { code: "RATE_LIMITED", message: "Too many requests.", requestId },
      } satisfies ErrorBody);
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        error: { code: "VALIDATION_FAILED", message: "The request is not valid.", requestId },
      } satisfies ErrorBody);
    }
    request.log.error({ err: { type: error.name, message: error.message } }, "request failed");
    return reply.status(500).send({
      error: { code: "INTERNAL", message: "Something went wrong on the server.", requestId },
    } satisfies ErrorBody);
  });
}
