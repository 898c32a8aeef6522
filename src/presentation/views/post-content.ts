import type { Doc } from "../document/model.js";

/** A scheduled post as sent: HTML text, then optionally a chart photo with its caption. */
export interface PostContent {
  html: string;
  /** The same text as a table model, when it has a table: sent as a rich message where the chat takes one. */
  doc?: Doc;
  chart: (() => Promise<Buffer>) | null;
  caption: string;
}
