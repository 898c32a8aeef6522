import { InlineKeyboard, Keyboard } from "grammy";
import type { ActivityKind } from "../../domain/types.js";
import type { Messages } from "../../presentation/i18n/index.js";

const KINDS: ActivityKind[] = ["call", "meeting", "proposal", "presentation", "lead", "deal", "lost"];

/** The persistent one-tap keyboard of the private chat. */
export function mainKeyboard(t: Messages): Keyboard {
  const b = t.buttons;
  return new Keyboard()
    .text(b.call)
    .text(b.meeting)
    .row()
    .text(b.proposal)
    .text(b.presentation)
    .row()
    .text(b.lead)
    .text(b.deal)
    .text(b.lost)
    .row()
    .text(b.me)
    .text(b.undo)
    .resized()
    .persistent();
}

/** Which kind a reply-keyboard button stands for, in either language. */
export function kindForButton(text: string, all: Messages[]): ActivityKind | "me" | "undo" | null {
  for (const t of all) {
    for (const kind of KINDS) if (t.buttons[kind] === text) return kind;
    if (t.buttons.me === text) return "me";
    if (t.buttons.undo === text) return "undo";
  }
  return null;
}

export function allButtonLabels(all: Messages[]): string[] {
  return all.flatMap((t) => [...KINDS.map((k) => t.buttons[k]), t.buttons.me, t.buttons.undo]);
}

/** Inline buttons for /log: callback data "log:<kind>". */
export function logKindsInline(t: Messages): InlineKeyboard {
  const kb = new InlineKeyboard();
  KINDS.forEach((kind, i) => {
    kb.text(t.buttons[kind], `log:${kind}`);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

export function isActivityKind(value: string): value is ActivityKind {
  return (KINDS as string[]).includes(value);
}
