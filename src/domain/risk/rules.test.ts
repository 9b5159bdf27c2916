import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classChange, RISK_CLASSES, severity } from "./classes";
import { DEFAULT_INDICATORS } from "./indicators";
import {
  classifyByIndicators,
  classifyBySurvey,
  countIndicators,
  DEFAULT_INDICATOR_RULES,
  DEFAULT_SURVEY_RULES,
  ruleProblems,
  surveyScore,
} from "./rules";

const rules = DEFAULT_INDICATOR_RULES;

describe("BNN's published Bahaya rule", () => {
  it.each([
    [5, 4, "bahaya"],
    [8, 5, "bahaya"],
    [6, 4, "bahaya"],
    [4, 5, "waspada"],
    [5, 3, "waspada"],
    [4, 4, "waspada"],
  ])("%i pokok and %i pendukung is %s", (pokok, pendukung, expected) => {
    expect(classifyByIndicators({ pokok, pendukung }, rules)).toBe(expected);
  });

  it("labels only Waspada and Siaga thresholds as provisional", () => {
    expect(rules.thresholds.bahaya.provisional).toBe(false);
    expect(rules.thresholds.waspada.provisional).toBe(true);
    expect(rules.thresholds.siaga.provisional).toBe(true);
  });

  it("classifies the provisional classes and Aman", () => {
    expect(classifyByIndicators({ pokok: 3, pendukung: 2 }, rules)).toBe("waspada");
    expect(classifyByIndicators({ pokok: 3, pendukung: 1 }, rules)).toBe("siaga");
    expect(classifyByIndicators({ pokok: 1, pendukung: 0 }, rules)).toBe("siaga");
    expect(classifyByIndicators({ pokok: 0, pendukung: 5 }, rules)).toBe("aman");
  });

  it("never gets less severe when an indicator is added", () => {
    const count = fc.integer({ min: 0, max: 8 });
    fc.assert(
      fc.property(
        count,
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        (pokok, pendukung, addPokok) => {
          const before = classifyByIndicators({ pokok, pendukung }, rules);
          const after = classifyByIndicators(
            addPokok ? { pokok: pokok + 1, pendukung } : { pokok, pendukung: pendukung + 1 },
            rules,
          );
          return severity(after) >= severity(before);
        },
      ),
    );
  });
});

describe("indicator counts", () => {
  it("counts by kind, once per code, ignoring unknown and retired codes", () => {
    const catalogue = DEFAULT_INDICATORS.map((i) =>
      i.code === "P8" ? { ...i, retired: true } : i,
    );
    expect(countIndicators(["P1", "P1", "P2", "D1", "X9", "P8"], catalogue)).toEqual({
      pokok: 2,
      pendukung: 1,
    });
  });

  it("ships 8 pokok and 5 pendukung indicators", () => {
    expect(DEFAULT_INDICATORS.filter((i) => i.kind === "pokok")).toHaveLength(8);
    expect(DEFAULT_INDICATORS.filter((i) => i.kind === "pendukung")).toHaveLength(5);
  });
});

describe("survey rounds", () => {
  it("computes a weighted score and its band", () => {
    const r = { ...DEFAULT_SURVEY_RULES, weights: { a: 3, b: 1 } };
    expect(surveyScore({ a: 80, b: 40 }, r)).toBe(70);
    expect(surveyScore({ c: 10 }, r)).toBeNull();
    expect(classifyBySurvey(75, r)).toBe("bahaya");
    expect(classifyBySurvey(74.99, r)).toBe("waspada");
    expect(classifyBySurvey(25, r)).toBe("siaga");
    expect(classifyBySurvey(0, r)).toBe("aman");
  });
});

describe("rule validation and class movement", () => {
  it("accepts the defaults and rejects inverted thresholds or bands", () => {
    expect(ruleProblems(DEFAULT_INDICATOR_RULES)).toEqual([]);
    expect(ruleProblems(DEFAULT_SURVEY_RULES)).toEqual([]);
    const inverted = {
      ...rules,
      thresholds: { ...rules.thresholds, waspada: { pokok: 6, pendukung: 2, provisional: true } },
    };
    expect(ruleProblems(inverted)).toContain("waspada must not need more than bahaya");
    expect(
      ruleProblems({ ...DEFAULT_SURVEY_RULES, bands: { bahaya: 50, waspada: 60, siaga: 10 } }),
    ).toHaveLength(1);
  });

  it("tells movement between rounds", () => {
    expect(classChange("siaga", "bahaya")).toBe("up");
    expect(classChange("waspada", "siaga")).toBe("down");
    expect(classChange("aman", "aman")).toBe("same");
    expect(classChange(null, "aman")).toBe("new");
    expect(RISK_CLASSES).toEqual(["bahaya", "waspada", "siaga", "aman"]);
  });
});
