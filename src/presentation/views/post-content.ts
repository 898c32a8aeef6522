/** A scheduled post as sent: HTML text, then optionally a chart photo with its caption. */
export interface PostContent {
  html: string;
  chart: (() => Promise<Buffer>) | null;
  caption: string;
}
