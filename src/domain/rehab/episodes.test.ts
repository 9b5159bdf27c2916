import { describe, expect, it } from "vitest";
import {
  ageBand,
  ageOn,
  CLIENT_CODE_PATTERN,
  clientCodeFrom,
  isChild,
  normaliseClientCode,
  normaliseNik,
} from "./clients";
import { type EpisodeFacts, eventsFrom, transition } from "./episodes";
import { isoWeek, periodEnd, periodLabel, periodStarts } from "./periods";

const base: EpisodeFacts = {
  status: "intake",
  intakeDate: "2025-03-03",
  startDate: null,
  dischargeDate: null,
  dischargeOutcome: null,
  consentGiven: true,
};

describe("episode transitions", () => {
  it("walks intake -> assessment -> in care -> discharged -> aftercare -> closed", () => {
    expect(transition(base, "assess")).toEqual({ ok: true, to: "assessment" });
    const inCare = { ...base, status: "assessment" as const };
    expect(transition(inCare, "start_care", { date: "2025-03-05" })).toEqual({
      ok: true,
      to: "in_care",
    });
    const started = { ...base, status: "in_care" as const, startDate: "2025-03-05" };
    expect(transition(started, "discharge", { date: "2025-05-01", outcome: "completed" })).toEqual({
      ok: true,
      to: "discharged",
    });
    const done = {
      ...started,
      status: "discharged" as const,
      dischargeDate: "2025-05-01",
      dischargeOutcome: "completed" as const,
    };
    expect(transition(done, "begin_aftercare", { date: "2025-05-02" })).toEqual({
      ok: true,
      to: "aftercare",
    });
    expect(transition({ ...done, status: "aftercare" }, "close", { date: "2025-11-01" })).toEqual({
      ok: true,
      to: "closed",
    });
  });

  it("cannot discharge before care starts, nor before its start date", () => {
    expect(transition(base, "discharge", { date: "2025-03-04" })).toMatchObject({
      ok: false,
      problem: "EPISODE_INVALID_TRANSITION",
    });
    const started = { ...base, status: "in_care" as const, startDate: "2025-03-05" };
    expect(transition(started, "discharge", { date: "2025-03-04" })).toMatchObject({
      ok: false,
      problem: "EPISODE_DATE_BEFORE_START",
    });
  });

  it("aftercare needs a completed discharge", () => {
    const dropped = {
      ...base,
      status: "discharged" as const,
      startDate: "2025-03-05",
      dischargeDate: "2025-04-01",
      dischargeOutcome: "dropped_out" as const,
    };
    expect(transition(dropped, "begin_aftercare", { date: "2025-04-02" })).toMatchObject({
      ok: false,
      problem: "EPISODE_AFTERCARE_NEEDS_COMPLETION",
    });
    expect(
      transition({ ...base, status: "in_care" }, "begin_aftercare", { date: "2025-04-02" }),
    ).toMatchObject({ ok: false, problem: "EPISODE_INVALID_TRANSITION" });
  });

  it("care needs consent and cannot start before intake", () => {
    expect(
      transition({ ...base, consentGiven: false }, "start_care", { date: "2025-03-05" }),
    ).toMatchObject({ problem: "EPISODE_CONSENT_REQUIRED" });
    expect(transition(base, "start_care", { date: "2025-03-01" })).toMatchObject({
      problem: "EPISODE_DATE_BEFORE_INTAKE",
    });
    expect(
      transition({ ...base, status: "closed" }, "close", { date: "2025-03-05" }),
    ).toMatchObject({ problem: "EPISODE_INVALID_TRANSITION" });
  });

  it("lists the events open from each status", () => {
    expect(eventsFrom("intake")).toEqual(["assess", "start_care", "close"]);
    expect(eventsFrom("in_care")).toEqual(["discharge"]);
    expect(eventsFrom("closed")).toEqual([]);
  });
});

describe("clients", () => {
  it("makes codes without ambiguous letters and reads them back forgivingly", () => {
    const code = clientCodeFrom(new Uint8Array([0, 1, 2, 3, 31, 30, 29, 28]));
    expect(code).toBe("RH-0123-ZYXW");
    expect(CLIENT_CODE_PATTERN.test(code)).toBe(true);
    expect(normaliseClientCode("rh 0123 zyxw")).toBe("RH-0123-ZYXW");
    expect(normaliseClientCode("RH-O1I3-ZYXW")).toBe("RH-0113-ZYXW");
  });
  it("normalises a NIK to 16 digits", () => {
    expect(normaliseNik("3173 0112 0495 0007")).toBe("3173011204950007");
    expect(normaliseNik("3173-01")).toBeNull();
  });
  it("ages, children and bands", () => {
    expect(ageOn("2008-06-01", "2026-05-31")).toBe(17);
    expect(ageOn("2008-06-01", "2026-06-01")).toBe(18);
    expect(isChild(17)).toBe(true);
    expect(isChild(18)).toBe(false);
    expect([12, 13, 17, 18, 25, 26, 56].map(ageBand)).toEqual([
      "0-12",
      "13-17",
      "13-17",
      "18-25",
      "18-25",
      "26-35",
      "56+",
    ]);
    expect(ageBand(null)).toBe("unknown");
  });
});

describe("periods", () => {
  it("labels and bounds months, quarters, years and ISO weeks", () => {
    expect(periodStarts("quarter", "2024-02-10", "2024-11-30")).toEqual([
      "2024-01-01",
      "2024-04-01",
      "2024-07-01",
      "2024-10-01",
    ]);
    expect(periodLabel("quarter", "2024-10-01")).toBe("2024-Q4");
    expect(periodEnd("month", "2024-02-01")).toBe("2024-02-29");
    expect(periodEnd("year", "2025-01-01")).toBe("2025-12-31");
    expect(isoWeek("2025-01-01")).toEqual({ start: "2024-12-30", end: "2025-01-05" });
  });
});
