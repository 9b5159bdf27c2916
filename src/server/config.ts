/**
 * Server configuration, read from the environment and validated once at start.
 * A bad value stops the process with a message naming the setting (exit code 2).
 */
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    error: "must be one of true, false, 1, 0, yes, no",
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  TANGGAP_DATA_DIR: z.string().min(1, "must not be empty").default("./var/db"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  TRUST_PROXY: booleanFlag.default(false),
  TANGGAP_WEB_ROOT: z.string().min(1).optional(),
  TANGGAP_SESSION_IDLE_MINUTES: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1440, "must be at most 1440")
    .default(30),
  TANGGAP_SESSION_MAX_HOURS: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(168, "must be at most 168")
    .default(12),
  TANGGAP_PUBLIC_MIN_COUNT: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(2, "must be at least 2")
    .max(100, "must be at most 100")
    .default(5),
  // Rehabilitation registry: the key ring for identity fields lives outside the database.
  TANGGAP_KEY_FILE: z.string().min(1, "must not be empty").default("./var/keys/tanggap.keys"),
  TANGGAP_DATA_KEY: z
    .string()
    .regex(
      /^\s*(?:[A-Za-z0-9+/]{43}=|\d+:[A-Za-z0-9+/]{43}=(?:\s*,\s*\d+:[A-Za-z0-9+/]{43}=)*)\s*$/,
      "must be a 32-byte key in base64, or several as <id>:<base64> separated by commas",
    )
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  trustProxy: boolean;
  /** Folder of the built web client; unset means the default `dist/web`. */
  webRoot: string | undefined;
  /** A session ends after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** A session ends this many hours after sign-in, whatever its activity. */
  sessionMaxHours: number;
  /** On the public page, counts from 1 to this minus one show as "<N" (small-cell suppression). */
  publicMinCount: number;
  /** Key file of the rehabilitation registry's field encryption (created 0600 when missing). */
  keyFile: string;
  /** Keys from the environment instead of the key file (base64, or `<id>:<base64>,...`). */
  dataKey: string | undefined;
  /** Demo mode: the sign-in page shows the demo accounts' password. */
  demo?: { password: string; accounts: Array<{ email: string; role: string }> } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Read the configuration from environment variables; throws {@link ConfigError}. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most twelve-factor tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join(".");
      const value =
        key === "DATABASE_URL" || key === "TANGGAP_DATA_KEY"
          ? "(hidden)"
          : JSON.stringify(present[key]);
      return `${key}=${value}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.TANGGAP_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    webRoot: e.TANGGAP_WEB_ROOT,
    sessionIdleMinutes: e.TANGGAP_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.TANGGAP_SESSION_MAX_HOURS,
    publicMinCount: e.TANGGAP_PUBLIC_MIN_COUNT,
    keyFile: e.TANGGAP_KEY_FILE,
    dataKey: e.TANGGAP_DATA_KEY,
  };
}

/** Documented settings, for `--help` and the README. */
export const CONFIG_DOC: ReadonlyArray<[name: string, fallback: string, meaning: string]> = [
  ["PORT", "3000", "HTTP port"],
  ["HOST", "127.0.0.1", "address to listen on (0.0.0.0 for all)"],
  ["DATABASE_URL", "(unset)", "PostgreSQL 15+ URL; unset means embedded PGlite"],
  ["TANGGAP_DATA_DIR", "./var/db", "PGlite data directory"],
  ["LOG_LEVEL", "info", "fatal, error, warn, info, debug, trace or silent"],
  ["TRUST_PROXY", "false", "trust X-Forwarded-* from a reverse proxy"],
  ["TANGGAP_WEB_ROOT", "dist/web", "folder of the built web client"],
  ["TANGGAP_SESSION_IDLE_MINUTES", "30", "sign out after this many idle minutes"],
  ["TANGGAP_SESSION_MAX_HOURS", "12", "sign out this many hours after sign-in"],
  [
    "TANGGAP_PUBLIC_MIN_COUNT",
    "5",
    "public page: smaller counts show as <N, with complements hidden",
  ],
  ["TANGGAP_KEY_FILE", "./var/keys/tanggap.keys", "rehab identity key ring (created 0600)"],
  ["TANGGAP_DATA_KEY", "(unset)", "rehab keys from the environment instead (base64)"],
];
