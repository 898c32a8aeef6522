import { InlineKeyboard, Keyboard } from "grammy";
import { ACTIVITY_KINDS, type ActivityKind } from "../../domain/types.js";
import type { Messages } from "../../presentation/i18n/index.js";

/** Kinds two to a row, in the domain's order; an odd one out joins the last row (7 → 2, 2, 3). */
function kindRows(): ActivityKind[][] {
  const rows: ActivityKind[][] = [];
  for (let i = 0; i < ACTIVITY_KINDS.length; i += 2) rows.push(ACTIVITY_KINDS.slice(i, i + 2));
  if (rows.length > 1 && rows.at(-1)!.length === 1) rows.at(-2)!.push(...rows.pop()!);
  return rows;
}

/** The persistent one-tap keyboard of the private chat: every kind, then /me and undo. */
export function mainKeyboard(t: Messages): Keyboard {
  const b = t.buttons;
  const kb = new Keyboard();
  for (const row of kindRows()) {
    for (const kind of row) kb.text(b[kind]);
    kb.row();
  }
  return kb.text(b.me).text(b.undo).resized().persistent();
}

/** Which kind a reply-keyboard button stands for, in either language. */
export function kindForButton(text: string, all: Messages[]): ActivityKind | "me" | "undo" | null {
  for (const t of all) {
    for (const kind of ACTIVITY_KINDS) if (t.buttons[kind] === text) return kind;
    if (t.buttons.me === text) return "me";
    if (t.buttons.undo === text) return "undo";
  }
  return null;
}

export function allButtonLabels(all: Messages[]): string[] {
  return all.flatMap((t) => [...ACTIVITY_KINDS.map((k) => t.buttons[k]), t.buttons.me, t.buttons.undo]);
}

/** Inline buttons for /log: callback data "log:<kind>". */
export function logKindsInline(t: Messages): InlineKeyboard {
  const kb = new InlineKeyboard();
  ACTIVITY_KINDS.forEach((kind, i) => {
    kb.text(t.buttons[kind], `log:${kind}`);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

export function isActivityKind(value: string): value is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(value);
}
