import type { Program } from "../db/repositories/programs.js";
import type { Team } from "../db/repositories/teams.js";
import { foldText } from "../domain/search-text.js";
import type { AppDeps } from "./deps.js";

export type { Program };

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

/** A new program of the team; null when it has one by that name. */
export function createProgram(
  deps: AppDeps,
  teamId: number,
  createdBy: number,
  draft: Pick<Program, "name" | "steps" | "dueAt">,
  now: number,
): Program | null {
  return deps.repos.programs.create({ teamId, ...draft, nameKey: foldText(draft.name), createdBy, createdAt: now });
}

/** Gives a program to a person; false when they have it already. */
export function assignProgram(deps: AppDeps, programId: number, userId: number, now: number): boolean {
  return deps.repos.programs.assign(programId, userId, now);
}

export function teamPrograms(deps: AppDeps, teamId: number): Program[] {
  return deps.repos.programs.list(teamId);
}

/** The programs given to a person. */
export function programsOf(deps: AppDeps, teamId: number, userId: number): Program[] {
  return deps.repos.programs.ofUser(teamId, userId);
}
