import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const onClient = () => true;
const onServer = () => false;

/**
 * False while the server renders and while React hydrates the server's HTML, true from the render
 * right after hydration (and at once in a client-side render). For controls that must not take
 * input before React handles it, e.g. a form whose native submission would do the wrong thing.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, onClient, onServer);
}
