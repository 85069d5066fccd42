/**
 * The prefect worker's polling defaults, read from prefect/settings/models/worker.py (Prefect 3.9.1
 * in .venv). Workers do not report them to the API, so Pooldeck states the defaults. Pure.
 */

/** PREFECT_WORKER_QUERY_SECONDS: how often a worker asks for scheduled runs. */
export const WORKER_QUERY_SECONDS = 10;
/** PREFECT_WORKER_PREFETCH_SECONDS: how far ahead of their scheduled start it picks runs up. */
export const WORKER_PREFETCH_SECONDS = 10;
