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
 * - `push`: Prefect Cloud's push runner (pool type `ecs:push`), modelled conservatively (docs/design.md).
 * - `raw`: the rendered request as is, no worker logic.
 */
export type Mode = "hybrid" | "push" | "raw";

/** Which document a pointer addresses. */
export type DocumentKind = "template" | "job_variables";

/** One edit of a document, in RFC 6902 terms (a check's fix, a form or preset change). */
export type FixEdit =
  | { op: "remove"; path: JsonPointer }
  | { op: "replace" | "add"; path: JsonPointer; value: JsonValue };

/** A deployment of the pool as the editor previews it: its id, name and stored job_variables. */
export interface PreviewDeployment {
  id: string;
  name: string;
  /** the deployment's job_variables as stored in Prefect */
  jobVariables: JsonObject;
}

/** Where a resolved variable value came from. */
export type ValueOrigin =
  | { source: "default"; pointer: JsonPointer } // into the template: /variables/properties/<name>/default
  | { source: "job_variables"; pointer: JsonPointer }; // into job_variables: /<name>
