import type { Program } from "../db/repositories/programs.js";
import type { Team } from "../db/repositories/teams.js";
import type { AppDeps } from "./deps.js";

export interface StepState {
  kind: "kb" | "quiz";
  id: number;
  title: string;
  /** When the step was completed (material marked read, quiz finished), or null. */
  doneAt: number | null;
  /** Quiz steps: whether a run was started. */
  started: boolean;
}

export interface ProgramProgress {
  program: Program;
  userId: number;
  steps: StepState[];
  done: number;
  next: StepState | null;
  late: boolean;
}

/** A manager's progress through a program, read from read marks and quiz runs. */
export function programProgress(deps: AppDeps, team: Team, program: Program, userId: number, now: number): ProgramProgress {
  const runs = deps.repos.quizzes.runsOfUser(team.id, userId);
  const steps = program.steps.map((s): StepState => {
    if (s.kind === "kb") {
      const m = deps.repos.knowledgeBase.byId(team.id, s.id);
      const read = deps.repos.knowledgeBase.readsOf(s.id).find((r) => r.userId === userId);
      return { kind: "kb", id: s.id, title: m?.title ?? `#${s.id}`, doneAt: read?.readAt ?? null, started: true };
    }
    const quiz = deps.repos.quizzes.byId(s.id);
    const run = runs.find((r) => r.quizId === s.id);
    return {
      kind: "quiz",
      id: s.id,
      title: quiz?.name ?? `#${s.id}`,
      doneAt: run?.status === "done" ? run.finishedAt : null,
      started: !!run,
    };
  });
  const done = steps.filter((s) => s.doneAt !== null).length;
  const next = steps.find((s) => s.doneAt === null) ?? null;
  return { program, userId, steps, done, next, late: next !== null && now > program.dueAt };
}

/** Every assignee's progress, late ones first. */
export function programTable(deps: AppDeps, team: Team, program: Program, now: number) {
  const names = new Map(deps.repos.memberships.listTeam(team.id).map((m) => [m.user.id, m.user.firstName]));
  return deps.repos.programs
    .assignees(program.id)
    .map((userId) => ({ name: names.get(userId) ?? String(userId), progress: programProgress(deps, team, program, userId, now) }))
    .sort((a, b) => Number(b.progress.late) - Number(a.progress.late) || a.progress.done - b.progress.done || a.name.localeCompare(b.name));
}
