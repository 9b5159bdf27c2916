/**
 * Occurrences of a recurring activity. Each occurrence owns a window from its due date up to
 * (not including) the next due date, clipped to the schedule's end. It is:
 * - `done` when an activity recorded for the schedule falls inside the window;
 * - `missed` when the window has closed (its last day is before today) with none;
 * - `due` when today lies inside the window and none is recorded yet;
 * - `upcoming` when the window has not opened yet.
 */
export type Frequency = "weekly" | "monthly";
export type OccurrenceStatus = "done" | "missed" | "due" | "upcoming";

export interface ScheduleSpec {
  frequency: Frequency;
  /** Every N weeks or months (1 to 12). */
  interval: number;
  /** YYYY-MM-DD, the first due date. */
  startOn: string;
  /** YYYY-MM-DD, the last day a due date may fall on (inclusive). */
  endOn: string;
}

export interface Occurrence {
  dueOn: string;
  /** Last day of the window (inclusive). */
  windowEnd: string;
  status: OccurrenceStatus;
  /** Ids of activities inside the window, in date order. */
  activityIds: string[];
}

/** At most this many occurrences are generated (ten years of weekly ones). */
export const MAX_OCCURRENCES = 520;

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** The date `months` months after `start`, on the same day clipped to the month's last day. */
function addMonths(start: string, months: number): string {
  const d = parse(start);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return format(target);
}

/** The due dates of a schedule, in order. */
export function dueDates(spec: ScheduleSpec): string[] {
  const out: string[] = [];
  for (let k = 0; k < MAX_OCCURRENCES; k++) {
    const due =
      spec.frequency === "weekly"
        ? addDays(spec.startOn, 7 * spec.interval * k)
        : addMonths(spec.startOn, spec.interval * k);
    if (due > spec.endOn) break;
    out.push(due);
  }
  return out;
}

/**
 * Every occurrence with its status on `today`, given the activities recorded for the
 * schedule (id and date). An activity counts for the one window that contains its date.
 */
export function occurrences(
  spec: ScheduleSpec,
  activities: ReadonlyArray<{ id: string; heldOn: string }>,
  today: string,
): Occurrence[] {
  const dues = dueDates(spec);
  const sorted = [...activities].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return dues.map((dueOn, k) => {
    const next = dues[k + 1];
    const windowEnd = next
      ? addDays(next, -1)
      : (() => {
          const natural = addDays(
            spec.frequency === "weekly"
              ? addDays(dueOn, 7 * spec.interval)
              : addMonths(dueOn, spec.interval),
            -1,
          );
          // The last window runs to the schedule's end, or its natural length if that is later.
          return [natural, spec.endOn].sort().at(-1)!;
        })();
    const activityIds = sorted
      .filter((a) => a.heldOn >= dueOn && a.heldOn <= windowEnd)
      .map((a) => a.id);
    const status: OccurrenceStatus =
      activityIds.length > 0
        ? "done"
        : windowEnd < today
          ? "missed"
          : dueOn <= today
            ? "due"
            : "upcoming";
    return { dueOn, windowEnd, status, activityIds };
  });
}

/** Counts of occurrences by status. */
export function occurrenceSummary(list: readonly Occurrence[]): Record<OccurrenceStatus, number> {
  const out = { done: 0, missed: 0, due: 0, upcoming: 0 };
  for (const o of list) out[o.status] += 1;
  return out;
}
