import { Alert } from "@/components/ui/alert";
import { IntentLink } from "@/components/ui/intent-link";

/** The run page's 404: Prefect has no such run in this pool (or no such pool). */
export default function RunNotFound() {
  return (
    <Alert tone="destructive" title="No such run">
      Prefect has no flow run with this id in this work pool.{" "}
      <IntentLink href="/pools" className="underline">
        See all pools
      </IntentLink>
      .
    </Alert>
  );
}
