// Delivery of scheduled posts: rate-limited, fair across chats, follows
// group migrations, reports blocked chats. See delivery.ts.
export { createDelivery, resolveWindows } from "./delivery.js";
export { MAX_CAPTION_CHARS, MAX_TEXT_CHARS, visibleLength, visibleText } from "./html-text.js";
export { isPrivateChat, type LimiterWindows, type RateWindow, SendLimiter, type Slot, TELEGRAM_WINDOWS } from "./limiter.js";
export type {
  Delivery,
  DeliveryHooks,
  DeliveryLimits,
  DeliveryOptions,
  DeliveryOutcome,
  DeliveryStatsSnapshot,
  Outgoing,
} from "./types.js";
