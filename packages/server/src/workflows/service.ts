import { checkShape, diffWorkflows, validateOverlay, validateWorkflow, workflowSchema, type OverlayChange, type Workflow } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { declareHostAgencies } from './declare-host-agencies.js';
import { readPublishedWorkflow } from './read-workflow.js';
import * as drafts from './draft-repository.js';
import * as repo from './repository.js';
import { rebaseOverlayDraft, resolveOverlayDraft } from './resolve-overlay-draft.js';
import type { WorkflowDetail, WorkflowFilter, WorkflowSummary } from './schemas.js';
import { requireDraft, requireOwned, requireWriter } from './workflow-access.js';

type Db = Kysely<Database>;
type Issue = { path: string; code: string; message: string; severity?: string };

const DIFF_NOISE = new Set(['key', 'version', 'extends', '$schema']);

async function mustFind(db: Db, caller: Caller, id: string, forUpdate = false): Promise<WorkflowDetail> {
  const found = await repo.findVisibleWorkflow(db, caller, id, { forUpdate });
  if (!found) throw notFound('workflow', id);
  return found;
}

async function templateOf(db: Db, workflow: WorkflowDetail): Promise<Workflow> {
  if (!workflow.parent) throw new HttpError(409, 'NOT_AN_OVERLAY', `Workflow ${JSON.stringify(workflow.id)} is a full definition, not an overlay: send "definition" instead.`);
  const definition = await repo.findParentDefinition(db, workflow.parent);
  const id = repo.workflowId(workflow.parent.key, workflow.parent.version);
  if (definition === undefined) throw new HttpError(409, 'TEMPLATE_MISSING', `The template ${JSON.stringify(id)} of workflow ${JSON.stringify(workflow.id)} no longer exists.`);
  return readPublishedWorkflow(definition, id);
}

function invalidWorkflow(id: string, issues: readonly Issue[]): HttpError {
  const errors = issues.filter((i) => i.severity !== 'warning');
  const shown = errors.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join(' | ');
  return new HttpError(422, 'INVALID_WORKFLOW', `Workflow ${JSON.stringify(id)} is not valid (${errors.length} problem${errors.length === 1 ? '' : 's'}): ${shown}. Fix them (POST /api/workflows/${id}/validate lists them all) and try again.`, { issues });
}

function keyTaken(key: string): HttpError {
  return new HttpError(409, 'KEY_TAKEN', `The workflow key ${JSON.stringify(key)} is already used by another union; keys are unique across unions: choose another, e.g. with your union's name in front.`, { key });
}

function draftExists(key: string, id: string): HttpError {
  return new HttpError(409, 'DRAFT_EXISTS', `Workflow ${JSON.stringify(key)} already has an open draft, ${JSON.stringify(id)}: edit it (PATCH /api/workflows/${id}) or publish it first.`, { key, id });
}

/**
 * The workflows resource's operations; every write runs in one transaction.
 * @example
 * const service = createWorkflowsService(deps);
 * await service.publish(caller, 'huchen-help-farmers@1', { note: 'first version' });
 */
