import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("./src/web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));
const apiTarget = "http://127.0.0.1:3000";

/**
 * Web client build. The output in dist/web is served by the Fastify server under a strict CSP
 * (no inline scripts, no external hosts), so everything is bundled as same-origin files.
 */
export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // Keep the worker (about 500 kB) as a same-origin file, never a data: URL.
    assetsInlineLimit: 0,
    // maplibre-gl alone is about 1 MB minified; the warning would be noise.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    // The dev server serves sources by path (src/web/x.ts is /x.ts), so no folder directly under
    // src/web may be named "api" or "health": the proxy would swallow its files.
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/health": { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/health": { target: apiTarget, changeOrigin: false },
    },
  },
});
