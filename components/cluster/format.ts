/** 4096 → "4,096" (fixed locale so server and browser render the same text). */
export function num(n: number): string {
  return n.toLocaleString("en-US");
}

/** Time of day in UTC, e.g. "17:42:05 UTC" (the same on server and client). */
export function timeOfDay(iso: string): string {
  return `${iso.slice(11, 19)} UTC`;
}
