// Public entry point of the fake Telegram Bot API server for end-to-end tests.
export { startFakeTelegram, DEFAULT_TOKEN, DEFAULT_BOT_USERNAME } from "./fake-telegram.js";
export { DEFAULT_RATE_LIMITS } from "./rate-limiter.js";
export { parseHtml, type FormattedText } from "./html-entities.js";
export { MAX_TEXT_LENGTH, MAX_CAPTION_LENGTH } from "./message-validation.js";
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
