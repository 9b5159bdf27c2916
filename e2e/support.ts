/**
 * End-to-end support: a fresh server on a fresh embedded database, and Debian's Chromium
 * driven by playwright-core. Each journey gets its own server and browser profile.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { PNG } from "pngjs";
import { loadConfig } from "../src/server/config";
import { type RunningServer, startServer } from "../src/server/main";

export interface E2eEnv {
  server: RunningServer;
  context: BrowserContext;
  /** Console errors and failed same-origin requests seen so far. */
  problems: string[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export async function startE2e(options: { demo?: boolean } = {}): Promise<E2eEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), "tanggap-e2e-db-"));
  const profile = mkdtempSync(join(tmpdir(), "tanggap-e2e-profile-"));
  const server = await startServer(
    loadConfig({ PORT: "0", LOG_LEVEL: "warn", TANGGAP_DATA_DIR: dataDir }),
    { seedDemo: options.demo ?? false },
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const problems: string[] = [];
  return {
    server,
    context,
    problems,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      page.on("console", (msg) => {
        if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("requestfailed", (request) => {
        problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`);
      });
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(server.url) && !url.startsWith("blob:") && !url.startsWith("data:")) {
          problems.push(`external request: ${url}`);
        }
      });
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Distinct colours in a PNG (quantised to 4 bits per channel) and the share of the commonest. */
export function colourStats(png: Buffer): { distinct: number; dominantShare: number } {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const key =
      ((image.data[i]! >> 4) << 8) | ((image.data[i + 1]! >> 4) << 4) | (image.data[i + 2]! >> 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = image.data.length / 4;
  return { distinct: counts.size, dominantShare: Math.max(...counts.values()) / total };
}
