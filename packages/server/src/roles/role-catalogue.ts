import { BUILTIN_ROLES, PSEUDO_ROLES, identifierSchema } from '@shuoshi/engine';
import { BUILTIN_ROLE_TITLES } from './builtin-role-titles.js';
import type { RoleEntry } from './schemas.js';

/**
 * A workflow version as the role catalogue reads it: who owns it, its status and title, the
 * `roles` of its (resolved) definition as stored, and how near its union is to the one asked
 * about (0 for that union, 1 for its parent, ...; lower is preferred for a role's title).
 * @example
 * const row: DeclaringWorkflow = { id: 'huchen-help-farmers@1', tenantId: 'huchen', key: 'huchen-help-farmers', version: 1, status: 'published', title, roles: { chamber_mediator: { title } }, distance: 0 };
 */
export interface DeclaringWorkflow {
  id: string;
  tenantId: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  title: { zh: string; en: string };
  /** The definition's `roles` as stored: a draft's may be anything, so it is read defensively. */
  roles: unknown;
  distance: number;
}

const STATUS_RANK: Readonly<Record<DeclaringWorkflow['status'], number>> = { published: 0, retired: 1, draft: 2 };
const NOT_CUSTOM: ReadonlySet<string> = new Set<string>([...BUILTIN_ROLES, ...PSEUDO_ROLES]);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

// A draft's roles are whatever the designer last saved: an entry without a usable title falls
// back to its id, and the other language's title stands in for a missing one.
function titleOf(id: string, entry: unknown): { zh: string; en: string } {
  const title = (entry as { title?: { zh?: unknown; en?: unknown } } | null)?.title;
  const zh = text(title?.zh);
  const en = text(title?.en);
  return { zh: zh ?? en ?? id, en: en ?? zh ?? id };
}

function declaredRoles(roles: unknown): Array<[string, unknown]> {
  if (roles === null || typeof roles !== 'object' || Array.isArray(roles)) return [];
  return Object.entries(roles as Record<string, unknown>).filter(([id]) => identifierSchema.safeParse(id).success && !NOT_CUSTOM.has(id));
}

/**
 * The roles staff may hold given the workflow versions that apply: the eight built-in ones, then
 * every custom role the versions declare (the built-in and pseudo roles `worker`, `agency`,
 * `system` never count as custom), each with the versions that declare it, nearest union first,
 * published before retired before draft, newest first; the first of them names the role.
 * @example
 * buildRoleCatalogue(rows).map((r) => r.id); // ['county_admin', ..., 'supervisor', 'chamber_mediator']
 */
export function buildRoleCatalogue(workflows: readonly DeclaringWorkflow[]): RoleEntry[] {
  const ordered = [...workflows].sort((a, b) => a.distance - b.distance || STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.key.localeCompare(b.key) || b.version - a.version);
  const custom = new Map<string, RoleEntry>();
  for (const workflow of ordered) {
    const declaring = { id: workflow.id, tenantId: workflow.tenantId, key: workflow.key, version: workflow.version, status: workflow.status, title: workflow.title };
    for (const [id, entry] of declaredRoles(workflow.roles)) {
      const known = custom.get(id);
      if (known) known.workflows.push(declaring);
      else custom.set(id, { id, builtIn: false, title: titleOf(id, entry), workflows: [declaring] });
    }
  }
  const builtIn: RoleEntry[] = BUILTIN_ROLES.map((id) => ({ id, builtIn: true, title: { ...BUILTIN_ROLE_TITLES[id] }, workflows: [] }));
  return [...builtIn, ...[...custom.values()].sort((a, b) => a.id.localeCompare(b.id))];
}
