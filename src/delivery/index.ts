// Delivery of scheduled posts: rate-limited, fair across chats, follows
// group migrations, reports blocked chats. See delivery.ts.
export { createDelivery } from "./delivery.js";
export type { LimiterWindows } from "./limiter.js";
export type * from "./types.js";
