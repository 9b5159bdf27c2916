/**
 * Keeps the layers honest: `src/domain` is pure and imports nothing of ours outside it, and
 * no I/O, database, server or UI library. Reads the import statements of every file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve("src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...text.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g),
    ...text.matchAll(/import\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/^import\s+["']([^"']+)["']/gm),
  ];
  return specifiers.map((m) => m[1]!);
}

/** Packages domain code may use: small, pure libraries. */
const DOMAIN_PACKAGES = [
  /^flatbush$/,
  /^h3-js$/,
  /^node:crypto$/,
  /^zod$/,
  /^h3-js$/,
  /^@turf\//,
  /^polylabel$/,
  /^flatbush$/,
  /^fast-check$/,
  /^vitest$/,
  /^csv-parse\/sync$/,
];
/** Node built-ins allowed in domain tests only (to read fixtures). */
const TEST_ONLY = [/^node:fs$/];

function violations(layer: string, allowedLayers: string[], allowedPackages: RegExp[]): string[] {
  const root = join(SRC, layer);
  const found: string[] = [];
  for (const file of filesUnder(root)) {
    const isTest = file.endsWith(".test.ts");
    for (const spec of importsOf(file)) {
      if (spec.startsWith(".")) {
        const target = relative(SRC, resolve(file, "..", spec)).split("/")[0]!;
        if (target !== layer && !allowedLayers.includes(target)) {
          found.push(`${relative(SRC, file)} imports ${spec} (layer ${target})`);
        }
      } else if (
        !allowedPackages.some((p) => p.test(spec)) &&
        !(isTest && TEST_ONLY.some((p) => p.test(spec)))
      ) {
        found.push(`${relative(SRC, file)} imports package ${spec}`);
      }
    }
  }
  return found;
}

const ANY_PACKAGE = [/.*/];

describe("layer boundaries", () => {
  it("src/domain imports only itself and small pure libraries", () => {
    expect(violations("domain", [], DOMAIN_PACKAGES)).toEqual([]);
  });

  it("src/db imports only domain", () => {
    expect(violations("db", ["domain"], ANY_PACKAGE)).toEqual([]);
  });

  it("src/server imports only domain and db", () => {
    expect(violations("server", ["domain", "db"], ANY_PACKAGE)).toEqual([]);
  });

  it("src/web imports only domain (never server, db or cli)", () => {
    expect(violations("web", ["domain"], ANY_PACKAGE)).toEqual([]);
  });

  it("the checker itself catches an outward import", () => {
    expect(importsOf(join(SRC, "domain/areas/reference.ts"))).toContain("../spatial/geometry");
    expect(violations("domain", [], []).some((v) => v.includes("imports package"))).toBe(true);
  });
});
