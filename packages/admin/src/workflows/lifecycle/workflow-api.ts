import { createContext, useContext } from 'react';
import { apiFetch } from '../../api/api-fetch.js';
import type { LocalizedText } from '../../api/types.js';

/**
 * A workflow version as GET /api/workflows lists it.
 * @example
 * const row: WorkflowSummary = { id: 'union-grievance@1', key: 'union-grievance', version: 1, status: 'published', ... };
 */
export interface WorkflowSummary {
  id: string;
  tenantId: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  title: LocalizedText;
  parent: { tenantId: string; key: string; version: number } | null;
  isOverlay: boolean;
  runningCases: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  publishedAt: string | null;
}

/**
 * A workflow version with its (resolved) definition and, for an overlay, the overlay itself.
 * @example
 * const detail: WorkflowDetail = await api.show('huchen-help-farmers@1');
 */
export interface WorkflowDetail extends WorkflowSummary {
  definition: unknown;
  overlay: unknown;
}

/**
 * One node-level difference, as GET /api/workflows/:id/diff answers it.
 * @example
 * const c: WorkflowChange = { kind: 'changed', path: 'states.triage.sla', segments: ['states', 'triage', 'sla'], before: { within: '1wd' }, after: { within: '2wd' } };
 */
export interface WorkflowChange {
  kind: 'added' | 'changed' | 'removed';
  path: string;
  segments?: Array<string | number>;
  before?: unknown;
  after?: unknown;
}

/**
 * The diff of a version against its parent template (or its previous version).
 * @example
 * const d: WorkflowDiff = { against: { tenantId: 'ninghai', key: 'union-grievance', version: 1, relation: 'parent' }, changes: [] };
 */
export interface WorkflowDiff {
  against: { tenantId: string; key: string; version: number; relation: 'parent' | 'previous' };
  changes: WorkflowChange[];
}

/**
 * A rebase conflict as the server's 422 details carry it, with the three values.
 * @example
 * const c: RebaseConflict = { code: 'BOTH_CHANGED', path: 'states.triage.sla', message: '…', base: { within: '1wd' }, template: { within: '2wd' }, overlay: { within: '3wd' } };
 */
export interface RebaseConflict {
  code: string;
  path: string;
  message: string;
  segments?: Array<string | number>;
  base?: unknown;
  template?: unknown;
  overlay?: unknown;
}

/**
 * How one rebase conflict is settled: keep the overlay's value, or take the template's.
 * @example
 * const r: Resolutions = { 'states.triage.sla': 'template' };
 */
export type Resolutions = Record<string, 'mine' | 'template'>;

/**
 * The report of POST /api/workflows/:id/migrate (a dry run counts, a real run moves).
 * @example
 * report.moves; // { chamber_mediation: { mediation: 3 } }
 */
export interface MigrationReport {
  dryRun: boolean;
  key: string;
  from: number;
  to: number;
  cases: number;
  migrated: number;
  failed: number;
  skipped: number;
  moves: Record<string, Record<string, number>>;
  problems: Array<{ code: string; severity: 'error' | 'warning'; path: string; message: string; count: number; cases: Array<{ caseId: string; reference: string; state: string }> }>;
}

/**
 * The workflows API calls the list and the life-cycle views make beyond react-admin's CRUD.
 * @example
 * const api = useWorkflowApi();
 * await api.publish('huchen-help-farmers@1', '助农说事团');
 */
export interface WorkflowApi {
  list(filter: Record<string, unknown>): Promise<WorkflowSummary[]>;
  show(id: string): Promise<WorkflowDetail>;
  createDraft(definition: unknown): Promise<WorkflowDetail>;
  createOverlay(parent: { key: string; version: number }, overlay: Record<string, unknown>): Promise<WorkflowDetail>;
  diff(id: string): Promise<WorkflowDiff>;
  validate(id: string): Promise<{ ok: boolean; issues: Array<{ path: string; code: string; message: string; severity?: string }> }>;
  publish(id: string, note: string): Promise<WorkflowDetail>;
  retire(id: string, note: string): Promise<WorkflowDetail>;
  rebase(id: string, parent: { key: string; version: number }, resolutions: Resolutions): Promise<WorkflowDetail>;
  migrate(id: string, body: { toVersion: number; stateMap: Record<string, string>; dryRun: boolean }): Promise<MigrationReport>;
}

const at = (id: string) => `/workflows/${encodeURIComponent(id)}`;

/**
 * The workflows API over the server's REST endpoints, with the signed-in user's token.
 * @example
 * const report = await httpWorkflowApi.migrate('huchen-help-farmers@1', { toVersion: 2, stateMap: {}, dryRun: true });
 */
export const httpWorkflowApi: WorkflowApi = {
  async list(filter) {
    const query = new URLSearchParams({ range: '[0,499]', sort: '["key","ASC"]', filter: JSON.stringify(filter) });
    return (await apiFetch(`/workflows?${query.toString()}`)).body as WorkflowSummary[];
  },
  async show(id) {
    return (await apiFetch(at(id))).body as WorkflowDetail;
  },
  async createDraft(definition) {
    return (await apiFetch('/workflows', { method: 'POST', json: { definition } })).body as WorkflowDetail;
  },
  async createOverlay(parent, overlay) {
    return (await apiFetch('/workflows/overlay', { method: 'POST', json: { parent, overlay } })).body as WorkflowDetail;
  },
  async diff(id) {
    return (await apiFetch(`${at(id)}/diff`)).body as WorkflowDiff;
  },
  async validate(id) {
    return (await apiFetch(`${at(id)}/validate`, { method: 'POST', json: {} })).body as Awaited<ReturnType<WorkflowApi['validate']>>;
  },
  async publish(id, note) {
    return (await apiFetch(`${at(id)}/publish`, { method: 'POST', json: note.trim() ? { note: note.trim() } : {} })).body as WorkflowDetail;
  },
  async retire(id, note) {
    return (await apiFetch(`${at(id)}/retire`, { method: 'POST', json: note.trim() ? { note: note.trim() } : {} })).body as WorkflowDetail;
  },
  async rebase(id, parent, resolutions) {
    const json = Object.keys(resolutions).length > 0 ? { parent, resolutions } : { parent };
    return (await apiFetch(`${at(id)}/rebase`, { method: 'POST', json })).body as WorkflowDetail;
  },
  async migrate(id, body) {
    return (await apiFetch(`${at(id)}/migrate`, { method: 'POST', json: body })).body as MigrationReport;
  },
};

/**
 * The context the workflow views read their API from; component tests provide a fake.
 * @example
 * <WorkflowApiContext.Provider value={fakeApi}><WorkflowShowView ... /></WorkflowApiContext.Provider>
 */
export const WorkflowApiContext = createContext<WorkflowApi>(httpWorkflowApi);

/**
 * The workflows API of the current context (the HTTP one unless a test provides another).
 * @example
 * const api = useWorkflowApi();
 */
export function useWorkflowApi(): WorkflowApi {
  return useContext(WorkflowApiContext);
}
