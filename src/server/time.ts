/** Milliseconds since the epoch of a timestamp column value (Date or ISO text). */
export function millis(value: unknown): number {
  return new Date(value as string | Date).getTime();
}

/** A `date` column as YYYY-MM-DD, whichever way the driver returned it. */
export function dateText(value: unknown): string {
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  return String(value).slice(0, 10);
}

/** Today's date in Asia/Jakarta (WIB, UTC+7, no daylight saving) as YYYY-MM-DD. */
export function todayInJakarta(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
