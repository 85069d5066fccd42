import { Skeleton } from "@/components/ui/skeleton";

/**
 * What the pool page shows where the runs line and the template editor will be while the editor
 * streams in: the line's box, the toolbar, the form beside the JSON editor and the checks, in the
 * editor's own grid, so nothing jumps when it arrives. Its line of text is not a live region: while
 * the page streams, the browser itself tells a screen reader that it is loading and when it is done.
 */
export function PoolEditorSkeleton() {
  return (
    <div className="grid gap-4">
      <Skeleton className="h-10 w-full" />
      <p className="text-sm text-muted-foreground">Loading the template editor…</p>
      <Skeleton className="h-9 w-full" />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="grid gap-4">
          <Skeleton className="h-40 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
        <div className="grid gap-3 lg:h-[calc(100vh-5rem)] lg:grid-rows-[minmax(320px,58fr)_minmax(0,42fr)]">
          <Skeleton className="h-[55vh] min-h-80 lg:h-auto" />
          <Skeleton className="h-40 lg:h-auto" />
        </div>
      </div>
    </div>
  );
}
