"use client";

/**
 * Inputs whose text is not a plain function of the stored value ("subnet-a, " while typing a
 * list, "" while clearing a number): they keep what the user typed locally and re-sync only when
 * the document changes underneath them (Monaco, a preset, undo).
 */
import { useState, type InputHTMLAttributes } from "react";
import { Input } from "@/components/ui/input";

type BaseProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "defaultValue">;

function useSyncedText<T>(
  value: T,
  format: (v: T) => string,
  parse: (s: string) => T,
  equal: (a: T, b: T) => boolean,
) {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  if (!equal(seen, value)) {
    // the document changed elsewhere: show it, unless it is what this text already means
    setSeen(value);
    if (!equal(parse(text), value)) setText(format(value));
  }
  return [text, setText] as const;
}

const listEqual = (a: string[] | undefined, b: string[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** Parses "a, b  c" into ["a", "b", "c"]. */
export function parseList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A comma or space separated list of ids. */
export function ListInput({
  value,
  onValueChange,
  ...props
}: BaseProps & { value: string[] | undefined; onValueChange(next: string[]): void }) {
  const [text, setText] = useSyncedText(value, (v) => (v ?? []).join(", "), parseList, listEqual);
  return (
    <Input
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValueChange(parseList(e.target.value));
      }}
    />
  );
}

/** A number; empty means "no value". */
export function NumberInput({
  value,
  onValueChange,
  integer = true,
  ...props
}: BaseProps & {
  value: number | undefined;
  onValueChange(next: number | undefined): void;
  integer?: boolean;
}) {
  const parse = (s: string) => (s.trim() === "" || Number.isNaN(Number(s)) ? undefined : Number(s));
  const [text, setText] = useSyncedText(
    value,
    (v) => (v === undefined ? "" : String(v)),
    parse,
    (a, b) => a === b,
  );
  return (
    <Input
      {...props}
      inputMode={integer ? "numeric" : "decimal"}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const next = parse(e.target.value);
        if (e.target.value.trim() === "" || next !== undefined) onValueChange(next);
      }}
    />
  );
}

/** A JSON value typed as text; committed whenever it parses. */
export function JsonInput({
  value,
  onValueChange,
  ...props
}: BaseProps & { value: unknown; onValueChange(next: unknown): void }) {
  const format = (v: unknown) => (v === undefined ? "" : JSON.stringify(v));
  const parse = (s: string): unknown => {
    if (s.trim() === "") return undefined;
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return Symbol.for("invalid");
    }
  };
  const [text, setText] = useSyncedText(
    value,
    format,
    parse,
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
  );
  const invalid = typeof parse(text) === "symbol";
  return (
    <Input
      {...props}
      className="font-mono text-xs"
      aria-invalid={invalid || undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const next = parse(e.target.value);
        if (typeof next !== "symbol") onValueChange(next);
      }}
    />
  );
}
