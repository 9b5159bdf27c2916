/** Milliseconds since the epoch of a timestamp column value (Date or ISO text). */
export function millis(value: unknown): number {
  return new Date(value as string | Date).getTime();
}
