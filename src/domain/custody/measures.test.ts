import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCount } from "./counts";
import {
  custodyMeasures,
  drugShare,
  occupancyRatio,
  overcrowdingExcess,
  percentOf,
  sumCounts,
} from "./measures";
import { custodyTrend, latestPerFacility } from "./trend";

describe("custody measures (DOMAIN.md sections 2 and 7)", () => {
  it("gives 225.5% occupancy, 125.5% excess and 64.3% drug share for the 2025 DKI figures", () => {
    const m = custodyMeasures({ capacity: 5919, occupants: 13347, drugOffenders: 8585 });
    expect(m.occupancyRatio).toMatchObject({ measure: "occupancy_ratio", percent: 225.5 });
    expect(m.overcrowdingExcess).toMatchObject({ measure: "overcrowding_excess", percent: 125.5 });
    expect(m.drugShare).toMatchObject({ measure: "drug_share", percent: 64.3 });
    expect(m.occupancyRatio?.ratio).toBeCloseTo(2.254942, 6);
    expect(m.occupancyRatio?.formula).toBe("occupants / capacity");
  });

  it("rounds half up on the exact fraction", () => {
    expect(percentOf(1, 8)).toBe(12.5); // 12.5 exactly
    expect(percentOf(1, 2000)).toBe(0.1); // 0.05% -> 0.1%
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(-1, 2000)).toBe(0); // -0.05% -> -0.0% shown as 0
    expect(percentOf(-3, 2000)).toBe(-0.1); // -0.15% -> -0.1% (toward plus infinity)
    expect(percentOf(0.645, 1)).toBe(64.5);
  });

  it("gives no value for a zero or missing denominator", () => {
    expect(occupancyRatio(10, 0)).toBeNull();
    expect(overcrowdingExcess(10, 0)).toBeNull();
    expect(drugShare(0, 0)).toBeNull();
    expect(drugShare(null, 10)).toBeNull();
  });

  it("a negative excess when under capacity", () => {
    expect(overcrowdingExcess(80, 100)?.percent).toBe(-20);
    expect(occupancyRatio(80, 100)?.percent).toBe(80);
  });

  it("excess is always occupancy minus 100 points before rounding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        (cap, occ) => {
          const o = occupancyRatio(occ, cap)!;
          const e = overcrowdingExcess(occ, cap)!;
          expect(e.percent).toBeCloseTo(o.percent - 100, 9);
          // the integer rule agrees with exact rational rounding
          const exact = Math.floor((2000 * occ + cap) / (2 * cap)) / 10;
          expect(o.percent).toBe(exact);
        },
      ),
    );
  });

  it("sums counts; the drug total is unknown when one facility did not count it", () => {
    expect(
      sumCounts([
        { capacity: 10, occupants: 20, drugOffenders: 5 },
        { capacity: 5, occupants: 7, drugOffenders: 2 },
      ]),
    ).toEqual({ capacity: 15, occupants: 27, drugOffenders: 7 });
    expect(
      sumCounts([
        { capacity: 10, occupants: 20, drugOffenders: 5 },
        { capacity: 5, occupants: 7, drugOffenders: null },
      ]).drugOffenders,
    ).toBeNull();
    expect(sumCounts([]).drugOffenders).toBeNull();
  });
});

describe("custody trend", () => {
  const c = (facilityId: string, countedOn: string, occupants: number) => ({
    facilityId,
    countedOn,
    capacity: 100,
    occupants,
    drugOffenders: null,
  });

  it("takes each facility's latest count within the period and sums them", () => {
    const series = custodyTrend(
      [
        c("a", "2025-01-05", 150),
        c("a", "2025-01-25", 160),
        c("b", "2025-01-10", 90),
        c("a", "2025-02-01", 170),
      ],
      "month",
    );
    expect(series.map((p) => [p.period, p.occupants, p.capacity, p.facilities, p.asOf])).toEqual([
      ["2025-01", 250, 200, 2, "2025-01-25"],
      ["2025-02", 170, 100, 1, "2025-02-01"],
    ]);
    expect(series[0]?.occupancyRatio?.percent).toBe(125);
    expect(custodyTrend([c("a", "2024-03-01", 1), c("a", "2024-12-31", 2)], "year")).toHaveLength(
      1,
    );
  });

  it("latest as of a date", () => {
    const latest = latestPerFacility(
      [c("a", "2025-01-05", 1), c("a", "2025-03-01", 2), c("b", "2025-02-01", 3)],
      "2025-02-15",
    );
    expect(latest.map((l) => l.occupants).sort()).toEqual([1, 3]);
  });
});

describe("count validation", () => {
  const today = "2026-11-29";
  const ok = { date: "2025-06-30", capacity: "5,919", occupants: "13.347", source: "Kanwil" };

  it("accepts thousands separators and optional fields", () => {
    const { record, problems } = parseCount(ok, 1, today);
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ capacity: 5919, occupants: 13347, drugOffenders: null });
  });

  it("names every problem with a stable code", () => {
    const bad = (over: Record<string, unknown>) =>
      parseCount({ ...ok, ...over }, 3, today).problems.map((p) => `${p.column}:${p.code}`);
    expect(bad({ capacity: "-1" })).toEqual(["capacity:NEGATIVE"]);
    expect(bad({ occupants: "12.5" })).toEqual(["occupants:NOT_A_WHOLE_NUMBER"]);
    expect(bad({ occupants: 1.5 })).toEqual(["occupants:NOT_A_WHOLE_NUMBER"]);
    expect(bad({ drug_offenders: "20000" })).toEqual(["drug_offenders:DRUG_ABOVE_OCCUPANTS"]);
    expect(bad({ drug_offenders: "100", drug_users: "80", drug_dealers: "30" })).toEqual([
      "drug_users:SPLIT_ABOVE_DRUG",
    ]);
    expect(bad({ date: "2026-11-30" })).toEqual(["date:DATE_IN_FUTURE"]);
    expect(bad({ date: "2025-02-30" })).toEqual(["date:DATE_INVALID"]);
    expect(bad({ source: " " })).toEqual(["source:MISSING_VALUE"]);
    expect(bad({ capacity: "" })).toEqual(["capacity:MISSING_VALUE"]);
    expect(parseCount({ ...ok, capacity: "x" }, 3, today).problems[0]?.row).toBe(3);
  });
});
