// Serves the Mini App of a harness's bot on a local port (as main.ts mounts it)
// and signs launch data the way Telegram does.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { User } from "grammy/types";
import { createWebApp } from "../../src/web/create-web-app.js";
import { signInitData } from "../../src/web/init-data.js";
import { e2e } from "./e2e.js";
import { type Harness, TOKEN } from "./harness.js";

export const MINIAPP_URL = "https://kpi.example/app";

export interface WebServer {
  origin: string;
  close(): Promise<void>;
}

export async function startWebApp(h: Harness): Promise<WebServer> {
  // One app per bot, as the process has; built again only when a harness restart brings new deps.
  let app: { deps: Harness["deps"]; handle: ReturnType<typeof createWebApp> } | undefined;
  const server = createServer((req, res) => {
    if (app?.deps !== h.deps) app = { deps: h.deps, handle: createWebApp(h.deps) };
    void app.handle(req, res).then((done) => {
      if (!done) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The e2e test with the bot's HTTP app: `web` serves it on a free port (MINIAPP_URL set) and
 * is closed after the test, before the harness stops.
 */
export const e2eWeb = e2e.extend({ env: { MINIAPP_URL } }).extend<{ web: WebServer }>({
  web: async ({ h }, use) => {
    const web = await startWebApp(h);
    await use(web);
    await web.close();
  },
});

/** initData for a user, signed for `token` (another bot's token forges it), dated `authDate` (Unix s). */
export function initDataFor(user: User, opts: { token?: string; authDate?: number } = {}): string {
  return signInitData(
    {
      query_id: "AAH-test",
      user: JSON.stringify({ id: user.id, first_name: user.first_name, username: user.username, language_code: user.language_code }),
      auth_date: String(opts.authDate ?? Math.floor(Date.now() / 1000)),
    },
    opts.token ?? TOKEN,
  );
}

export async function api(web: WebServer, path: string, initData: string | null, init: RequestInit = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (initData !== null) headers["authorization"] = `tma ${initData}`;
  const res = await fetch(`${web.origin}${path}`, { ...init, headers });
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field in the tests
  const body = (await res.json().catch(() => null)) as any;
  return { status: res.status, body, headers: res.headers };
}
