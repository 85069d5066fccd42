import type { ButtonHTMLAttributes } from "react";

import { cn } from "@/lib/utils";

const variants = {
  primary: "bg-primary text-primary-foreground hover:bg-primary/90",
  secondary: "border border-border bg-card text-foreground hover:bg-muted",
  ghost: "text-foreground hover:bg-muted",
  destructive: "bg-destructive text-primary-foreground hover:bg-destructive/90",
} as const;
const sizes = { sm: "h-7 px-2.5 text-xs", md: "h-9 px-3.5 text-sm", icon: "h-8 w-8" } as const;

export interface ButtonStyle {
  variant?: keyof typeof variants | undefined;
  size?: keyof typeof sizes | undefined;
}

/**
 * A button's classes, for an element styled as a button that is not one (a Link, a download
 * link): `<Link className={buttonClass({ size: "sm" })}>`. Links get the classes directly rather
 * than through a Slot component, which kept Radix's Slot in every page's first JavaScript.
 */
export function buttonClass(
  { variant = "secondary", size = "md" }: ButtonStyle = {},
  className?: string,
): string {
  return cn(
    "inline-flex items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap transition-colors disabled:pointer-events-none disabled:opacity-50",
    variants[variant],
    sizes[size],
    className,
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, ButtonStyle {}

export function Button({ variant, size, className, ...props }: ButtonProps) {
  return <button className={buttonClass({ variant, size }, className)} {...props} />;
}
