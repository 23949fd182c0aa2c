import { isEngineError, migrateSnapshot, type Effect, type MigrationIssue, type MigrationResult, type Workflow } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { writeEffects } from '../cases/effects-repository.js';
import { caseColumns } from '../cases/repository.js';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http/http-error.js';
import { refoldCase } from '../rollups/index.js';
import { lockCase, openCasesPage, replaceTimers, type MigratingCase } from './case-migration-repository.js';
import { readPublishedWorkflow } from './read-workflow.js';
import * as repo from './repository.js';
import type { MigrateAnswer } from './schemas.js';
import { requireWriter } from './workflow-access.js';

type Db = Kysely<Database>;
type Problem = MigrateAnswer['problems'][number];

const PAGE = 200;
const CASES_PER_PROBLEM = 20;
// Timers are rewritten from the snapshot and the move itself is the case_events row: neither is delivered.
const NOT_DELIVERED = new Set<Effect['type']>(['scheduleTimer', 'cancelTimer', 'migrated', 'stateChanged']);

function tryMigrate(item: MigratingCase, from: Workflow, to: Workflow, stateMap: Record<string, string>, at: Date): MigrationResult {
  try {
    return migrateSnapshot(item.snapshot, from, to, stateMap, { at });
  } catch (error) {
    // A snapshot the engine cannot read is this case's problem, not the whole run's.
    const message = isEngineError(error) ? error.message : `The case's snapshot could not be migrated: ${error instanceof Error ? error.message : String(error)}.`;
    return { ok: false, issues: [{ code: 'DATA_INVALID', severity: 'error', path: 'snapshot', message }] };
  }
}

function createReport(dryRun: boolean, from: Workflow, to: Workflow) {
  const answer: MigrateAnswer = { dryRun, key: from.key, from: from.version, to: to.version, cases: 0, migrated: 0, failed: 0, skipped: 0, moves: {}, problems: [] };
  const groups = new Map<string, Problem>();
  return {
    answer,
    record(item: MigratingCase, result: MigrationResult): void {
      for (const issue of result.issues) this.problem(item, issue);
      if (!result.ok) {
        answer.failed += 1;
        return;
      }
      // Own-property checks: a state may be called "constructor".
      const row = Object.hasOwn(answer.moves, item.state) ? (answer.moves[item.state] ?? {}) : {};
      answer.moves[item.state] = row;
      const target = result.snapshot.state;
      row[target] = (Object.hasOwn(row, target) ? (row[target] ?? 0) : 0) + 1;
    },
    problem(item: MigratingCase, issue: Pick<MigrationIssue, 'code' | 'severity' | 'path' | 'message'>): void {
      const id = `${issue.severity}|${issue.code}|${issue.path}`;
      let group = groups.get(id);
      if (!group) {
        group = { code: issue.code, severity: issue.severity, path: issue.path, message: issue.message, count: 0, cases: [] };
        groups.set(id, group);
        answer.problems.push(group);
      }
      group.count += 1;
      if (group.cases.length < CASES_PER_PROBLEM) group.cases.push({ caseId: item.caseId, reference: item.reference, state: item.state });
    },
  };
}

/**
 * Moves the open cases of one workflow version (in the caller's unions) to another published
 * version of the same key with a state map: a dry run counts the moves and problems without
 * writing; a real run moves each case in its own transaction (lock, migrate, update the case with
 * version + 1, append a `migrated` event, rewrite its timers, queue its deliverable effects).
 * @example
 * const service = createMigrationService(deps);
 * const report = await service.migrate(caller, 'huchen-help-farmers@1', { toVersion: 2, stateMap: {}, dryRun: true });
 */
