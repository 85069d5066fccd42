/**
 * An HTTP relay in front of a server (Prefect, the ECS emulator) that a test turns into a failing
 * one without touching the real server other tests share. It forwards every request unchanged
 * until told otherwise:
 * - `hang()`: requests are accepted and never answered, as by a process stopped with SIGSTOP (the
 *   kernel still accepts its connections); `hang(when)` hangs only the requests `when` picks, e.g.
 *   the PATCH of a push, so a fault can strike at one moment of a sequence;
 * - `down()`: open connections are cut and new ones refused, as when the server died.
 * `restore()` goes back to forwarding on the same port, dropping every request held by a hang.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

import { forward } from "./forward";

export interface FaultProxy {
  /** the relay's origin, e.g. http://127.0.0.1:40123 */
  origin: string;
  /** hangs every request ("hang"), or only those `when` picks */
  hang(when?: (req: IncomingMessage) => boolean): void;
  /** cuts every connection and refuses new ones */
  down(): Promise<void>;
  /** forwards again, on the same port */
  restore(): Promise<void>;
  /** requests held by the current hang, as "METHOD /path" */
  held: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const sockets = new Set<Socket>();
  let hangWhen: ((req: IncomingMessage) => boolean) | null = null;
  const held: string[] = [];
  let server: Server;

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer((req, res) => {
        if (hangWhen?.(req)) {
          // read the request and never answer: the caller waits until its own deadline
          held.push(`${req.method} ${req.url}`);
          req.resume();
          return;
        }
        forward(req, res, target, { name: "fault proxy" });
      });
      server.on("connection", (socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
    });

  const port = await listen(0);
  const cut = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    held,
    hang(when) {
      hangWhen = when ?? (() => true);
    },
    down: cut,
    async restore() {
      hangWhen = null;
      held.length = 0;
      // a hang's held requests end with their connections; the app reconnects
      await cut();
      await listen(port);
    },
    close: cut,
  };
}
