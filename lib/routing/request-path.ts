/**
 * The request's path as proxy.ts forwards it to the server's rendering, in a request header of
 * its own (set on every request, so a client cannot supply it). Next gives not-found pages no
 * params; the unknown pool's page reads the name it looked for from here, on the server, so that
 * page needs no JavaScript of its own in the browser.
 */
export const PATH_HEADER = "x-pooldeck-path";

/** The pool name of a /pools/<name>… path, decoded; a malformed escape is shown as typed. */
export function poolNameOfPath(path: string): string {
  const segment = path.split("/")[2] ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
