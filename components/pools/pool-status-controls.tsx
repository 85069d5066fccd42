"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { usePushPermission } from "@/components/auth/operator-context";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { adoptEarlyInput } from "@/components/ui/early-input";
import { setPoolConcurrency } from "@/lib/actions/set-pool-concurrency";
import { setPoolPaused } from "@/lib/actions/set-pool-paused";

export interface PoolStatusControlsProps {
  name: string;
  paused: boolean;
  concurrencyLimit: number | null;
}

/** Pause/resume switch and concurrency limit of one pool; errors shown in place, values re-read after each write. */
export function PoolStatusControls({ name, paused, concurrencyLimit }: PoolStatusControlsProps) {
  const router = useRouter();
  // viewers see the state, not the controls' power (the actions refuse them anyway)
  const permission = usePushPermission();
  const [limit, setLimit] = useState(concurrencyLimit === null ? "" : String(concurrencyLimit));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const locked = pending || !permission.allowed;
  const limitValue = limit.trim() === "" ? null : Number(limit);
  const limitValid = limitValue === null || (Number.isInteger(limitValue) && limitValue >= 0);

  const run = (action: () => Promise<{ ok: true } | { ok: false; error: string }>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : result.error);
      if (result.ok) router.refresh();
    });

  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-1.5 text-xs">
        <Switch
          checked={!paused}
          disabled={locked}
          title={permission.reason ?? undefined}
          aria-label={`${name} accepts runs`}
          onCheckedChange={(on) => run(() => setPoolPaused({ name, paused: !on }))}
        />
        {paused ? "Paused" : "Active"}
      </label>
      <form
        // a limit typed before the list hydrated becomes the form's value, not only the field's
        ref={adoptEarlyInput}
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (limitValid) run(() => setPoolConcurrency({ name, limit: limitValue }));
        }}
      >
        <div className="w-24">
          <Input
            aria-label={`Concurrency limit of ${name}`}
            aria-invalid={!limitValid || undefined}
            inputMode="numeric"
            disabled={!permission.allowed}
            title={permission.reason ?? undefined}
            placeholder="no limit"
            className="h-7 text-xs"
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
          />
        </div>
        <Button
          type="submit"
          size="sm"
          disabled={locked || !limitValid || limitValue === concurrencyLimit}
          title={permission.reason ?? undefined}
        >
          Set limit
        </Button>
      </form>
      {error ? (
        <p role="alert" className="basis-full text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
