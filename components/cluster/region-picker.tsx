"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";

import { adoptEarlyInput } from "@/components/ui/early-input";
import { Label, NativeSelect } from "@/components/ui/input";

import { AWS_REGIONS, REGION_COOKIE } from "@/lib/ecs/params";

export interface RegionPickerProps {
  region: string;
  /** where to go after picking, e.g. "/clusters" */
  basePath: string;
}

/** The region select; the choice is remembered in a cookie that the server components read. */
export function RegionPicker({ region, basePath }: RegionPickerProps) {
  const router = useRouter();
  const id = useId();
  const regions = (AWS_REGIONS as readonly string[]).includes(region)
    ? AWS_REGIONS
    : [region, ...AWS_REGIONS];
  return (
    // a region picked before the page hydrated is followed once it has
    <div ref={adoptEarlyInput} className="flex items-center gap-2">
      <Label htmlFor={id}>Region</Label>
      <NativeSelect
        id={id}
        className="w-40"
        value={region}
        onChange={(e) => {
          const next = e.target.value;
          document.cookie = `${REGION_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
          router.push(`${basePath}?region=${encodeURIComponent(next)}`);
        }}
      >
        {regions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
