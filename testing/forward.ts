/**
 * The forwarding step every test proxy shares (fault injection, call counting, response recording,
 * the ground-truth recorder): sends one request on to `target` as it came and streams the answer
 * back unchanged. An unreachable target answers 502 with a sentence naming the proxy and target.
 */
import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";

export interface ForwardOptions {
  /** the proxy's name, for the 502 sentence */
  name: string;
  /** the request body when the proxy has read it already; otherwise the request is piped on */
  body?: Buffer;
  /** the headers to send; default: the request's, with Host set to the target's */
  headers?: IncomingHttpHeaders;
  /** sees the answer before it streams back (to count it, or to tap its body) */
  onAnswer?: (answer: IncomingMessage) => void;
  /** sees a failed upstream call before the 502 goes out */
  onError?: (error: Error) => void;
}

export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: URL,
  options: ForwardOptions,
): void {
  const out = httpRequest(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: options.headers ?? { ...req.headers, host: target.host },
    },
    (answer) => {
      options.onAnswer?.(answer);
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    },
  );
  out.on("error", (error) => {
    options.onError?.(error);
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end(`${options.name}: ${target.origin} failed: ${error.message}`);
  });
  if (options.body) out.end(options.body);
  else req.pipe(out);
}
