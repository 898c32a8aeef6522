// Public entry point of the fake Telegram Bot API server for end-to-end tests.
export { DEFAULT_BOT_USERNAME, DEFAULT_TOKEN, startFakeTelegram } from "./fake-telegram.js";
export { type FormattedText, parseHtml } from "./html-entities.js";
export { MAX_CAPTION_LENGTH, MAX_TEXT_LENGTH } from "./message-validation.js";
export { DEFAULT_RATE_LIMITS } from "./rate-limiter.js";
export type {
  ApiResponse,
  ChatMemberStatus,
  FakeStats,
  FakeTelegram,
  GroupOptions,
  InjectedError,
  Payload,
  RateLimitOptions,
  RateWindow,
  RecordedCall,
  ResponseParameters,
  SendTextOptions,
  StartOptions,
  UploadedFile,
  UserOptions,
  WaitOptions,
} from "./types.js";
