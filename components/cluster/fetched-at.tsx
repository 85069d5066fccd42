import { timeOfDay } from "./format";

export interface FetchedAtProps {
  iso: string;
  label?: string;
}

/** "fetched 17:42:05 UTC", with the full ISO time in the element. */
export function FetchedAt({ iso, label = "fetched" }: FetchedAtProps) {
  return (
    <span className="text-xs text-muted-foreground">
      {label} <time dateTime={iso}>{timeOfDay(iso)}</time>
    </span>
  );
}
