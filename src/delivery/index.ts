// Delivery of scheduled posts: rate-limited, fair across chats, follows
// group migrations, reports blocked chats. See delivery.ts.
export { createDelivery, resolveWindows } from "./delivery.js";
export { SendLimiter, TELEGRAM_WINDOWS, isPrivateChat, type LimiterWindows, type RateWindow, type Slot } from "./limiter.js";
export { visibleLength, visibleText, MAX_CAPTION_CHARS, MAX_TEXT_CHARS } from "./html-text.js";
export type {
  Delivery,
  DeliveryHooks,
  DeliveryLimits,
  DeliveryOptions,
  DeliveryOutcome,
  DeliveryStatsSnapshot,
  Outgoing,
} from "./types.js";
