import type { HTMLAttributes, ReactNode } from "react";

import { cn } from "@/lib/utils";

const tones = {
  info: "border-info/30 bg-info-muted text-foreground",
  success: "border-success/30 bg-success-muted text-foreground",
  warning: "border-warning/40 bg-warning-muted text-foreground",
  destructive: "border-destructive/40 bg-destructive-muted text-foreground",
} as const;

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  tone?: keyof typeof tones;
  title: ReactNode;
}

/** A message in place; errors use role="alert" so assistive tech announces them. */
export function Alert({ tone = "info", title, className, children, ...props }: AlertProps) {
  return (
    <div
      role={tone === "destructive" ? "alert" : "status"}
      className={cn("rounded-md border px-3 py-2.5 text-sm", tones[tone], className)}
      {...props}
    >
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-muted-foreground">{children}</div> : null}
    </div>
  );
}
