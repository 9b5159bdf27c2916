/**
 * `tanggap hotspots`: hotspot statistics on any GeoJSON file, no database needed. Writes
 * every input feature, in order, with its properties plus z, p, pFdr and class (and i and
 * quadrant for local Moran). Bad input: a clear message and exit code 2.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import {
  analyseHotspots,
  HotspotInputError,
  parseWeightsSpec,
  type Statistic,
} from "../domain/hotspots/analyse";

interface Options {
  input: string;
  value: string;
  id?: string;
  weights: string;
  statistic: Statistic;
  permutations?: string;
  seed?: string;
  fdr?: string;
  out?: string;
}

type Feature = {
  type: "Feature";
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
  id?: unknown;
};

function readCollection(path: string): Feature[] {
  let text: string;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch {
    throw new HotspotInputError(`cannot read ${path}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HotspotInputError(`${path} is not JSON`);
  }
  const collection = data as { type?: unknown; features?: unknown };
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    throw new HotspotInputError(`${path} is not a GeoJSON FeatureCollection`);
  }
  return collection.features as Feature[];
}

function statistic(value: string): Statistic {
  if (value === "gistar" || value === "gi" || value === "local-moran") return value;
  throw new InvalidArgumentError("must be gistar, gi or local-moran");
}

export function registerHotspotsCommand(program: Command): void {
  program
    .command("hotspots")
    .description(
      "hotspot statistics (Gi*, Gi, local Moran's I) on a GeoJSON file; no database needed",
    )
    .requiredOption("--input <file>", "GeoJSON FeatureCollection (- for standard input)")
    .requiredOption("--value <property>", "numeric property to analyse")
    .option("--id <property>", "property with the feature id (the H3 cell for h3:K weights)")
    .option("--weights <spec>", "queen | rook | knn:K | distance:METRES | h3:K", "queen")
    .option("--statistic <name>", "gistar | gi | local-moran", statistic, "gistar")
    .option("--permutations <n>", "conditional permutation p-values (gistar)")
    .option("--seed <s>", "seed of the permutations", "1")
    .option("--fdr <alpha>", "Benjamini-Hochberg adjustment; classes by adjusted p up to alpha")
    .option("--out <file>", "output file, - for standard output", "-")
    .action((opts: Options) => {
      try {
        const features = readCollection(opts.input);
        const numberOption = (
          value: string | undefined,
          name: string,
          check: (n: number) => boolean,
        ) => {
          if (value === undefined) return undefined;
          const n = Number(value);
          if (!check(n)) throw new HotspotInputError(`--${name} ${value} is not valid`);
          return n;
        };
        const results = analyseHotspots(
          features.map((f, i) => {
            if (!f || typeof f !== "object")
              throw new HotspotInputError(`feature ${i + 1} is not a GeoJSON feature`);
            const props = f.properties ?? {};
            if (!(opts.value in props))
              throw new HotspotInputError(`feature ${i + 1} has no property "${opts.value}"`);
            return {
              geometry: f.geometry,
              value: props[opts.value],
              id: opts.id ? props[opts.id] : f.id,
            };
          }),
          {
            weights: parseWeightsSpec(opts.weights),
            statistic: opts.statistic,
            permutations: numberOption(
              opts.permutations,
              "permutations",
              (n) => Number.isInteger(n) && n >= 1 && n <= 99_999,
            ),
            seed: numberOption(opts.seed, "seed", Number.isInteger),
            fdr: numberOption(opts.fdr, "fdr", (n) => n > 0 && n < 1),
          },
        );
        const output = {
          type: "FeatureCollection",
          features: features.map((f, i) => ({
            ...f,
            properties: { ...(f.properties ?? {}), ...results[i] },
          })),
        };
        const text = `${JSON.stringify(output)}\n`;
        if (!opts.out || opts.out === "-") process.stdout.write(text);
        else writeFileSync(opts.out, text);
      } catch (error) {
        if (error instanceof HotspotInputError || error instanceof RangeError) {
          console.error(`tanggap hotspots: ${error.message}`);
          process.exit(2);
        }
        throw error;
      }
    });
}
