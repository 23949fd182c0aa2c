import { BUILTIN_TEMPLATES, extendWorkflow, overlaySchema, type Workflow } from '@shuoshi/engine';
import { TOWNSHIP_OVERLAYS } from '@shuoshi/example-township-overlays';
import { describe, expect, it } from 'vitest';
import { allTransitionKeys, coveringPaths, transitionKey } from './covering-paths.js';
import { walkPath } from './walk-path.js';

/** The township overlays resolved on the templates they extend. */
function townshipWorkflows(): Workflow[] {
  return TOWNSHIP_OVERLAYS.map((json: unknown) => {
    const overlay = overlaySchema.parse(json);
    const base = BUILTIN_TEMPLATES.find((t) => t.key === overlay.extends.key && t.version === overlay.extends.version);
    if (!base) throw new Error(`Overlay "${overlay.key}" extends ${overlay.extends.key} v${overlay.extends.version}, which is not a built-in template.`);
    const result = extendWorkflow(base, overlay);
    if (!result.ok) throw new Error(`Overlay "${overlay.key}" does not resolve: ${result.conflicts.map((c) => `${c.path}: ${c.message}`).join(' | ')}`);
    return result.workflow;
  });
}

function describeWorkflow(workflow: Workflow): void {
  describe(`${workflow.key} v${workflow.version}`, () => {
    const { paths, impossible } = coveringPaths(workflow);
    const taken = new Set<string>();
    const cases = paths.map((path) => ({ name: path.map((s) => transitionKey(s.from, s.transition.event)).join(' > '), path }));

    for (const { name, path } of cases) {
      it(`walks ${name} to a final state`, () => {
        const { snapshot } = walkPath(workflow, path, { onTaken: (key) => taken.add(key) });
        expect(workflow.states[snapshot.state]?.final, `"${snapshot.state}" is not a final state`).toBe(true);
        expect(snapshot.status).toBe('closed');
        expect(snapshot.timers).toEqual([]);
      });
    }

    it('takes every transition at least once', () => {
      expect(impossible, 'transitions no path from the initial state to a final state can take').toEqual([]);
      const never = allTransitionKeys(workflow).filter((key) => !taken.has(key));
      expect(never, 'transitions never taken').toEqual([]);
    });
  });
}

describe('every path of each built-in template reaches a final state', () => {
  for (const workflow of BUILTIN_TEMPLATES) describeWorkflow(workflow);
});

describe('every path of each township overlay reaches a final state', () => {
  for (const workflow of townshipWorkflows()) describeWorkflow(workflow);
});
