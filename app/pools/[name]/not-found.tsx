import { headers } from "next/headers";

import { Alert } from "@/components/ui/alert";
import { IntentLink } from "@/components/ui/intent-link";
import { PATH_HEADER, poolNameOfPath } from "@/lib/routing/request-path";

/** The pool page's 404 (notFound() when Prefect answers 404): names the pool and offers the way on. */
export default async function PoolNotFound() {
  const name = poolNameOfPath((await headers()).get(PATH_HEADER) ?? "");
  return (
    <Alert tone="destructive" title="No such work pool">
      Prefect has no work pool named <q className="font-mono">{name}</q>.{" "}
      <IntentLink href="/pools" className="underline">
        See all pools
      </IntentLink>{" "}
      or{" "}
      <IntentLink href="/pools/new" className="underline">
        start a new one
      </IntentLink>
      .
    </Alert>
  );
}
