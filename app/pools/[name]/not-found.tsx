import { Alert } from "@/components/ui/alert";
import { PoolNameFromPath } from "./pool-name-from-path";
import { IntentLink } from "@/components/ui/intent-link";

/** The pool page's 404 (notFound() when Prefect answers 404): names the pool and offers the way on. */
export default function PoolNotFound() {
  return (
    <Alert tone="destructive" title="No such work pool">
      Prefect has no work pool named <PoolNameFromPath />.{" "}
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