export function createMigrationService(deps: Pick<AppDeps, 'db' | 'engine' | 'clock'>) {
  const { db, engine, clock } = deps;

  async function moveOne(caller: Caller, item: MigratingCase, from: Workflow, to: Workflow, stateMap: Record<string, string>): Promise<{ result: MigrationResult; item: MigratingCase } | 'skipped'> {
    return db.transaction().execute(async (trx: Db) => {
      const fresh = await lockCase(trx, item);
      // Closed or moved since the page was read: not this run's to move.
      if (!fresh || fresh.status !== 'open' || fresh.workflowVersion !== from.version) return 'skipped';
      const now = clock.now();
      const result = tryMigrate(fresh, from, to, stateMap, now);
      if (!result.ok) return { result, item: fresh };
      const next = result.snapshot;
      await trx
        .updateTable('cases')
        .set({ ...caseColumns(next, to), workflow_version: to.version, version: fresh.version + 1, updated_at: now, closed_at: next.status === 'closed' ? now : null })
        .where('tenant_id', '=', fresh.tenantId)
        .where('case_id', '=', fresh.caseId)
        .execute();
      await trx
        .insertInto('case_events')
        .values({
          tenant_id: fresh.tenantId,
          case_id: fresh.caseId,
          seq: fresh.version + 1,
          type: 'migrated',
          actor_id: caller.userId,
          actor_roles: caller.roles,
          data: JSON.stringify({ from: { key: from.key, version: from.version }, to: { key: to.key, version: to.version }, stateMap, warnings: result.issues }),
          effects: JSON.stringify(result.effects),
          state_from: fresh.state,
          state_to: next.state,
          warning: next.warning,
          created_at: now,
        })
        .execute();
      // The new version may count the case's past states differently: its figures are folded again.
      await refoldCase(trx, engine, { tenantId: fresh.tenantId, caseId: fresh.caseId });
      await replaceTimers(trx, fresh, next.timers);
      const target = { tenantId: fresh.tenantId, caseId: fresh.caseId, reference: fresh.reference, workflow: next.workflow };
      await writeEffects(trx, target, result.effects.filter((effect) => !NOT_DELIVERED.has(effect.type)), now);
      return { result, item: fresh };
    });
  }

  return {
    async migrate(caller: Caller, id: string, body: { toVersion: number; stateMap: Record<string, string>; dryRun: boolean }): Promise<MigrateAnswer> {
      requireWriter(caller);
      const source = await repo.findVisibleWorkflow(db, caller, id);
      if (!source) throw notFound('workflow', id);
      if (source.status === 'draft') throw new HttpError(409, 'NOT_PUBLISHED', `Workflow ${JSON.stringify(id)} is a draft: no case runs on it, so there is nothing to migrate.`, { id });
      if (body.toVersion === source.version) throw new HttpError(422, 'SAME_VERSION', `The cases already run on ${JSON.stringify(source.key)} v${source.version}: name another published version in "toVersion".`, { version: source.version });
      const targetRow = await repo.findVisiblePublished(db, caller, { tenantId: source.tenantId, key: source.key, version: body.toVersion });
      if (!targetRow) throw notFound('published workflow', repo.workflowId(source.key, body.toVersion));
      const from = readPublishedWorkflow(source.definition, source.id);
      const to = readPublishedWorkflow(targetRow.definition, targetRow.id);
      // Cases moved onto `to` are stepped by the engine afterwards: make sure it knows that version.
      if (!body.dryRun && !engine.workflows().some((w) => w.key === to.key && w.version === to.version)) engine.register(to);

      const report = createReport(body.dryRun, from, to);
      const ref = { tenantId: source.tenantId, key: source.key, version: source.version };
      let after: { tenantId: string; caseId: string } | undefined;
      for (;;) {
        const page = await openCasesPage(db, caller, ref, after, PAGE);
        for (const item of page) {
          report.answer.cases += 1;
          if (body.dryRun) {
            report.record(item, tryMigrate(item, from, to, body.stateMap, clock.now()));
            continue;
          }
          const outcome = await moveOne(caller, item, from, to, body.stateMap);
          if (outcome === 'skipped') {
            report.answer.skipped += 1;
            continue;
          }
          report.record(outcome.item, outcome.result);
          if (outcome.result.ok) report.answer.migrated += 1;
        }
        const last = page.at(-1);
        if (!last || page.length < PAGE) break;
        after = { tenantId: last.tenantId, caseId: last.caseId };
      }
      return report.answer;
    },
  };
}

/**
 * The migration service.
 * @example
 * const service: MigrationService = createMigrationService(deps);
 */
export type MigrationService = ReturnType<typeof createMigrationService>;
