// What `/edit` and `/void` say, read into a request; pure. Whether the speaker may
// change that entry is decided when it is applied (services/corrections.ts).
import { parseAmount, splitAmountAndRest } from "./amounts.js";
import { MAX_CLIENT_LENGTH, MAX_REASON_LENGTH, parseOutcome } from "./entry-parsing.js";
import type { CallOutcome } from "./types.js";

export const EDIT_FIELDS = ["amount", "client", "outcome"] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

// A Map: a typed "constructor" is no field.
const FIELD_WORDS: ReadonlyMap<string, EditField> = new Map([
  ["amount", "amount"],
  ["sum", "amount"],
  ["сумма", "amount"],
  ["сумму", "amount"],
  ["client", "client"],
  ["клиент", "client"],
  ["outcome", "outcome"],
  ["result", "outcome"],
  ["итог", "outcome"],
  ["результат", "outcome"],
]);

export type EditValue =
  | { field: "amount"; amountMinor: number }
  | { field: "client"; clientName: string }
  | { field: "outcome"; outcome: CallOutcome };

/** Which entry: one named by its id ("#123"), or the speaker's last one. */
export type EntryTarget = { id: number } | "last";

export type EditRequest =
  /** `/edit` alone: offer the last entry and today's list. */
  | { kind: "menu" }
  /** `/edit #123`: show that entry and how to change it. */
  | { kind: "pick"; id: number }
  | { kind: "change"; target: EntryTarget; value: EditValue; reason: string | null };

export type EditParseError =
  | { error: "form" }
  | { error: "field"; word: string }
  | { error: "amount"; detail: string }
  | { error: "outcome"; word: string }
  | { error: "client_required" }
  | { error: "client_too_long" }
  | { error: "reason_required" }
  | { error: "reason_too_long" };

const ID = /^#?(\d{1,12})$/;
// The reason follows a dash: "/edit #12 client Acme — опечатка".
const REASON_SEP = /\s+(?:—|–|--|-)\s+/;

function reasonOf(text: string): { ok: true; reason: string | null } | { ok: false; error: "reason_too_long" } {
  const reason = text.replace(/\s+/g, " ").trim() || null;
  return reason && reason.length > MAX_REASON_LENGTH ? { ok: false, error: "reason_too_long" } : { ok: true, reason };
}

/** Reads a field's value and what follows it; for an amount or outcome the words after the value are the reason. */
function readValue(field: EditField, text: string): { value: EditValue; rest: string } | EditParseError {
  const [main = "", ...after] = text.split(REASON_SEP);
  const dashed = after.join(" — ");
  switch (field) {
    case "amount": {
      const { amountText, rest } = splitAmountAndRest(main.trim());
      if (!amountText) return { error: "amount", detail: main.trim().split(/\s+/)[0] ?? "" };
      const amount = parseAmount(amountText);
      if ("error" in amount) return { error: "amount", detail: amountText };
      return { value: { field, amountMinor: amount.minor }, rest: [rest, dashed].filter(Boolean).join(" — ") };
    }
    case "outcome": {
      const [word = "", ...rest] = main.trim().split(/\s+/);
      const outcome = parseOutcome(word);
      if (!outcome) return { error: "outcome", word };
      return { value: { field, outcome }, rest: [rest.join(" "), dashed].filter(Boolean).join(" — ") };
    }
    case "client": {
      const name = main.replace(/\s+/g, " ").trim();
      if (!name) return { error: "client_required" };
      if (name.length > MAX_CLIENT_LENGTH) return { error: "client_too_long" };
      return { value: { field, clientName: name }, rest: dashed };
    }
  }
}

/** `/edit [#id] <field> <value> [— reason]`, `/edit #id`, or `/edit` alone. */
export function parseEditCommand(args: string): EditRequest | EditParseError {
  const text = args.replace(/\s+/g, " ").trim();
  if (!text) return { kind: "menu" };
  const words = text.split(" ");
  let target: EntryTarget = "last";
  const id = ID.exec(words[0]!);
  if (id && (words[0]!.startsWith("#") || words.length > 1)) {
    target = { id: Number(id[1]) };
    words.shift();
    if (words.length === 0) return { kind: "pick", id: target.id };
  }
  const fieldWord = words.shift()!.toLocaleLowerCase("ru");
  const field = FIELD_WORDS.get(fieldWord);
  if (!field) return { error: "field", word: fieldWord };
  const read = readValue(field, words.join(" "));
  if ("error" in read) return read;
  const reason = reasonOf(read.rest);
  if (!reason.ok) return { error: reason.error };
  return { kind: "change", target, value: read.value, reason: reason.reason };
}

/** `/void #id <reason>`: the reason is required. */
export function parseVoidCommand(args: string): { id: number; reason: string } | EditParseError {
  const [first = "", ...rest] = args.replace(/\s+/g, " ").trim().split(" ");
  const id = ID.exec(first);
  if (!id) return { error: "form" };
  const reason = reasonOf(rest.join(" ").replace(/^(?:—|–|--|-)\s*/, ""));
  if (!reason.ok) return { error: reason.error };
  if (!reason.reason) return { error: "reason_required" };
  return { id: Number(id[1]), reason: reason.reason };
}
