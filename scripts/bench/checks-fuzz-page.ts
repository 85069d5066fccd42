/** The page side of the fuzz bench in Chromium: ./checks-fuzz.ts bundles this and calls it. */
import { editorSequence } from "./checks-fuzz-sequence";

(globalThis as { __checksFuzz?: typeof editorSequence }).__checksFuzz = editorSequence;
