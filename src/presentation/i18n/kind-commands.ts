// Each activity kind is a logging command (`/call`, `/deal`, …). Its words live in
// one exhaustive record per language; the forms shown after a bad entry, the /help
// lines and the command menu are all built from it, so a new kind needs words
// once and the compiler asks for them.

import { ACTIVITY_KINDS, type ActivityKind } from "../../domain/types.js";
import { escapeHtml } from "../html.js";

export interface KindCommand {
  /** The arguments as a user types them: "<сумма> [клиент]". */
  args: string;
  /** What /help says the command logs. */
  help: string;
  /** The command's name in Telegram's command menu (the arguments follow it). */
  menu: string;
  /** Examples appended to the form shown after a bad entry. */
  example?: string;
}

/** "/deal <сумма> [клиент]  напр. …" for each kind: the form a refusal shows. */
export function commandForms(commands: Record<ActivityKind, KindCommand>): Record<ActivityKind, string> {
  const form = (k: ActivityKind) => {
    const c = commands[k];
    return `/${k} ${c.args}${c.example ? `  ${c.example}` : ""}`;
  };
  return Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, form(k)])) as Record<ActivityKind, string>;
}

/** The /help lines of the logging commands (HTML), in the domain's order. */
export function commandHelpLines(commands: Record<ActivityKind, KindCommand>): string {
  return ACTIVITY_KINDS.map((k) => `/${k} ${escapeHtml(commands[k].args)} — ${commands[k].help}`).join("\n");
}

/** "a, b or c" with the language's word for "or". */
export function orList(words: readonly string[], or: string): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} ${or} ${words.at(-1)}`;
}
