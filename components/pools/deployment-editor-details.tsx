"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { LazyDetails } from "@/components/ui/lazy-details";

/**
 * A deployment's "Edit job variables" section: closed, unless the URL points into this
 * deployment (`?deployment=<id>&at=<pointer>`, a run diagnosis's link); then it opens and scrolls
 * into view, and the editor inside selects the pointer's line.
 */
export function DeploymentEditorDetails({
  deploymentId,
  children,
}: {
  deploymentId: string;
  children: ReactNode;
}) {
  const target = useSearchParams().get("deployment") === deploymentId;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (target) ref.current?.scrollIntoView({ block: "start" });
  }, [target]);
  return (
    <div ref={ref} className="scroll-mt-24">
      <LazyDetails
        summary="Edit job variables"
        summaryClassName="cursor-pointer text-sm font-medium"
        defaultOpen={target}
      >
        {children}
      </LazyDetails>
    </div>
  );
}
