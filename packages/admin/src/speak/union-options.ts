import type { PublicUnion } from './public-types.js';

/**
 * The unions in tree order (each under its parent, siblings as the server listed them) with
 * their depth, for an indented choice list; unions whose parent is not listed start a tree.
 * @example
 * unionOptions(unions).map(({ union, depth }) => '　'.repeat(depth) + union.name.zh);
 */
export function unionOptions(unions: readonly PublicUnion[]): Array<{ union: PublicUnion; depth: number }> {
  const ids = new Set(unions.map((union) => union.id));
  const children = new Map<string | null, PublicUnion[]>();
  for (const union of unions) {
    const parent = union.parentId !== null && ids.has(union.parentId) ? union.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), union]);
  }
  const ordered: Array<{ union: PublicUnion; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const union of children.get(parent) ?? []) {
      // A malformed tree (a cycle) must not hang the page.
      if (seen.has(union.id)) continue;
      seen.add(union.id);
      ordered.push({ union, depth });
      visit(union.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
