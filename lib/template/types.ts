/**
 * Shared types of the template engine. Pure: no Node or browser APIs.
 *
 * Pointers are RFC 6901 JSON pointers. Unless a type says otherwise, a pointer addresses the
 * *document being edited*: the bare base job template when editing a pool
 * (`/variables/properties/launch_type/default`, `/job_configuration/task_run_request/launchType`),
 * or the job_variables object when editing a deployment (`/launch_type`).
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
export type JsonPointer = string;

/**
 * How the RunTask request is prepared.
 * - `hybrid`: the prefect-aws ECS worker (pool type `ecs`), with its launch type and strategy logic.
 * - `push`: Prefect Cloud's push runner (pool type `ecs:push`), modelled conservatively (DESIGN.md).
 * - `raw`: the rendered request as is, no worker logic.
 */
export type Mode = "hybrid" | "push" | "raw";

/** Which document a pointer addresses. */
export type DocumentKind = "template" | "job_variables";

/** Where a resolved variable value came from. */
export type ValueOrigin =
  | { source: "default"; pointer: JsonPointer } // into the template: /variables/properties/<name>/default
  | { source: "job_variables"; pointer: JsonPointer }; // into job_variables: /<name>
