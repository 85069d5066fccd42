/** The old health path, kept for existing callers: liveness, as /api/health/live. */
export { GET } from "./live/route";
