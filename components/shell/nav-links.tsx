"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils";

const LINKS = [
  { href: "/", label: "Status", exact: true },
  { href: "/clusters", label: "Clusters" },
  { href: "/pools", label: "Pools" },
  // Not built yet (push vs hybrid comparison): shown, but not a link to a page that does not exist.
  {
    href: "/compare",
    label: "Compare",
    pending: "Push pool vs hybrid worker comparison: not built yet",
  },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map((link) => {
        if ("pending" in link) {
          return (
            <li key={link.href}>
              <span
                aria-disabled="true"
                title={link.pending}
                className="cursor-not-allowed rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground/50"
              >
                {link.label}
              </span>
            </li>
          );
        }
        const active = "exact" in link ? pathname === link.href : pathname.startsWith(link.href);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors",
                active
                  ? "bg-accent text-accent-foreground"
                  : "text-muted-foreground hover:bg-muted hover:text-foreground",
              )}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
