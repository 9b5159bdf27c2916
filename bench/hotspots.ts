/**
 * Gi* on H3 cells with k-ring 1 weights, at 100k and 1M cells: Tanggap's `giStar` against
 * R spdep `localG` (the named baseline) on the same values and weights, when Rscript and
 * spdep are installed. Prints times, the ratio, and the largest |z| difference.
 * Run: npx tsx bench/hotspots.ts [sizes...]   (default 100000 1000000)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cellToLatLng, gridDisk, latLngToCell } from "h3-js";
import { seededRandom } from "../src/domain/hotspots/significance";
import { giStar } from "../src/domain/hotspots/statistics";
import { h3RingWeights, neighboursOf } from "../src/domain/hotspots/weights";

const sizes = process.argv.slice(2).map(Number);
const hasR = spawnSync("Rscript", ["-e", "library(spdep)"], { stdio: "ignore" }).status === 0;

/** k such that a disk of radius k has at least `n` cells. */
function diskRadius(n: number): number {
  let k = 0;
  while (3 * k * (k + 1) + 1 < n) k++;
  return k;
}

function synthetic(n: number) {
  const centre = latLngToCell(-6.1505, 106.7598, 12); // Kedaung Kali Angke
  const cells = gridDisk(centre, diskRadius(n)).slice(0, n);
  const random = seededRandom(2025);
  // Counts: background noise plus three hotspots that decay with distance.
  const hot = [cells[0]!, cells[Math.floor(n / 3)]!, cells[Math.floor((2 * n) / 3)]!].map((c) =>
    cellToLatLng(c),
  );
  const values = cells.map((cell) => {
    const [lat, lng] = cellToLatLng(cell);
    const boost = hot.reduce(
      (s, [hl, hg]) => s + 8 * Math.exp(-(((lat - hl) ** 2 + (lng - hg) ** 2) / 2e-5)),
      0,
    );
    return Math.floor(random() * 3 + boost * random());
  });
  return { cells, values };
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

for (const n of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
  console.log(`\nGi* on ${n.toLocaleString("en")} H3 cells (resolution 12), k-ring 1`);
  const { cells, values } = synthetic(n);
  const weights = time(() => h3RingWeights(cells, 1));
  console.log(`  weights (gridDisk per cell)                 ${weights.ms.toFixed(0)} ms`);
  giStar(values, weights.value); // warm-up
  const runs = [0, 1, 2].map(() => time(() => giStar(values, weights.value)));
  const ours = Math.min(...runs.map((r) => r.ms));
  console.log(`  Tanggap giStar (best of 3)                  ${ours.toFixed(1)} ms`);
  if (!hasR) {
    console.log("  R spdep not installed: no baseline (apt-get install r-cran-spdep)");
    continue;
  }
  const dir = mkdtempSync(join(tmpdir(), "tanggap-bench-"));
  try {
    const lines: string[] = [];
    for (let i = 0; i < n; i++)
      lines.push(Array.from(neighboursOf(weights.value, i), (j) => j + 1).join(" "));
    writeFileSync(join(dir, "nb.txt"), `${lines.join("\n")}\n`);
    writeFileSync(join(dir, "x.txt"), `${values.join("\n")}\n`);
    const script = `
      suppressPackageStartupMessages(library(spdep))
      x <- scan("${dir}/x.txt", quiet = TRUE)
      nb <- lapply(strsplit(readLines("${dir}/nb.txt"), " ", fixed = TRUE), as.integer)
      class(nb) <- "nb"; attr(nb, "region.id") <- as.character(seq_along(nb))
      lw <- nb2listw(include.self(nb), style = "B")
      t <- system.time(z <- localG(x, lw))[["elapsed"]]
      writeLines(format(as.numeric(z), digits = 17), "${dir}/z.txt")
      cat(t * 1000)`;
    const rMs = Number(
      execFileSync("Rscript", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 26 }).trim(),
    );
    const rz = readFileSync(join(dir, "z.txt"), "utf8").trim().split("\n").map(Number);
    const z = runs[0]!.value;
    let maxDiff = 0;
    for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(z[i]! - rz[i]!));
    console.log(`  R spdep localG (baseline)                   ${rMs.toFixed(1)} ms`);
    console.log(`  ratio R / Tanggap                           ${(rMs / ours).toFixed(1)}x faster`);
    console.log(`  largest |z - z_R|                           ${maxDiff.toExponential(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
