import type { Api } from "grammy";
import type { Locale } from "../config.js";
import { messages } from "../presentation/i18n/index.js";

/** Makes the menu button of every private chat open the Mini App (called at startup when MINIAPP_URL is set). */
export async function setDefaultMenuButton(api: Api, url: string, locale: Locale): Promise<void> {
  await api.setChatMenuButton({ menu_button: { type: "web_app", text: messages[locale].miniapp.open, web_app: { url } } });
}
