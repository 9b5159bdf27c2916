#!/usr/bin/env node
// Checks the web client's translation catalogues (plain Node, no dependencies):
// - every key of src/web/i18n/id.json (the source) exists in en.json and the other way round;
// - no value is empty or anything other than a string;
// - both languages use the same {{placeholders}} for a key;
// - every literal key in a t("...") / t('...') call under src/web is in id.json.
// Exits 1 listing every problem, or prints one OK line and exits 0.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const webDir = join(root, "src", "web");
const catalogueDir = join(webDir, "i18n");
const LANGUAGES = ["id", "en"];
// Plural and context forms that i18next resolves from a base key.
const PLURAL_SUFFIXES = ["_zero", "_one", "_two", "_few", "_many", "_other"];

/** Flattens nested objects to dotted keys; leaves keep their raw value. */
function flatten(value, prefix = "", out = new Map()) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

function placeholders(text) {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
}

/**
 * A language's catalogue: `<language>.json` plus every part file `<language>.<part>.json`
 * (one per product part, each under its own top-level keys, merged by src/web/i18n/index.ts).
 */
function readCatalogue(language, problems) {
  const files = readdirSync(catalogueDir)
    .filter((name) => name === `${language}.json` || /^[a-z]+\.[a-z-]+\.json$/.test(name))
    .filter((name) => name.startsWith(`${language}.`))
    .sort();
  const merged = new Map();
  const owner = new Map();
  for (const name of files) {
    const file = join(catalogueDir, name);
    let parsed;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      problems.push(`${relative(root, file)}: cannot be read as JSON (${error.message})`);
      continue;
    }
    for (const top of Object.keys(parsed)) {
      if (owner.has(top)) {
        problems.push(`${name}: top-level key "${top}" is also in ${owner.get(top)}`);
      }
      owner.set(top, name);
    }
    for (const [key, value] of flatten(parsed)) merged.set(key, value);
  }
  return merged;
}

/** Literal keys passed to t() in the web sources, with the first place each is used. */
function usedKeys() {
  const keys = new Map();
  const call = /(?<![\w$])t\(\s*(["'])([^"'\\\n]+)\1/g;
  const files = readdirSync(webDir, { recursive: true, encoding: "utf8" }).filter(
    (name) => /\.(ts|tsx)$/.test(name) && !name.includes("node_modules"),
  );
  for (const name of files.sort()) {
    const text = readFileSync(join(webDir, name), "utf8");
    for (const match of text.matchAll(call)) {
      const line = text.slice(0, match.index).split("\n").length;
      if (!keys.has(match[2])) keys.set(match[2], `src/web/${name}:${line}`);
    }
  }
  return keys;
}

function hasKey(catalogue, key) {
  return catalogue.has(key) || PLURAL_SUFFIXES.some((suffix) => catalogue.has(key + suffix));
}

const problems = [];
const catalogues = Object.fromEntries(LANGUAGES.map((l) => [l, readCatalogue(l, problems)]));

for (const language of LANGUAGES) {
  for (const other of LANGUAGES) {
    if (other === language) continue;
    for (const key of catalogues[language].keys()) {
      if (!catalogues[other].has(key)) problems.push(`${other}.json: missing key "${key}"`);
    }
  }
  for (const [key, value] of catalogues[language]) {
    if (typeof value !== "string") {
      problems.push(`${language}.json: "${key}" is not a string`);
    } else if (value.trim() === "") {
      problems.push(`${language}.json: "${key}" is empty`);
    }
  }
}

const [source, ...targets] = LANGUAGES;
for (const [key, value] of catalogues[source]) {
  for (const target of targets) {
    const other = catalogues[target].get(key);
    if (typeof value !== "string" || typeof other !== "string") continue;
    const expected = placeholders(value).join(",");
    const actual = placeholders(other).join(",");
    if (expected !== actual) {
      problems.push(
        `${target}.json: "${key}" uses placeholders [${actual}] but ${source}.json has [${expected}]`,
      );
    }
  }
}

const used = usedKeys();
for (const [key, where] of used) {
  if (!hasKey(catalogues[source], key)) {
    problems.push(`${where}: t("${key}") is not in ${source}.json`);
  }
}

if (problems.length > 0) {
  console.error(
    `i18n check failed (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
  );
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}

console.log(
  `i18n OK: ${catalogues[source].size} keys in ${LANGUAGES.join(" and ")}, ${used.size} literal keys used in src/web`,
);
