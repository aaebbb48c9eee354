/**
 * Blockers: names that contain, or read like, a name Backstory knows but mean something else
 * ("Kataib Hezbollah" is not Hezbollah, "al-Kadhimiya" is a Baghdad district, "Al-Quds
 * University" is not the Quds Force). The matcher learns them like any name, so its
 * leftmost-longest rule lets them win over the shorter name inside them; the evidence rule then
 * never marks them. Curated in `data/blockers.json`.
 */
import * as v from 'valibot';
import type { BuildIssue } from './schema';

export interface Blocker {
  id: string;
  why: string;
  names: string[];
}

const BlockersFileSchema = v.object({
  blockers: v.array(
    v.strictObject({
      id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'a blocker id is lower-case letters, digits and hyphens')),
      why: v.pipe(v.string(), v.minLength(1, 'say why the name is blocked')),
      names: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1, 'a blocker needs at least one name')),
    }),
  ),
});

/** Id prefix of blocker entities in the matcher: never a gazetteer id (those have no colon). */
export const BLOCKER_PREFIX = 'blocker:';

export function validateBlockersFile(file: string, data: unknown): { value: Blocker[]; issues: BuildIssue[] } {
  const result = v.safeParse(BlockersFileSchema, data);
  if (result.success) return { value: result.output.blockers, issues: [] };
  return {
    value: [],
    issues: result.issues.map((issue) => ({
      severity: 'error' as const,
      file,
      path: v.getDotPath(issue) ?? undefined,
      message: issue.message,
    })),
  };
}
