import { describe, expect, it } from "vitest";

import { descriptionText, managedSource, withManagedMarker } from "./managed";

describe("the managed-as-code marker", () => {
  it("is added once at the end, keeping what a person wrote", () => {
    const once = withManagedMarker("Nightly ETL", "github.com/acme/pools");
    expect(once).toBe("Nightly ETL\n\nx-pooldeck-managed: github.com/acme/pools");
    expect(withManagedMarker(once, "gitlab.com/acme/pools")).toBe(
      "Nightly ETL\n\nx-pooldeck-managed: gitlab.com/acme/pools",
    );
    expect(withManagedMarker(null, "pools/etl.pool.json")).toBe(
      "x-pooldeck-managed: pools/etl.pool.json",
    );
  });

  it("is read back, and left out of the text the dashboard shows", () => {
    const d = "Nightly ETL\n\nx-pooldeck-managed: github.com/acme/pools";
    expect(managedSource(d)).toBe("github.com/acme/pools");
    expect(descriptionText(d)).toBe("Nightly ETL");
    expect(managedSource("Nightly ETL")).toBeNull();
    expect(managedSource(null)).toBeNull();
    expect(descriptionText("x-pooldeck-managed: pools")).toBeNull();
  });
});
