/** ISO weeks for the week picker (the server computes the digest itself). */
const DAY_MS = 86_400_000;

/** Today in Jakarta (WIB, UTC+7). */
export function jakartaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The ISO week `delta` weeks from `week`. */
export function shiftWeek(week: string, delta: number): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return week;
  const jan4 = new Date(Date.UTC(Number(match[1]), 0, 4));
  const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  const start = monday + (Number(match[2]) - 1 + delta) * 7 * DAY_MS;
  return isoWeekOf(new Date(start).toISOString().slice(0, 10));
}
