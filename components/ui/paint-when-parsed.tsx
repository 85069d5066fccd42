/**
 * Holds a page's first paint until the element with `id` (a ParsedMarker) has been parsed, for at
 * most `maxMs`. The hold is a render-blocking `<link rel="expect">`, which React hoists into the
 * head. After `maxMs` a script takes the link's `blocking` attribute away, which lets rendering go
 * on. Chromium 124+ honours the link; other browsers ignore it and paint as soon as they can.
 *
 * Why the pool page holds its paint: it sends its shell (the header and a skeleton) before
 * Prefect has answered, and the editor follows in a streamed Suspense boundary. React reveals such
 * a boundary no sooner than 300 ms after the shell's first frame. When the skeleton was painted
 * first, the editor waited for that throttle even though its markup had already arrived
 * (BENCHMARKS.md, "React's reveal throttle"). If the first frame waits until the editor's markup
 * is parsed, the boundaries that have arrived by then are revealed in that frame.
 *
 * A server component: the script is inline (with the page's CSP nonce) and runs while the HTML is
 * parsed. In a client-side navigation it does not run, and the link is then not render-blocking.
 */
export function PaintWhenParsed({
  id,
  maxMs,
  nonce,
}: {
  id: string;
  maxMs: number;
  nonce?: string | undefined;
}) {
  const href = `#${id}`;
  // the link stays (React removes it when the page unmounts); without `blocking` it holds nothing
  const release = `setTimeout(function(){var l=document.querySelector('link[rel="expect"][href="${href}"]');if(l)l.removeAttribute("blocking")},${maxMs})`;
  return (
    <>
      <link rel="expect" href={href} blocking="render" />
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: release }} />
    </>
  );
}

/** The element a PaintWhenParsed waits for: render it after what the first paint must show. */
export function ParsedMarker({ id }: { id: string }) {
  return <span id={id} hidden />;
}
