"use client";

import { usePathname } from "next/navigation";

import { IntentLink } from "@/components/ui/intent-link";
import { cn } from "@/lib/utils";

const LINKS = [
  { href: "/", label: "Status", exact: true },
  { href: "/clusters", label: "Clusters" },
  { href: "/pools", label: "Pools" },
  { href: "/compare", label: "Compare" },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map((link) => {
        const active = "exact" in link ? pathname === link.href : pathname.startsWith(link.href);
        return (
          <li key={link.href}>
            <IntentLink
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
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}
