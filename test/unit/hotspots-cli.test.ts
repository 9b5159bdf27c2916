import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const fixture = JSON.parse(readFileSync("test/fixtures/hotspots/jakarta-barat.json", "utf8"));
const kelurahan = JSON.parse(readFileSync("data/dki-jakarta/kelurahan.geojson", "utf8"));
const byCode = new Map(
  kelurahan.features.map((f: { properties: { code: string } }) => [f.properties.code, f]),
);
const dir = mkdtempSync(join(tmpdir(), "tanggap-hotspots-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const input = write("jb.geojson", {
  type: "FeatureCollection",
  features: (fixture.codes as string[]).map((code, i) => ({
    type: "Feature",
    geometry: (byCode.get(code) as { geometry: unknown }).geometry,
    properties: { code, count: fixture.x[i], note: `keep ${i}` },
  })),
});

function hotspots(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ["bin/tanggap.mjs", "hotspots", ...args], {
    encoding: "utf8",
    input: stdin,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("tanggap hotspots", () => {
  it("writes every feature in input order with its properties plus z, p, pFdr and class", () => {
    const out = join(dir, "out.geojson");
    const r = hotspots([
      "--input",
      input,
      "--value",
      "count",
      "--id",
      "code",
      "--weights",
      "queen",
      "--fdr",
      "0.05",
      "--out",
      out,
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(result.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(
      fixture.codes,
    );
    result.features.forEach((f: { properties: Record<string, number | string> }, i: number) => {
      expect(f.properties.note).toBe(`keep ${i}`);
      expect(Math.abs((f.properties.z as number) - fixture.giStar.queen[i])).toBeLessThan(1e-9);
      expect(Math.abs((f.properties.pFdr as number) - fixture.pBH[i])).toBeLessThan(1e-10);
      expect(typeof f.properties.class).toBe("string");
    });
    expect(
      result.features.some((f: { properties: { class: string } }) =>
        f.properties.class.startsWith("hot"),
      ),
    ).toBe(true);
  });

  it("local Moran adds i and quadrant; standard output by default", () => {
    const r = hotspots(["--input", input, "--value", "count", "--statistic", "local-moran"]);
    expect(r.status).toBe(0);
    const first = JSON.parse(r.stdout).features[0].properties;
    expect(first.z).toBeCloseTo(fixture.localMoran.z[0], 9);
    expect(first.i).toBeCloseTo(fixture.localMoran.i[0], 9);
    expect(first.quadrant).toBe("HH");
  });

  it.each([
    [["--value", "count"], "not JSON", "oops"],
    [["--value", "count"], "not a GeoJSON FeatureCollection", JSON.stringify({ type: "Feature" })],
    [["--value", "missing"], 'has no property "missing"', null],
    [["--value", "note"], "has no numeric value", null],
    [["--value", "count", "--weights", "knn:0"], "knn needs a whole number", null],
    [["--value", "count", "--weights", "hexagons"], 'unknown weights "hexagons"', null],
    [["--value", "count", "--weights", "distance:10"], "no neighbours", null],
  ])("refuses bad input %j with a clear message and exit code 2", (args, message, content) => {
    const path = content === null ? input : write(`bad-${Math.random()}.json`, content);
    const r = hotspots(["--input", path, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
