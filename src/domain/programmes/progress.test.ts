import { describe, expect, it } from "vitest";
import { participantTotals } from "./catalogue";
import { achievedShare, elapsedShare, targetLight, worstLight } from "./progress";

describe("programme progress", () => {
  it("elapsed share counts days inclusively and clamps", () => {
    expect(elapsedShare("2025-01-01", "2025-01-10", "2024-12-31")).toBe(0);
    expect(elapsedShare("2025-01-01", "2025-01-10", "2025-01-01")).toBeCloseTo(0.1);
    expect(elapsedShare("2025-01-01", "2025-01-10", "2025-01-05")).toBeCloseTo(0.5);
    expect(elapsedShare("2025-01-01", "2025-01-10", "2025-01-10")).toBe(1);
    expect(elapsedShare("2025-01-01", "2025-01-10", "2026-01-01")).toBe(1);
  });

  it("lights green on track, amber from 75% of expected, red below", () => {
    expect(targetLight(50, 100, 0.5)).toBe("green");
    expect(targetLight(40, 100, 0.5)).toBe("amber");
    expect(targetLight(37.5, 100, 0.5)).toBe("amber");
    expect(targetLight(37, 100, 0.5)).toBe("red");
    expect(targetLight(100, 100, 1)).toBe("green");
    expect(targetLight(80, 100, 1)).toBe("amber");
    expect(targetLight(10, 100, 1)).toBe("red");
    expect(targetLight(0, 100, 0)).toBe("none");
    expect(targetLight(0, 0, 0.3)).toBe("green");
    expect(achievedShare(150, 100)).toBe(1.5);
  });

  it("takes the worst light", () => {
    expect(worstLight([])).toBe("none");
    expect(worstLight(["green", "none"])).toBe("green");
    expect(worstLight(["green", "red", "amber"])).toBe("red");
  });

  it("totals participants by sex", () => {
    expect(participantTotals({ "13-17": { male: 3, female: 4 }, "25-44": { female: 2 } })).toEqual({
      male: 3,
      female: 6,
      total: 9,
    });
  });
});
