"use client";

/**
 * Tabs after the WAI-ARIA tabs pattern: a tablist of tabs (arrow keys, Home and End move between
 * them and select, the selected one is the only tab stop) and the selected tab's panel; the other
 * panels are not rendered. Controlled only (`value` + `onValueChange`), which is how the editor
 * uses them.
 *
 * Our own rather than Radix Tabs: Radix mounts each panel through Presence, whose ref callback sets
 * state during the commit. On the pool page that turned the end of hydration into a synchronous
 * re-render that also flushed every passive effect of the page (~70 ms in a Chromium profile),
 * before the form could take input (BENCHMARKS.md, form editable).
 */
import {
  createContext,
  useContext,
  useId,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
} from "react";

import { cn } from "@/lib/utils";

interface TabsState {
  value: string;
  select(value: string): void;
  idFor(kind: "tab" | "panel", value: string): string;
}

const TabsContext = createContext<TabsState | null>(null);

function useTabs(part: string): TabsState {
  const state = useContext(TabsContext);
  if (!state) throw new Error(`<${part}> must be used inside <Tabs>`);
  return state;
}

export interface TabsProps extends Omit<ComponentProps<"div">, "onChange"> {
  value: string;
  onValueChange(value: string): void;
  children: ReactNode;
}

/** The tab set: holds which tab is selected. */
export function Tabs({ value, onValueChange, children, ...props }: TabsProps) {
  const base = useId();
  const state: TabsState = {
    value,
    select: onValueChange,
    idFor: (kind, v) => `${base}-${kind}-${v}`,
  };
  return (
    <TabsContext.Provider value={state}>
      <div {...props}>{children}</div>
    </TabsContext.Provider>
  );
}

function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const tabs = Array.from(
    event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]:not([disabled])'),
  );
  const at = tabs.indexOf(event.target as HTMLButtonElement);
  if (at < 0) return;
  const next =
    event.key === "ArrowRight"
      ? tabs[(at + 1) % tabs.length]
      : event.key === "ArrowLeft"
        ? tabs[(at - 1 + tabs.length) % tabs.length]
        : event.key === "Home"
          ? tabs[0]
          : event.key === "End"
            ? tabs[tabs.length - 1]
            : undefined;
  if (!next) return;
  event.preventDefault();
  next.focus();
  // automatic activation: the focused tab is the selected one
  next.click();
}

/** The row of tabs. */
export function TabsList({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      role="tablist"
      aria-orientation="horizontal"
      className={cn("inline-flex gap-1 rounded-md bg-muted p-1", className)}
      onKeyDown={moveFocus}
      {...props}
    />
  );
}

export interface TabsTriggerProps extends Omit<ComponentProps<"button">, "value"> {
  value: string;
}

/** One tab; selecting it shows the panel of the same value. */
export function TabsTrigger({ value, className, onClick, ...props }: TabsTriggerProps) {
  const tabs = useTabs("TabsTrigger");
  const selected = tabs.value === value;
  return (
    <button
      type="button"
      role="tab"
      id={tabs.idFor("tab", value)}
      aria-selected={selected}
      aria-controls={tabs.idFor("panel", value)}
      tabIndex={selected ? 0 : -1}
      className={cn(
        "rounded-sm px-2.5 py-1 text-xs font-medium text-muted-foreground aria-selected:bg-card aria-selected:text-foreground aria-selected:shadow-xs",
        className,
      )}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) tabs.select(value);
      }}
      {...props}
    />
  );
}

export interface TabsContentProps extends ComponentProps<"div"> {
  value: string;
}

/** The panel of one tab; rendered only while its tab is selected. */
export function TabsContent({ value, ...props }: TabsContentProps) {
  const tabs = useTabs("TabsContent");
  if (tabs.value !== value) return null;
  return (
    <div
      role="tabpanel"
      id={tabs.idFor("panel", value)}
      aria-labelledby={tabs.idFor("tab", value)}
      tabIndex={0}
      {...props}
    />
  );
}
