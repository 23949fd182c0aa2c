import { BUILTIN_TEMPLATES, extendWorkflow, type Overlay, type Workflow } from '@shuoshi/engine';
import { chaluTruckersCorner, huchenHelpFarmers } from '@shuoshi/example-township-overlays';

/**
 * A published workflow of the demo: the tenant that publishes it, the resolved definition and,
 * for a township overlay, the overlay and the template it extends.
 * @example
 * const w: DemoWorkflow = { tenant: 'ninghai', workflow: unionGrievance };
 */
export interface DemoWorkflow {
  tenant: string;
  workflow: Workflow;
  overlay?: Overlay;
  parent?: { tenant: string; key: string; version: number };
}

const OVERLAYS: ReadonlyArray<readonly [string, Overlay]> = [
  ['huchen', huchenHelpFarmers],
  ['chalu', chaluTruckersCorner],
];

/**
 * The demo's published workflows: the built-in templates published by the county, then the two
 * township overlays (胡陈乡 助农说事团, 岔路镇 卡友说事角) resolved on `union-grievance` v1.
 * @example
 * demoWorkflows().map((w) => `${w.tenant}/${w.workflow.key}`);
 */
export function demoWorkflows(): DemoWorkflow[] {
  const published: DemoWorkflow[] = BUILTIN_TEMPLATES.map((workflow) => ({ tenant: 'ninghai', workflow }));
  for (const [tenant, overlay] of OVERLAYS) {
    const template = BUILTIN_TEMPLATES.find((w) => w.key === overlay.extends.key && w.version === overlay.extends.version);
    if (!template) throw new Error(`Overlay "${overlay.key}" extends ${overlay.extends.key} v${overlay.extends.version}, which is not a built-in template.`);
    const result = extendWorkflow(template, overlay);
    if (!result.ok) {
      throw new Error(`Overlay "${overlay.key}" does not resolve on ${template.key} v${template.version}: ${result.conflicts.map((c) => c.message).join(' | ')}`);
    }
    published.push({ tenant, workflow: result.workflow, overlay, parent: { tenant: 'ninghai', key: template.key, version: template.version } });
  }
  return published;
}