export function createWorkflowsService(deps: Pick<AppDeps, 'db' | 'engine' | 'clock'>) {
  const { db, engine, clock } = deps;

  async function validateOptions(caller: Caller) {
    const agencies = await repo.knownAgencies(db, caller);
    return { agencies, options: { agencies: agencies.map((a) => a.code) } };
  }

  async function nextVersion(trx: Db, caller: Caller, key: string): Promise<number> {
    const usage = await drafts.lockKeyUsage(trx, key);
    if (usage.owners.some((owner) => owner !== caller.tenantId)) throw keyTaken(key);
    if (usage.draft) throw draftExists(key, usage.draft);
    return usage.maxVersion + 1;
  }

  return {
    list(caller: Caller, list: ListQuery<WorkflowFilter>): Promise<{ rows: WorkflowSummary[]; total: number }> {
      return repo.listWorkflows(db, caller, list);
    },

    show(caller: Caller, id: string): Promise<WorkflowDetail> {
      return mustFind(db, caller, id);
    },

    async createDraft(caller: Caller, definition: Record<string, unknown> & { key: string; title: { zh: string; en: string } }): Promise<WorkflowDetail> {
      requireWriter(caller);
      const id = await db.transaction().execute(async (trx) => {
        const version = await nextVersion(trx, caller, definition.key);
        return drafts.insertDraft(trx, { tenantId: caller.tenantId, key: definition.key, version, definition: { ...definition, version }, overlay: null, parent: null, createdBy: caller.userId, title: definition.title });
      });
      return mustFind(db, caller, id);
    },

    async createOverlay(caller: Caller, parent: { tenantId?: string | undefined; key: string; version: number }, overlay: Record<string, unknown> & { key: string }): Promise<WorkflowDetail> {
      requireWriter(caller);
      const templateRow = await repo.findVisiblePublished(db, caller, parent);
      if (!templateRow) throw notFound('published workflow', repo.workflowId(parent.key, parent.version));
      const template = readPublishedWorkflow(templateRow.definition, templateRow.id);
      const id = await db.transaction().execute(async (trx) => {
        const version = await nextVersion(trx, caller, overlay.key);
        const resolved = resolveOverlayDraft(template, overlay, { key: overlay.key, version });
        return drafts.insertDraft(trx, {
          tenantId: caller.tenantId, key: overlay.key, version, definition: resolved.workflow, overlay: resolved.overlay,
          parent: { tenantId: templateRow.tenantId, key: template.key, version: template.version }, createdBy: caller.userId, title: resolved.workflow.title,
        });
      });
      return mustFind(db, caller, id);
    },

    async patch(caller: Caller, id: string, body: { definition?: (Record<string, unknown> & { key: string; title: { zh: string; en: string } }) | undefined; overlay?: (Record<string, unknown> & { key: string }) | undefined }): Promise<WorkflowDetail> {
      requireWriter(caller);
      await db.transaction().execute(async (trx) => {
        const current = await mustFind(trx, caller, id, true);
        requireOwned(caller, current);
        requireDraft(current);
        const where = { tenantId: current.tenantId, id: current.id };
        if (body.overlay) {
          const resolved = resolveOverlayDraft(await templateOf(trx, current), body.overlay, { key: current.key, version: current.version });
          await drafts.updateDraft(trx, where, { definition: resolved.workflow, overlay: resolved.overlay, title: resolved.workflow.title });
        } else if (body.definition) {
          if (current.overlay !== null) throw new HttpError(409, 'IS_AN_OVERLAY', `Workflow ${JSON.stringify(id)} is an overlay of ${JSON.stringify(current.parent?.key)}: send "overlay" (the township's changes), not a full "definition".`);
          if (body.definition.key !== current.key) throw new HttpError(422, 'KEY_CHANGED', `The definition's key ${JSON.stringify(body.definition.key)} differs from the draft's key ${JSON.stringify(current.key)}: a key never changes; create a new workflow for a new key.`);
          await drafts.updateDraft(trx, where, { definition: { ...body.definition, version: current.version }, overlay: null, title: body.definition.title });
        }
      });
      return mustFind(db, caller, id);
    },

    async validate(caller: Caller, id: string, body: { definition?: Record<string, unknown> | undefined; overlay?: Record<string, unknown> | undefined }): Promise<{ ok: boolean; issues: Issue[] }> {
      const current = await mustFind(db, caller, id);
      const { options } = await validateOptions(caller);
      if (current.overlay !== null && current.parent) {
        if (body.definition) throw new HttpError(409, 'IS_AN_OVERLAY', `Workflow ${JSON.stringify(id)} is an overlay: send "overlay" to validate unsaved changes, not a full "definition".`);
        const overlay = body.overlay ? { key: current.key, version: current.version, extends: { key: current.parent.key, version: current.parent.version }, ...body.overlay } : current.overlay;
        const result = validateOverlay(overlay, await templateOf(db, current), options);
        return { ok: result.ok, issues: result.issues };
      }
      if (body.overlay) throw new HttpError(409, 'NOT_AN_OVERLAY', `Workflow ${JSON.stringify(id)} is a full definition, not an overlay: send "definition" to validate unsaved changes.`);
      const result = validateWorkflow(body.definition ?? current.definition, options);
      return { ok: result.ok, issues: result.issues };
    },

    async diff(caller: Caller, id: string): Promise<{ against: repo.WorkflowRef & { relation: 'parent' | 'previous' }; changes: OverlayChange[] }> {
      const current = await mustFind(db, caller, id);
      let against: repo.WorkflowRef & { relation: 'parent' | 'previous' };
      let before: Workflow;
      if (current.parent) {
        against = { ...current.parent, relation: 'parent' };
        before = await templateOf(db, current);
      } else {
        const previous = await repo.findPreviousVersion(db, current);
        if (!previous) throw new HttpError(409, 'NO_PARENT', `Workflow ${JSON.stringify(id)} extends no template and has no earlier published version to compare with.`, { id });
        against = { tenantId: current.tenantId, key: current.key, version: previous.version, relation: 'previous' };
        before = readPublishedWorkflow(previous.definition, repo.workflowId(current.key, previous.version));
      }
      const shape = checkShape(workflowSchema, current.definition);
      if (!shape.ok) throw invalidWorkflow(id, shape.issues);
      const changes = diffWorkflows(before, shape.data).filter((change) => !DIFF_NOISE.has(String(change.segments[0])));
      return { against, changes };
    },

    async publish(caller: Caller, id: string, note: string | undefined): Promise<WorkflowDetail> {
      requireWriter(caller);
      const { agencies, options } = await validateOptions(caller);
      await db.transaction().execute(async (trx) => {
        const current = await mustFind(trx, caller, id, true);
        requireOwned(caller, current);
        requireDraft(current);
        const result = current.overlay !== null && current.parent ? validateOverlay(current.overlay, await templateOf(trx, current), options) : validateWorkflow(current.definition, options);
        if (!result.ok) throw invalidWorkflow(id, result.issues);
        const workflow = declareHostAgencies(result.workflow, agencies);
        await drafts.setStatus(trx, { tenantId: current.tenantId, id }, { status: 'published', definition: workflow, note, at: clock.now() });
        // Last, so that a refusal by the engine (an unregistered host action, say) rolls the publication back.
        engine.register(workflow);
      });
      return mustFind(db, caller, id);
    },

    async retire(caller: Caller, id: string, note: string | undefined): Promise<WorkflowDetail> {
      requireWriter(caller);
      await db.transaction().execute(async (trx) => {
        const current = await mustFind(trx, caller, id, true);
        requireOwned(caller, current);
        if (current.status === 'draft') throw new HttpError(409, 'NOT_PUBLISHED', `Workflow ${JSON.stringify(id)} is a draft: only published versions are retired.`, { id, status: current.status });
        if (current.status === 'retired') throw new HttpError(409, 'ALREADY_RETIRED', `Workflow ${JSON.stringify(id)} is already retired.`, { id, status: current.status });
        await drafts.setStatus(trx, { tenantId: current.tenantId, id }, { status: 'retired', note, at: clock.now() });
      });
      return mustFind(db, caller, id);
    },

    async rebase(caller: Caller, id: string, parent: { tenantId?: string | undefined; key: string; version: number }, resolutions: Readonly<Record<string, 'mine' | 'template'>> = {}): Promise<WorkflowDetail & { changes: OverlayChange[] }> {
      requireWriter(caller);
      const { options } = await validateOptions(caller);
      const { newId, changes } = await db.transaction().execute(async (trx) => {
        const current = await mustFind(trx, caller, id, true);
        requireOwned(caller, current);
        if (current.overlay === null || !current.parent) throw new HttpError(409, 'NOT_AN_OVERLAY', `Workflow ${JSON.stringify(id)} is a full definition, not an overlay: only overlays are rebased.`, { id });
        const from = current.parent;
        if (parent.key !== from.key) throw new HttpError(422, 'TEMPLATE_MISMATCH', `Workflow ${JSON.stringify(id)} extends ${JSON.stringify(from.key)}, so it can only be rebased onto a later version of ${JSON.stringify(from.key)}, not onto ${JSON.stringify(parent.key)}.`, { parent: from });
        if (parent.version <= from.version) throw new HttpError(422, 'NOT_NEWER', `Workflow ${JSON.stringify(id)} extends ${JSON.stringify(from.key)} v${from.version}: rebase it onto a later version, not v${parent.version}.`, { parent: from });
        const templateRow = await repo.findVisiblePublished(trx, caller, parent);
        if (!templateRow) throw notFound('published workflow', repo.workflowId(parent.key, parent.version));
        const oldBase = await templateOf(trx, current);
        const newBase = readPublishedWorkflow(templateRow.definition, templateRow.id);
        const version = current.status === 'draft' ? current.version : await nextVersion(trx, caller, current.key);
        const result = rebaseOverlayDraft(oldBase, newBase, { ...(current.overlay as Record<string, unknown>), version }, options, resolutions);
        const content = { definition: result.workflow, overlay: result.overlay, title: result.workflow.title };
        if (current.status === 'draft') {
          await drafts.updateDraft(trx, { tenantId: current.tenantId, id }, { ...content, parentVersion: newBase.version });
          return { newId: id, changes: result.changes };
        }
        const inserted = await drafts.insertDraft(trx, { ...content, tenantId: current.tenantId, key: current.key, version, parent: { tenantId: templateRow.tenantId, key: newBase.key, version: newBase.version }, createdBy: caller.userId });
        return { newId: inserted, changes: result.changes };
      });
      return { ...(await mustFind(db, caller, newId)), changes };
    },
  };
}

/**
 * The workflows service.
 * @example
 * const service: WorkflowsService = createWorkflowsService(deps);
 */
export type WorkflowsService = ReturnType<typeof createWorkflowsService>;
