import { ApiError, badRequest } from "./api-error.js";
import type { MethodTable } from "./method-table.js";
import type { Payload } from "./types.js";

const COMMAND_RE = /^[a-z0-9_]{1,32}$/;

/** Commands are stored per (scope, language_code), like Telegram's command lists. */
function commandsKey(payload: Payload): string {
  const scope = (payload.scope ?? {}) as { type?: string; chat_id?: unknown; user_id?: unknown };
  return [scope.type ?? "default", scope.chat_id ?? "", scope.user_id ?? "", payload.language_code ?? ""].map(String).join("|");
}

export const botMethods: MethodTable = {
  getMe(_payload, { state }) {
    return state.botInfo;
  },

  async getUpdates(payload, { state, signal }) {
    if (state.webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    state.updates.setAllowed(parseList(payload.allowed_updates));
    return state.updates.take({ offset: num(payload.offset), limit: num(payload.limit), timeout: num(payload.timeout) }, signal);
  },

  setWebhook(payload, { state }) {
    const url = typeof payload.url === "string" ? payload.url : "";
    if (url === "") state.webhook = undefined;
    else if (!/^https?:\/\//.test(url)) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    else
      state.webhook = {
        url,
        ...(typeof payload.secret_token === "string" ? { secretToken: payload.secret_token } : {}),
        ...(typeof payload.max_connections === "number" ? { maxConnections: payload.max_connections } : {}),
      };
    if (payload.drop_pending_updates === true) state.updates.clear();
    state.updates.setAllowed(parseList(payload.allowed_updates));
    return true;
  },

  deleteWebhook(payload, { state }) {
    state.webhook = undefined;
    if (payload.drop_pending_updates === true) state.updates.clear();
    return true;
  },

  getWebhookInfo(_payload, { state }) {
    const allowed = state.updates.allowedKinds();
    return {
      url: state.webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: state.updates.pending(),
      ...(allowed ? { allowed_updates: allowed } : {}),
    };
  },

  setMyCommands(payload, { state }) {
    const commands: unknown = payload.commands;
    if (!Array.isArray(commands)) throw badRequest('field "commands" must be an Array');
    if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
    for (const c of commands as { command?: unknown; description?: unknown }[]) {
      if (typeof c.command !== "string" || !COMMAND_RE.test(c.command)) throw badRequest("BOT_COMMAND_INVALID");
      if (typeof c.description !== "string" || c.description.length === 0) {
        throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
    }
    state.commands.set(commandsKey(payload), commands);
    return true;
  },

  getMyCommands(payload, { state }) {
    return state.commands.get(commandsKey(payload)) ?? [];
  },

  deleteMyCommands(payload, { state }) {
    state.commands.delete(commandsKey(payload));
    return true;
  },

  setChatMenuButton(payload, { state }) {
    const button = (payload.menu_button ?? {}) as { type?: unknown; text?: unknown; web_app?: { url?: unknown } };
    if (button.type === "web_app") {
      // Telegram opens Mini Apps only over https and needs the button's text.
      if (typeof button.text !== "string" || button.text.length === 0) throw badRequest("BUTTON_TEXT_INVALID");
      if (typeof button.web_app?.url !== "string" || !button.web_app.url.startsWith("https://")) throw badRequest("BUTTON_URL_INVALID");
    }
    state.menuButtons.set(String(payload.chat_id ?? "default"), payload.menu_button ?? { type: "default" });
    return true;
  },

  getChatMenuButton(payload, { state }) {
    return state.menuButtons.get(String(payload.chat_id ?? "default")) ?? { type: "commands" };
  },
};

/** allowed_updates arrives as an array (JSON) or a JSON-encoded string (form posts). */
function parseList(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest("can't parse allowed updates");
  }
}

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}
