import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { HealthReport } from "./health.js";

export interface HttpServerOptions {
  logger: Logger;
  health: () => HealthReport;
  /** The Mini App: answers its own paths (true) and leaves the rest (false). */
  app?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** CRM webhooks (`/crm/…`): answers its own paths (true) and leaves the rest (false). */
  crm?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Webhook mode: POSTs (any path not the app's) carry updates. */
  webhook?: { secret: string; accept: (update: Update) => Promise<void> };
}

/** Telegram's updates are small; anything far larger is not one. */
const MAX_BODY = 1024 * 1024;

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function isUpdate(value: unknown): value is Update {
  return typeof value === "object" && value !== null && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
}

/**
 * The bot's HTTP side: `GET /healthz`, and in webhook mode the updates. A webhook
 * request is answered as soon as its update is stored, before it is handled, so a
 * slow handler never keeps Telegram waiting or makes it send the update again; when
 * it cannot be stored the answer is 500 and Telegram retries.
 */
export function createHttpServer(opts: HttpServerOptions): Server {
  const { logger, webhook } = opts;
  return createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? "/").split("?")[0];
      if (req.method === "GET" && path === "/healthz") {
        const report = opts.health();
        return send(res, report.ok ? 200 : 503, report);
      }
      if (opts.crm && (await opts.crm(req, res))) return;
      if (opts.app && (await opts.app(req, res))) return;
      if (!webhook || req.method !== "POST") return send(res, 404, { ok: false });
      if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], webhook.secret)) return send(res, 401, { ok: false });
      const body = await readBody(req);
      if (body === null) return send(res, 413, { ok: false });
      let update: unknown;
      try {
        update = JSON.parse(body);
      } catch {
        return send(res, 400, { ok: false });
      }
      if (!isUpdate(update)) return send(res, 400, { ok: false });
      try {
        await webhook.accept(update);
      } catch (err) {
        logger.error({ err, update_id: update.update_id }, "could not store an update: Telegram will send it again");
        return send(res, 500, { ok: false });
      }
      send(res, 200, { ok: true });
    })().catch((err: unknown) => {
      logger.error({ err }, "http request failed");
      if (!res.headersSent) send(res, 500, { ok: false });
    });
  });
}
