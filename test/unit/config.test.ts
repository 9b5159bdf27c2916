import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/config";

describe("configuration", () => {
  it("has sensible defaults", () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: "./var/db",
      logLevel: "info",
      trustProxy: false,
      webRoot: undefined,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      publicMinCount: 5,
      keyFile: "./var/keys/tanggap.keys",
      dataKey: undefined,
    });
  });

  it("reads every setting", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgres://u:p@db:5432/tanggap",
      TANGGAP_DATA_DIR: "/srv/tanggap",
      LOG_LEVEL: "warn",
      TRUST_PROXY: "true",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      logLevel: "warn",
      trustProxy: true,
    });
    expect(config.databaseUrl).toBe("postgres://u:p@db:5432/tanggap");
  });

  it("names every bad setting and hides the database URL", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", LOG_LEVEL: "loud", DATABASE_URL: "mysql://u:secret@x/db" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT="eighty": must be a number');
    expect(message).toContain('LOG_LEVEL="loud"');
    expect(message).toContain("DATABASE_URL=(hidden)");
    expect(message).not.toContain("secret");
  });

  it("rejects an out-of-range port", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/between 0 and 65535/);
  });
});
