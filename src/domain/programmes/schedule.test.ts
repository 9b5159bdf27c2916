import { describe, expect, it } from "vitest";
import { dueDates, occurrenceSummary, occurrences } from "./schedule";

describe("schedule occurrences", () => {
  it("monthly due dates keep the day, clipped to short months", () => {
    expect(
      dueDates({ frequency: "monthly", interval: 1, startOn: "2025-01-31", endOn: "2025-04-30" }),
    ).toEqual(["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"]);
  });

  it("weekly and every-other-month schedules", () => {
    expect(
      dueDates({ frequency: "weekly", interval: 2, startOn: "2025-01-06", endOn: "2025-02-03" }),
    ).toEqual(["2025-01-06", "2025-01-20", "2025-02-03"]);
    expect(
      dueDates({ frequency: "monthly", interval: 2, startOn: "2025-01-10", endOn: "2025-06-30" }),
    ).toEqual(["2025-01-10", "2025-03-10", "2025-05-10"]);
  });

  it("marks done, missed, due and upcoming occurrences", () => {
    const spec = {
      frequency: "monthly" as const,
      interval: 1,
      startOn: "2025-01-01",
      endOn: "2025-06-30",
    };
    const list = occurrences(
      spec,
      [
        { id: "a", heldOn: "2025-01-15" },
        { id: "b", heldOn: "2025-03-31" },
        { id: "c", heldOn: "2025-03-02" },
      ],
      "2025-04-10",
    );
    expect(list.map((o) => [o.dueOn, o.windowEnd, o.status])).toEqual([
      ["2025-01-01", "2025-01-31", "done"],
      ["2025-02-01", "2025-02-28", "missed"],
      ["2025-03-01", "2025-03-31", "done"],
      ["2025-04-01", "2025-04-30", "due"],
      ["2025-05-01", "2025-05-31", "upcoming"],
      ["2025-06-01", "2025-06-30", "upcoming"],
    ]);
    expect(list[2]!.activityIds).toEqual(["c", "b"]);
    expect(occurrenceSummary(list)).toEqual({ done: 2, missed: 1, due: 1, upcoming: 2 });
  });

  it("ignores activities outside every window", () => {
    const list = occurrences(
      { frequency: "weekly", interval: 1, startOn: "2025-01-06", endOn: "2025-01-12" },
      [{ id: "x", heldOn: "2025-01-05" }],
      "2025-02-01",
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ windowEnd: "2025-01-12", status: "missed", activityIds: [] });
  });
});
