import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readPayload } from "./request-body.js";
import type { ApiResponse, Payload } from "./types.js";

/** Answers with `drop` to cut the connection without an answer (a network error for the client). */
export const DROP = "drop";

/** Handles one Bot API call; `undefined` means the client is gone and nothing should be sent. */
export type CallHandler = (
  token: string,
  method: string,
  payload: Payload,
  signal: AbortSignal,
) => Promise<ApiResponse | typeof DROP | undefined>;

/** Serves a file download (`/file/bot<token>/<file_path>`); undefined answers 404. */
export type FileHandler = (token: string, path: string) => Buffer | undefined;

const PATH_RE = /^\/bot([^/]+)\/([^/]+)\/?$/;
const FILE_RE = /^\/file\/bot([^/]+)\/(.+)$/;

/** HTTP transport only: routing `/bot<token>/<method>`, body decoding, status codes. */
export async function listenApi(handler: CallHandler, files?: FileHandler): Promise<{ server: Server; apiRoot: string }> {
  const server = createServer((req, res) => void serve(req, res, handler, files));
  // grammY keeps connections alive; a server-side idle timeout shorter than the
  // client's could close a socket just as the client reuses it (ECONNRESET).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { server, apiRoot: `http://127.0.0.1:${port}` };
}

async function serve(req: IncomingMessage, res: ServerResponse, handler: CallHandler, files?: FileHandler): Promise<void> {
  const controller = new AbortController();
  // `res` closes without finishing when the client aborts (grammY's bot.stop() does that to its long poll).
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  try {
    const url = new URL(req.url ?? "/", "http://fake-telegram");
    const file = FILE_RE.exec(url.pathname);
    if (file && files) {
      const bytes = files(decodeURIComponent(file[1]!), decodeURIComponent(file[2]!));
      if (!bytes) {
        send(res, { ok: false, error_code: 404, description: "Not Found" });
        return;
      }
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length });
      res.end(bytes);
      return;
    }
    const route = PATH_RE.exec(url.pathname);
    if (!route) {
      send(res, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    let payload: Payload;
    try {
      payload = await readPayload(req, url.searchParams);
    } catch (error) {
      send(res, { ok: false, error_code: 400, description: `Bad Request: can't parse request body: ${String(error)}` });
      return;
    }
    const response = await handler(decodeURIComponent(route[1]!), route[2]!, payload, controller.signal);
    if (response === DROP) req.socket.destroy();
    else if (response) send(res, response);
  } catch (error) {
    // A bug in the fake itself: make it loud instead of leaving the bot hanging.
    console.error("fake-telegram: internal error", error);
    send(res, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
  }
}

function send(res: ServerResponse, body: ApiResponse): void {
  if (res.headersSent || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(body.ok ? 200 : (body.error_code ?? 500), {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}
