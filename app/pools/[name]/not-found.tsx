import Link from "next/link";
import { Alert } from "@/components/ui/alert";

export default function PoolNotFound() {
  return (
    <Alert tone="destructive" title="No such work pool">
      Prefect has no work pool by this name.{" "}
      <Link href="/pools" className="underline">
        See all pools
      </Link>{" "}
      or{" "}
      <Link href="/pools/new" className="underline">
        start a new one
      </Link>
      .
    </Alert>
  );
}
