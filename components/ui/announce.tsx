"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A polite live region, visible to screen readers only, that says `text` once it has held for a
 * second, not on every keystroke (a screen reader drops what it had queued at each key press),
 * and only when it differs from what was last said. The text it mounts with describes the page as
 * it loaded and is not said. Give it a React key to start over without saying anything (the editor
 * keys it by mode: the mode switch already says the new mode's verdict).
 */
export function Announce({ text }: { text: string }) {
  const [said, setSaid] = useState("");
  const last = useRef(text);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text !== last.current) setSaid((last.current = text));
    }, 1000);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <p role="status" className="sr-only">
      {said}
    </p>
  );
}
