/**
 * A count with its noun, plural unless the count is one: "1 error", "0 warnings", "3 instances".
 * English regular plurals only (an added "s"). Pure, so the browser, the server, the checks and the
 * CLI share it.
 */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
