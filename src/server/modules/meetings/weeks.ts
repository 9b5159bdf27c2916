/** ISO weeks and "today" in Jakarta (WIB, UTC+7, no daylight saving). */
import { todayInJakarta } from "../../time";

const DAY_MS = 86_400_000;

/** Today's date in Asia/Jakarta as YYYY-MM-DD. */
export const jakartaToday = todayInJakarta;

/** YYYY-MM-DD plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO week (YYYY-Www) containing a date. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Monday and Sunday of an ISO week (YYYY-Www), or null when the week does not exist. */
export function isoWeekRange(week: string): { start: string; end: string } | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  // Week 1 holds 4 January.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  const start = new Date(mondayOfWeek1 + (n - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  if (isoWeekOf(start) !== week) return null;
  return { start, end: addDays(start, 6) };
}

/** The instant a Jakarta calendar day starts, as ISO text with its offset. */
export function jakartaDayStart(date: string): string {
  return `${date}T00:00:00+07:00`;
}
