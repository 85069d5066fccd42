/**
 * A reverse proxy that forwards every request unchanged and remembers what went through: for AWS
 * the API action (the JSON protocols' X-Amz-Target, the query protocol's Action) and the cluster
 * a call names; for Prefect the method and path with ids collapsed. The load test puts one in front
 * of the ECS emulator and one in front of Prefect, so it can count the app's upstream calls.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { forward } from "./forward";

export interface UpstreamCall {
  /** ms since the proxy started */
  at: number;
  /** "DescribeClusters", "GetLogEvents", "DescribeAutoScalingGroups", "GET /work_pools/{id}" … */
  action: string;
  /** the cluster an ECS call names, when it names exactly one */
  cluster: string | null;
  status: number;
}

export interface CountingProxy {
  url: string;
  calls: UpstreamCall[];
  close(): Promise<void>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The AWS action a request calls, from its X-Amz-Target header or its query-protocol body. */
export function awsActionOf(target: string | undefined, body: string): string {
  if (target) return target.slice(target.lastIndexOf(".") + 1);
  const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body);
  return action ? action[1]! : "unknown";
}

/** The one cluster an ECS request body names (`cluster`, or a single-element `clusters`). */
export function clusterOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { cluster?: unknown; clusters?: unknown };
    if (typeof parsed.cluster === "string") return parsed.cluster.replace(/^.*cluster\//, "");
    if (Array.isArray(parsed.clusters) && parsed.clusters.length === 1) {
      const only: unknown = parsed.clusters[0];
      if (typeof only === "string") return only.replace(/^.*cluster\//, "");
    }
  } catch {
    // not JSON (query protocol)
  }
  return null;
}

/** A Prefect call as "METHOD /path" with ids and names in it collapsed, so calls group by route. */
export function prefectActionOf(method: string, url: string): string {
  const path = url
    .split("?")[0]!
    .replace(/^\/api/, "")
    .replace(UUID, "{id}");
  const named = path.replace(
    /^\/(work_pools|deployments\/name)\/(?!filter$|count$)[^/]+/,
    "/$1/{name}",
  );
  return `${method} ${named}`;
}

/** Starts a counting proxy to `upstream` on a free port; `kind` decides how calls are named. */
export async function startCountingProxy(
  upstream: string,
  kind: "aws" | "prefect",
): Promise<CountingProxy> {
  const target = new URL(upstream);
  const calls: UpstreamCall[] = [];
  const started = Date.now();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const text = body.toString("utf8");
      const amzTarget = req.headers["x-amz-target"];
      const action =
        kind === "aws"
          ? awsActionOf(typeof amzTarget === "string" ? amzTarget : undefined, text)
          : prefectActionOf(req.method ?? "GET", req.url ?? "/");
      const call: UpstreamCall = {
        at: Date.now() - started,
        action,
        cluster: kind === "aws" ? clusterOf(text) : null,
        status: 0,
      };
      calls.push(call);
      forward(req, res, target, {
        name: "counting proxy",
        body,
        onAnswer: (answer) => (call.status = answer.statusCode ?? 0),
        onError: () => (call.status = 502),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
