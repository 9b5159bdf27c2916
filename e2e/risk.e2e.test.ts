import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RISK_CLASSES, type RiskClass } from "../src/domain/risk/classes";
import { RISK_COLOURS } from "../src/domain/risk/colours";
import { presentFor } from "../test/risk-fixtures";
import { type E2eEnv, startE2e } from "./support";

const SHOTS = "test-results/screenshots";
let env: E2eEnv;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await startE2e({ demo: true });
});
afterAll(async () => {
  await env?.close();
});

const hex = (colour: string) => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
const wantedFor = (i: number): RiskClass => RISK_CLASSES[i % 4]!;

/** Fill the downloaded template: every kelurahan row gets the indicators of its wanted class. */
function fillTemplate(template: string): { csv: string; wanted: Map<string, RiskClass> } {
  const [headerLine, ...lines] = template
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const header = headerLine!.split(",");
  const wanted = new Map<string, RiskClass>();
  const rows = lines
    .map((l) => l.split(","))
    .filter((cells) => cells[1] === "") // the kelurahan rows, not named locations
    .map((cells, i) => {
      const code = cells[0]!;
      const riskClass = wantedFor(i);
      wanted.set(code, riskClass);
      const present = new Set(presentFor(riskClass));
      return header
        .map((h, k) => {
          if (k === 0) return code;
          if (/^[PD]\d$/.test(h)) return present.has(h) ? "ya" : "tidak";
          if (h === "sumber") return "FGD e2e";
          return "";
        })
        .join(",");
    });
  return { csv: `${header.join(",")}\n${rows.join("\n")}\n`, wanted };
}

describe("a full assessment round on the map", () => {
  it("is imported from the template, verified, published and shown with the right colours and legend", async () => {
    const page = await env.newPage({ width: 1280, height: 900 });
    // Signing in with `next` lands on the rounds page directly (no half-loaded public map).
    await page.goto(`${env.server.url}/masuk?next=/rawan/putaran`);
    await page.locator("[data-testid=demo-account][data-role=analyst]").click();
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("round-create").click();
    await page.getByTestId("round-name").fill("E2E 2026 semester 1");
    await page.getByTestId("round-area").selectOption("31.73");
    await page.getByTestId("round-start").fill("2026-01-01");
    await page.getByTestId("round-end").fill("2026-06-30");
    await page.getByTestId("round-save").click();
    const row = page.locator("[data-testid=round-row][data-name='E2E 2026 semester 1']");
    await row.waitFor();
    const roundId = await row.getAttribute("data-id");
    expect(roundId).toBeTruthy();

    // Download the template, fill it, import it with a dry run first.
    await page.goto(`${env.server.url}/rawan/putaran/${roundId}`);
    await page.getByTestId("import-panel").waitFor();
    const template = await page.evaluate(
      async (id) => (await fetch(`/api/risk/rounds/${id}/template?format=csv`)).text(),
      roundId,
    );
    const { csv, wanted } = fillTemplate(template);
    expect(wanted.size).toBe(56);
    const file = join(mkdtempSync(join(tmpdir(), "tanggap-e2e-")), "penilaian.csv");
    writeFileSync(file, csv);
    await page.getByTestId("import-file").setInputFiles(file);
    await page.getByTestId("import-dryrun").click();
    const report = page.getByTestId("import-report");
    await expect.poll(() => report.getAttribute("data-valid")).toBe("true");
    await page.getByTestId("import-commit").click();
    await page.getByTestId("import-result").waitFor();
    await expect
      .poll(() => page.locator("[data-testid=assessment-row][data-status=draft]").count())
      .toBe(56);

    // Verify and publish.
    await page.getByTestId("round-verify-all").click();
    await page.getByTestId("confirm-yes").click();
    await expect
      .poll(() => page.locator("[data-testid=assessment-row][data-status=verified]").count())
      .toBe(56);
    await page.getByTestId("round-publish").click();
    await page.getByTestId("confirm-yes").click();
    await expect
      .poll(() => page.locator("[data-testid=assessment-row][data-status=published]").count())
      .toBe(56);

    // The map of this round: counts per class, the legend's words, and the fill colours.
    await page.goto(`${env.server.url}/rawan?round=${roundId}`);
    const map = page.getByTestId("risk-map");
    await map.and(page.locator("[data-ready='true']")).waitFor({ timeout: 60_000 });
    expect(JSON.parse((await map.getAttribute("data-rendered-classes")) ?? "{}")).toEqual({
      bahaya: 14,
      waspada: 14,
      siaga: 14,
      aman: 14,
    });
    const legend = page.getByTestId("risk-legend");
    for (const riskClass of RISK_CLASSES) {
      const item = legend.locator(`[data-testid=legend-item][data-class=${riskClass}]`);
      expect(await item.textContent()).toContain(riskClass[0]!.toUpperCase() + riskClass.slice(1));
      expect(await item.textContent()).toContain("14");
    }
    await page.screenshot({ path: `${SHOTS}/risk-map.png` });

    const samples = [...wanted.entries()].filter((_, i) => i % 5 === 0);
    const centres = new Map<string, { x: number; y: number }>();
    for (const [code] of samples) {
      const box = await page.locator(`[data-testid=area-label][data-code='${code}']`).boundingBox();
      if (box) centres.set(code, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    }
    await page.addStyleTag({
      content: ".maplibregl-marker, .maplibregl-popup { visibility: hidden !important; }",
    });
    await page.waitForTimeout(300);
    const canvas = page.locator("[data-testid=risk-map] canvas.maplibregl-canvas");
    const canvasBox = (await canvas.boundingBox())!;
    const image = PNG.sync.read(await canvas.screenshot());
    const scale = image.width / canvasBox.width;
    let checked = 0;
    for (const [code, riskClass] of samples) {
      const c = centres.get(code);
      if (!c) continue;
      const px = Math.round((c.x - canvasBox.x) * scale);
      const py = Math.round((c.y - canvasBox.y) * scale);
      if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
      const k = (py * image.width + px) * 4;
      const actual = [image.data[k]!, image.data[k + 1]!, image.data[k + 2]!];
      const expected = hex(RISK_COLOURS[riskClass]);
      expect(
        Math.max(...actual.map((v, j) => Math.abs(v - expected[j]!))),
        `${code} ${riskClass}: ${actual}`,
      ).toBeLessThanOrEqual(8);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    expect(env.problems).toEqual([]);
    await page.close();
  });
});
