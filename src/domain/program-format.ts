// `/program new <name> <due dd.mm[.yyyy]> [@user|all]` with one step a line:
// `kb <material number>` or `quiz <quiz name>`.

export interface ProgramDraft {
  name: string;
  /** Local date YYYY-MM-DD, or null when the header names none. */
  due: { day: number; month: number; year: number | null } | null;
  who: string | null;
  steps: ({ kind: "kb"; id: number; line: number } | { kind: "quiz"; name: string; line: number })[];
}

export type ProgramError = { line: number; code: "no_name" | "no_due" | "bad_step" | "no_steps" };

export function parseProgram(header: string, body: string): { ok: true; draft: ProgramDraft } | { ok: false; errors: ProgramError[] } {
  const errors: ProgramError[] = [];
  const words = header.trim().split(/\s+/).filter(Boolean);
  let due: ProgramDraft["due"] = null;
  let who: string | null = null;
  const name: string[] = [];
  for (const w of words) {
    const d = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?$/.exec(w);
    if (d && !due) due = { day: Number(d[1]), month: Number(d[2]), year: d[3] ? Number(d[3]) : null };
    else if (w.startsWith("@") || /^(all|все|всем)$/i.test(w)) who = w;
    else name.push(w);
  }
  if (name.length === 0) errors.push({ line: 1, code: "no_name" });
  if (!due) errors.push({ line: 1, code: "no_due" });
  const steps: ProgramDraft["steps"] = [];
  for (const [i, raw] of body.split(/\r?\n/).entries()) {
    const line = i + 2;
    const text = raw.trim();
    if (!text) continue;
    const kb = /^(?:kb|материал)\s+#?(?:\/kb_)?(\d+)$/i.exec(text) ?? /^\/kb_(\d+)$/.exec(text);
    const quiz = /^(?:quiz|тест)\s+(.+)$/i.exec(text);
    if (kb) steps.push({ kind: "kb", id: Number(kb[1]), line });
    else if (quiz) steps.push({ kind: "quiz", name: quiz[1]!.trim(), line });
    else errors.push({ line, code: "bad_step" });
  }
  if (steps.length === 0 && errors.length === 0) errors.push({ line: 2, code: "no_steps" });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, draft: { name: name.join(" "), due, who, steps } };
}
