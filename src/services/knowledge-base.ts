import type { Material } from "../db/repositories/knowledge-base.js";
import type { Team } from "../db/repositories/teams.js";
import { foldText, matchesAll, searchWords } from "../domain/search-text.js";
import type { AppDeps } from "./deps.js";

export type { Material };

/** What a knowledge-base search found; `tags` (the team's known ones) lets an empty answer list them. */
export interface KbListing {
  materials: Material[];
  useful: Map<number, number>;
  tags: string[];
}

const RECENT = 5;

/** The text a material is searched by: title, text and tags, folded. */
export function materialSearchText(title: string, body: string, tags: string[]): string {
  return foldText([title, body, ...tags.map((t) => `#${t}`)].join(" "));
}

/** Every tag used by the team's materials and quizzes, sorted. */
export function knownTags(deps: AppDeps, team: Team): string[] {
  const tags = new Set<string>();
  for (const m of deps.repos.knowledgeBase.list(team.id)) for (const t of m.tags) tags.add(t);
  for (const q of deps.repos.quizzes.list(team.id)) for (const t of q.tags) tags.add(t);
  return [...tags].sort();
}

/**
 * `/kb` alone: the newest materials and the most useful ones; `/kb #tag`: those with
 * the tag; `/kb words`: those containing every word (case- and ё/е-insensitive).
 */
export function findMaterials(deps: AppDeps, team: Team, query: string): KbListing {
  const all = deps.repos.knowledgeBase.list(team.id);
  const useful = deps.repos.knowledgeBase.usefulCounts(team.id);
  const tags = knownTags(deps, team);
  const q = query.trim();
  if (!q) {
    const recent = all.slice(0, RECENT);
    const best = [...all]
      .filter((m) => (useful.get(m.id) ?? 0) > 0)
      .sort((a, b) => (useful.get(b.id) ?? 0) - (useful.get(a.id) ?? 0))
      .slice(0, RECENT);
    const seen = new Set(recent.map((m) => m.id));
    return { materials: [...recent, ...best.filter((m) => !seen.has(m.id))], useful, tags };
  }
  if (q.startsWith("#")) {
    const tag = foldText(q.slice(1));
    return { materials: all.filter((m) => m.tags.includes(tag)), useful, tags };
  }
  const words = searchWords(q);
  return { materials: all.filter((m) => matchesAll(m.searchText, words)), useful, tags };
}

export function materialsTagged(deps: AppDeps, team: Team, tag: string): Material[] {
  return deps.repos.knowledgeBase.list(team.id).filter((m) => m.tags.includes(tag));
}

export interface ReaderRow {
  name: string;
  readAt: number | null;
  usefulAt: number | null;
}

/** Each manager of the team and whether they read / found the material useful. */
export function readersOf(deps: AppDeps, team: Team, materialId: number): ReaderRow[] {
  const reads = new Map(deps.repos.knowledgeBase.readsOf(materialId).map((r) => [r.userId, r]));
  return deps.repos.memberships
    .listTeam(team.id)
    .filter((m) => m.membership.role === "manager")
    .map((m) => ({
      name: m.user.firstName,
      readAt: reads.get(m.user.id)?.readAt ?? null,
      usefulAt: reads.get(m.user.id)?.usefulAt ?? null,
    }));
}

/** What a head gives a new material; its search text is derived here. */
export type MaterialDraft = Pick<Material, "title" | "body" | "fileId" | "fileKind" | "link" | "tags">;

export function saveMaterial(deps: AppDeps, teamId: number, createdBy: number, draft: MaterialDraft, now: number): Material {
  return deps.repos.knowledgeBase.add({
    teamId,
    ...draft,
    searchText: materialSearchText(draft.title, draft.body, draft.tags),
    createdBy,
    createdAt: now,
  });
}

/** A live material of the team by id. */
export function materialById(deps: AppDeps, teamId: number, id: number): Material | undefined {
  return deps.repos.knowledgeBase.byId(teamId, id);
}

/** Replaces a material's title, tags, text and link (the file stays). */
export function updateMaterial(
  deps: AppDeps,
  teamId: number,
  id: number,
  patch: Pick<Material, "title" | "body" | "tags" | "link">,
): boolean {
  return deps.repos.knowledgeBase.update(teamId, id, { ...patch, searchText: materialSearchText(patch.title, patch.body, patch.tags) });
}

/** A reader marks a material read (or useful). */
export function markMaterial(deps: AppDeps, materialId: number, userId: number, what: "read" | "useful", now: number): void {
  deps.repos.knowledgeBase.mark(materialId, userId, what, now);
}

export function removeMaterial(deps: AppDeps, teamId: number, id: number, now: number): boolean {
  return deps.repos.knowledgeBase.remove(teamId, id, now);
}
