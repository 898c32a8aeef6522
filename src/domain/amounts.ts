// Money as typed by sales people ("1,5 млн", "50к", "50 000 ₽"); it is shown
// back by presentation/format/money.ts. Amounts are integer kopecks (minor
// units) everywhere; parsing goes through BigInt on the digit string so
// "1.15 млн" never picks up float noise.

export type AmountError = "format" | "zero" | "negative" | "too_large";
export type AmountResult = { minor: number } | { error: AmountError };

/** Largest accepted amount: 10^12 rubles, in kopecks (still a safe integer). */
export const MAX_AMOUNT_MINOR = 10 ** 14;

// Digit groups may be separated by a space, NBSP, thin space or narrow NBSP
// (what phones and Intl insert when people paste numbers).
const GROUP_SEP = "[ \\u00A0\\u2009\\u202F]";
const NUMBER_SRC = `(\\d{1,3}(?:${GROUP_SEP}\\d{3})+|\\d+)(?:[.,](\\d+))?`;
// Multipliers: thousand / million / billion, Latin and Cyrillic spellings.
const MULT_SRC = "(k|к|тыс\\.?|m|mln|млн\\.?|b|bn|млрд\\.?)";
const CURRENCY_SRC = "(?:₽|р\\.?|руб\\.?|rub\\.?)";
const AMOUNT_RE = new RegExp(
  // Anchored at both ends, so no trailing-letter guards are needed.
  `^([-−])?\\s*${NUMBER_SRC}\\s*${MULT_SRC}?\\s*${CURRENCY_SRC}?$`,
  "iu",
);

const MULT_EXP: Record<string, number> = {
  k: 3,
  к: 3,
  тыс: 3,
  m: 6,
  mln: 6,
  млн: 6,
  b: 9,
  bn: 9,
  млрд: 9,
};

/**
 * Parses an amount in rubles into integer kopecks, rounding half up to the
 * kopeck. A fraction of more than two digits without a multiplier ("50,000",
 * "1.500") is rejected as "format": it is almost always a thousands separator,
 * and reading it as 50 rubles would silently corrupt revenue.
 */
export function parseAmount(text: string): AmountResult {
  const m = AMOUNT_RE.exec(text.trim());
  if (m === null) return { error: "format" };
  const negative = m[1] !== undefined;
  const intDigits = m[2]!.replace(/\D/g, "");
  const fracDigits = m[3] ?? "";
  const multKey = m[4]?.toLowerCase().replace(/\.$/, "");
  const exp = multKey === undefined ? 0 : MULT_EXP[multKey]!;
  if (multKey === undefined && fracDigits.length > 2) return { error: "format" };

  // value = 0.<frac> shifted: digits × 10^(exp + 2 − fracLen) kopecks.
  const digits = BigInt(intDigits + fracDigits);
  const scale = exp + 2 - fracDigits.length;
  let minor: bigint;
  if (scale >= 0) {
    minor = digits * 10n ** BigInt(scale);
  } else {
    const div = 10n ** BigInt(-scale);
    minor = (digits + div / 2n) / div; // half up
  }
  if (minor === 0n) return { error: "zero" };
  if (negative) return { error: "negative" };
  if (minor > BigInt(MAX_AMOUNT_MINOR)) return { error: "too_large" };
  return { minor: Number(minor) };
}

/**
 * Splits "1,5 млн ООО Ромашка" into the amount tokens and the rest, for
 * `/deal <amount> [client…]`. Takes the longest run of leading whitespace-separated
 * tokens that parseAmount accepts (or rejects for a reason other than format, so
 * "-500 Acme" still reports "negative"). When no prefix looks like an amount, the
 * first token is returned as amountText so the caller can echo it in the error.
 */
export function splitAmountAndRest(text: string): { amountText: string; rest: string } {
  const trimmed = text.trim();
  const tokens = [...trimmed.matchAll(/\S+/g)];
  if (tokens.length === 0) return { amountText: "", rest: "" };
  // An amount is at most a handful of tokens: "1 250 000 , 50"-style input is not supported.
  const maxTokens = Math.min(tokens.length, 8);
  for (let n = maxTokens; n >= 1; n--) {
    const last = tokens[n - 1]!;
    const end = last.index + last[0].length;
    const candidate = trimmed.slice(0, end);
    const parsed = parseAmount(candidate);
    if (!("error" in parsed) || parsed.error !== "format") {
      return { amountText: candidate, rest: cleanRest(trimmed.slice(end)) };
    }
  }
  const first = tokens[0]!;
  return { amountText: first[0], rest: cleanRest(trimmed.slice(first[0].length)) };
}

// "50000 — Acme" or "50000: Acme": drop the separator people put after the amount.
function cleanRest(rest: string): string {
  return rest.replace(/^[\s—–\-:,;]+/u, "").trim();
}
