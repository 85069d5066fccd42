import "server-only";

import type { components } from "./openapi";

type Schemas = components["schemas"];

/** A work pool as Prefect returns it. */
export type WorkPool = Schemas["WorkPoolResponse"];
/** Body of POST /work_pools/. */
export type WorkPoolCreate = Schemas["WorkPoolCreate"];
/** Body of PATCH /work_pools/{name}; each sent key replaces the stored value whole. */
export type WorkPoolUpdate = Schemas["WorkPoolUpdate"];
/** A deployment as Prefect returns it. */
export type Deployment = Schemas["DeploymentResponse"];
/** A flow as Prefect returns it. */
export type Flow = Schemas["Flow"];
/** Job variables of a deployment: a JSON object keyed by pool variable name. */
export type JobVariables = NonNullable<Schemas["DeploymentUpdate"]["job_variables"]>;
