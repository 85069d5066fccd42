"use client";

import { useSyncExternalStore } from "react";

/** Follows the `dark` class on <html> (set before paint from the saved choice, and by ThemeToggle). */
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/** Whether the page is in the dark theme; false while rendering on the server. */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.classList.contains("dark"),
    () => false,
  );
}
