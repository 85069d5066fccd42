/**
 * A free TCP port, for the tests and benchmarks that start servers of their own next to the stack
 * (a second Prefect, a private moto, extra app instances, an OpenID provider). No app imports:
 * Playwright specs, Vitest and tsx scripts all load this.
 */
import { createServer } from "node:net";

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
