/** Reporting periods of the registry's figures: month, quarter, year; ISO weeks for recaps. */

export const PERIODS = ["month", "quarter", "year"] as const;
export type Period = (typeof PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function parts(date: string): [number, number, number] {
  return date.split("-").map(Number) as [number, number, number];
}

/** First day of the period containing `date` (YYYY-MM-DD). */
export function periodStart(period: Period, date: string): string {
  const [y, m] = parts(date);
  if (period === "year") return ymd(y, 1, 1);
  if (period === "quarter") return ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
  return ymd(y, m, 1);
}

/** First day of the next period. */
export function nextPeriodStart(period: Period, start: string): string {
  const [y, m] = parts(start);
  const step = period === "year" ? 12 : period === "quarter" ? 3 : 1;
  const months = y * 12 + (m - 1) + step;
  return ymd(Math.floor(months / 12), (months % 12) + 1, 1);
}

/** Last day of the period that starts at `start`. */
export function periodEnd(period: Period, start: string): string {
  const next = new Date(`${nextPeriodStart(period, start)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

/** A period's label: 2024, 2024-Q1, 2024-01. */
export function periodLabel(period: Period, start: string): string {
  const [y, m] = parts(start);
  if (period === "year") return String(y);
  if (period === "quarter") return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${pad(m)}`;
}

/** Starts of every period from the one containing `from` to the one containing `to`. */
export function periodStarts(period: Period, from: string, to: string): string[] {
  const out: string[] = [];
  const last = periodStart(period, to);
  for (let s = periodStart(period, from); s <= last; s = nextPeriodStart(period, s)) out.push(s);
  return out;
}

/** Monday and Sunday of the ISO week containing `date`. */
export function isoWeek(date: string): { start: string; end: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const start = new Date(d);
  start.setUTCDate(d.getUTCDate() - day);
  const end = new Date(start);
  end.setUTCDate(start.getUTCDate() + 6);
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}
