"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & {
  href: string;
  /** false: never prefetched (a page that must be read afresh when followed, like "Check again") */
  prefetch?: false;
};

/**
 * Every link to one of Pooldeck's pages: the page is prefetched when a person shows the intent to
 * follow the link (pointer over it, keyboard focus, a touch), not when it scrolls into view. Next
 * prefetches every visible link by default: a cold pool page asked the server for seven pages
 * (twice: again after its first server action) while it was still loading and hydrating on the
 * same cores, and a list of pools asks for every pool's page.
 */
export function IntentLink({
  href,
  prefetch,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: IntentLinkProps) {
  const router = useRouter();
  // each handler prefetches, then calls the one the caller passed, if any
  const withIntent =
    <E,>(handler?: (event: E) => void) =>
    (event: E) => {
      if (prefetch !== false) router.prefetch(href);
      handler?.(event);
    };
  return (
    <Link
      href={href}
      prefetch={false}
      onMouseEnter={withIntent(onMouseEnter)}
      onFocus={withIntent(onFocus)}
      onTouchStart={withIntent(onTouchStart)}
      {...props}
    />
  );
}
