/**
 * Progress of a programme against its targets, and the traffic light.
 *
 * The rule (documented for users on the programme page):
 * - A target's achieved value is computed from the programme's activities held inside the
 *   programme period (count of activities, participants, urine tests and positives, people
 *   reached, referrals to rehabilitation), or entered by hand for a `manual` indicator. The
 *   baseline is the value before the programme and is shown for context; the target value is
 *   what the programme sets out to achieve within its period.
 * - Share achieved = achieved / target value (1 when the target is 0).
 * - Share elapsed = days of the period passed, up to and including today, / days in the
 *   period (0 before it starts, 1 after it ends).
 * - Green when share achieved >= share elapsed (on track, or done); amber when it is at least
 *   75% of the share elapsed; red below that. Before the period starts, and for cancelled
 *   programmes, there is no light (`none`).
 * - The programme's light is its worst target's light; a programme without targets has none.
 */
export type TrafficLight = "green" | "amber" | "red" | "none";

/** Amber from this fraction of the expected share, red below it. */
export const AMBER_FROM = 0.75;

const DAY = 86_400_000;

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** Share of the period [start, end] elapsed on `today` (inclusive of both ends). */
export function elapsedShare(start: string, end: string, today: string): number {
  if (today < start) return 0;
  if (today >= end) return 1;
  return (days(start, today) + 1) / (days(start, end) + 1);
}

/** Share of the target achieved (may exceed 1). */
export function achievedShare(achieved: number, target: number): number {
  if (target <= 0) return 1;
  return achieved / target;
}

/** The light for one target. */
export function targetLight(achieved: number, target: number, elapsed: number): TrafficLight {
  if (elapsed <= 0) return "none";
  const share = achievedShare(achieved, target);
  if (share >= 1 || share >= elapsed) return "green";
  if (share >= AMBER_FROM * elapsed) return "amber";
  return "red";
}

const RANK: Record<TrafficLight, number> = { none: 0, green: 1, amber: 2, red: 3 };

/** The worst of several lights (`none` when there are none, or all are `none`). */
export function worstLight(lights: readonly TrafficLight[]): TrafficLight {
  let worst: TrafficLight = "none";
  for (const l of lights) if (RANK[l] > RANK[worst]) worst = l;
  return worst;
}
