"use client";

import dynamic from "next/dynamic";
import { memo, useEffect, useState } from "react";
import type { JsonEditorProps } from "./json-editor";

function Placeholder({ text }: { text: string }) {
  return (
    <div className="relative h-full overflow-auto bg-card">
      <p role="status" className="sticky top-0 bg-card/90 px-3 py-1 text-xs text-muted-foreground">
        Loading the JSON editor…
      </p>
      <pre className="px-3 pb-3 font-mono text-xs text-muted-foreground">{text}</pre>
    </div>
  );
}

const JsonEditor = dynamic(() => import("./json-editor"), {
  ssr: false,
  loading: () => (
    <p role="status" className="px-3 py-1 text-xs text-muted-foreground">
      Loading the JSON editor…
    </p>
  ),
});

/**
 * Monaco, imported and mounted only after the page is interactive (first idle period after
 * hydration), so the form works first. Its chunks are already downloading by then: the pool page
 * preloads them, without running them, while it hydrates (monaco-preload.tsx).
 */
export const MonacoPane = memo(function MonacoPane(props: JsonEditorProps) {
  const [load, setLoad] = useState(false);
  useEffect(() => {
    const start = () => setLoad(true);
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(start, { timeout: 1500 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(start, 200);
    return () => clearTimeout(id);
  }, []);
  // the placeholder shows the loaded text; Monaco takes the current text at mount (getCurrentText)
  if (!load) return <Placeholder text={props.initialText} />;
  return <JsonEditor {...props} />;
});
