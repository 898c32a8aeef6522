import { InputFile } from "grammy";
import { clip, escapeHtml, MAX_CAPTION } from "../presentation/html.js";
import type { BotContext } from "./context.js";

/**
 * Sends a chart under the text it illustrates. A chart that fails to render is
 * logged and skipped: the numbers were already sent. `caption` is plain text (it
 * carries team and report names as typed), escaped here for the HTML default.
 */
export async function replyWithChart(
  ctx: BotContext,
  render: () => Promise<Buffer>,
  caption: string,
  filename = "chart.png",
): Promise<void> {
  let png: Buffer;
  try {
    png = await render();
  } catch (err) {
    ctx.log.error({ err }, "chart render failed");
    return;
  }
  await ctx.replyWithPhoto(new InputFile(png, filename), { caption: escapeHtml(clip(caption, MAX_CAPTION)) });
}
