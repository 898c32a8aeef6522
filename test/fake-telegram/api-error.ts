import type { ApiResponse, ResponseParameters } from "./types.js";

/**
 * Thrown by method handlers to answer with a Telegram error body. Throwing
 * (instead of returning) lets validation helpers abort a handler from any
 * depth, exactly like the real server refuses the whole request.
 */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }

  toResponse(): ApiResponse {
    const body: ApiResponse = { ok: false, error_code: this.errorCode, description: this.description };
    if (this.parameters) body.parameters = this.parameters;
    return body;
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);
