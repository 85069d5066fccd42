/**
 * The list of Monaco's chunks that the build writes into <distDir> after `next build`
 * (scripts/build/monaco-chunks.ts) and the pool page preloads while it hydrates
 * (components/template-editor/monaco-preload.tsx): `{ "<route>": ["static/chunks/….js", …] }`.
 */

/** The list's file name, in <distDir> (and in the standalone server's copy of it). */
export const MONACO_CHUNKS_FILE = "monaco-chunks.json";

/** The route whose chunks are listed: the pool editor, the page that runs Monaco. */
export const MONACO_ROUTE = "/pools/[name]";

/** An entry of the list: a JavaScript chunk of the build's static/chunks. */
export const MONACO_CHUNK_PATH = /^static\/chunks\/[\w.-]+\.js$/;
