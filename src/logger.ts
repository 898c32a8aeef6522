import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

export interface LoggerOptions {
  /**
   * Values no line may carry (the bot token, webhook and API secrets: `config.secrets`).
   * A network error's message, cause and stack hold the request URL, and the Bot API's
   * URL holds the token; whatever field a secret hides in, it is replaced in the finished line.
   */
  secrets?: readonly string[] | undefined;
  /** Where lines go: standard output unless given (tests capture them). */
  destination?: DestinationStream | undefined;
}

export const REDACTED = "[REDACTED]";

/**
 * Every shape a secret can take in a JSON log line: as is, escaped inside a JSON string,
 * and URL-encoded (a query string or a path segment). Longest first, so no shape is cut
 * in two by a shorter one.
 */
function secretShapes(secrets: readonly string[]): string[] {
  const shapes = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    shapes.add(secret);
    shapes.add(JSON.stringify(secret).slice(1, -1));
    shapes.add(encodeURIComponent(secret));
  }
  return [...shapes].sort((a, b) => b.length - a.length);
}

/** Strips secrets from a finished line (null: nothing to strip). */
export function secretScrubber(secrets: readonly string[]): ((line: string) => string) | null {
  const shapes = secretShapes(secrets);
  if (shapes.length === 0) return null;
  return (line) => {
    let out = line;
    for (const shape of shapes) if (out.includes(shape)) out = out.split(shape).join(REDACTED);
    return out;
  };
}

/**
 * The one logger of the process. Secrets are removed from the serialized line (pino's
 * streamWrite hook): after serializers, children's bindings and nested errors are all
 * written out, so nothing can add a field that escapes it.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const scrub = secretScrubber(options.secrets ?? []);
  const settings = { level, base: { app: "kpi-coach" }, ...(scrub ? { hooks: { streamWrite: scrub } } : {}) };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
