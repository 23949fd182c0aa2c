/**
 * The workflows resource's views: the list (own workflows and templates, versions, running cases)
 * and a version's page (diff, simulator, publish, rebase, migrate). The designer lives in ./designer.
 * @example
 * const WorkflowList = lazyView(() => import('./workflows/index.js').then((m) => ({ default: m.WorkflowList })));
 */
export { WorkflowList } from './list/workflow-list.js';
export { WorkflowShow } from './lifecycle/workflow-show.js';
export { WorkflowSimulator } from './simulator/workflow-simulator.js';
export { WorkflowDiffView } from './lifecycle/workflow-diff-view.js';
