import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config";
import { startServer } from "../../src/server/main";
import { freshStorage } from "../db";

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("starting the server", () => {
  it("starts twice on the same storage without duplicating areas or failing", async () => {
    const storage = await freshStorage();
    cleanups.push(storage.cleanup);
    const env = { ...storage.env, PORT: "0", LOG_LEVEL: "silent" };
    const counts: number[] = [];
    for (let run = 0; run < 2; run++) {
      const server = await startServer(loadConfig(env));
      try {
        const health = await fetch(`${server.url}/health`);
        expect(health.status).toBe(200);
        const res = await fetch(
          `${server.url}/api/areas?level=kelurahan&parent=31.73&geometry=false`,
        );
        expect(((await res.json()) as { features: unknown[] }).features).toHaveLength(56);
        const row = await server.database.db
          .selectFrom("areas")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow();
        counts.push(Number(row.n));
      } finally {
        await server.close();
      }
    }
    expect(counts).toEqual([318, 318]);
  });
});
