/**
 * A tiny HTTP proxy in front of the moto emulator that records every AWS API call a worker makes.
 * One proxy per scenario, so concurrent workers never mix their recordings (moto's own recorder
 * is global to the server). Bodies are recorded before they are forwarded, so a request counts as
 * "sent" even if the emulator then fails it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

import { forward } from "@/testing/forward";

/** One AWS API call as the worker sent it. */
export type RecordedCall = {
  /** "ecs", "ec2", "sqs" … from the SigV4 credential scope. */
  service: string;
  /** "RegisterTaskDefinition", "RunTask", "DescribeVpcs" … */
  operation: string;
  /** JSON protocols: the parsed body; query protocol (EC2): the form fields. */
  body: unknown;
  at: number;
};

export type RecordingProxy = {
  url: string;
  calls: RecordedCall[];
  /** Resolves with the first call of `operation`, rejects after `timeoutMs` or when `abort` fires. */
  waitFor(operation: string, timeoutMs: number, abort?: Promise<string>): Promise<RecordedCall>;
  close(): Promise<void>;
};

function serviceOf(authorization: string | undefined): string {
  // Credential=KEY/20260101/us-east-1/ecs/aws4_request
  const m = /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(authorization ?? "");
  return m?.[1] ?? "unknown";
}

function parseCall(headers: http.IncomingHttpHeaders, raw: string): Omit<RecordedCall, "at"> {
  const service = serviceOf(headers.authorization);
  const target = headers["x-amz-target"];
  if (typeof target === "string") {
    // JSON protocol (ECS, SQS): "AmazonEC2ContainerServiceV20141113.RunTask"
    return {
      service,
      operation: target.slice(target.lastIndexOf(".") + 1),
      body: raw ? (JSON.parse(raw) as unknown) : {},
    };
  }
  const form = Object.fromEntries(new URLSearchParams(raw));
  return { service, operation: form.Action ?? "unknown", body: form };
}

/** Starts a recording proxy on a free port that forwards to `target` (e.g. http://127.0.0.1:5000). */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const calls: RecordedCall[] = [];
  const listeners = new Set<() => void>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      try {
        calls.push({ ...parseCall(req.headers, raw.toString("utf8")), at: Date.now() });
      } catch {
        calls.push({
          service: serviceOf(req.headers.authorization),
          operation: "unparsed",
          body: raw.toString("utf8"),
          at: Date.now(),
        });
      }
      for (const l of listeners) l();
      forward(req, res, upstream, { name: "recording proxy", body: raw });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    waitFor(operation, timeoutMs, abort) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = calls.find((c) => c.operation === operation);
          if (hit) {
            done();
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${operation} call within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        abort?.then(
          (why) => {
            done();
            reject(new Error(`no ${operation} call: ${why}`));
          },
          () => undefined,
        );
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
