"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { whenIdle } from "@/lib/browser/when-idle";
import type { ActionResult } from "@/lib/outcome/types";
import { errorMessage } from "@/lib/template/error-message";

/** What a read has given so far: nothing yet (null), its data, or why it failed. */
export type IdleRead<T> = null | { data: T } | { error: string };

/**
 * Reads with `load` (a GET of one of the page's read routes) at the browser's first idle moment,
 * at most 2 s after the component mounts: on the pool page that comes once the JSON editor is up,
 * so the read's Prefect and ECS calls do not share the machine with the page's hydration and
 * Monaco's start. `ask` reads again (a retry, or after a change the read shows); a new `load`
 * (another input) reads again too. An answer to an older request (asked again, or the component
 * gone) is dropped. `load` should keep its identity while its input does.
 */
export function useIdleRead<T>(load: () => Promise<ActionResult<T>>): [IdleRead<T>, () => void] {
  const [read, setRead] = useState<IdleRead<T>>(null);
  // the newest request's number
  const latest = useRef(0);
  const ask = useCallback(() => {
    const asked = ++latest.current;
    // data already shown stays until the new answer (a section the user works in is not torn
    // down and rebuilt); a failure gives way to the caller's "reading" state
    setRead((shown) => (shown !== null && "data" in shown ? shown : null));
    load().then(
      (result) => {
        if (latest.current === asked) {
          setRead(result.ok ? { data: result.data } : { error: result.error });
        }
      },
      (error: unknown) => {
        if (latest.current === asked) setRead({ error: errorMessage(error) });
      },
    );
  }, [load]);
  useEffect(() => {
    const cancel = whenIdle(ask, 2_000);
    return () => {
      latest.current += 1;
      cancel();
    };
  }, [ask]);
  return [read, ask];
}
