import { Badge } from "@/components/ui/badge";
import { managedSource } from "@/lib/prefect/managed";

/** "managed as code" when the pool's description carries the x-pooldeck-managed marker (see docs/design.md). */
export function ManagedBadge({ description }: { description: string | null | undefined }) {
  const source = managedSource(description);
  if (!source) return null;
  return (
    <Badge tone="info" role="note" aria-label={`Managed as code: ${source}`} title={source}>
      managed as code
    </Badge>
  );
}
