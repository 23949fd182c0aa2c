import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { validateWorkflow, type ValidationIssue } from '@shuoshi/engine';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { HttpError } from '../http/http-error.js';
import { knownAgencies } from '../workflows/repository.js';
import { createWorkflowsService } from '../workflows/service.js';
import { CliError } from './cli-io.js';

/**
 * What an import wrote.
 * @example
 * const r: ImportResult = { id: 'night-bus@1', key: 'night-bus', version: 1, fileVersion: 1, status: 'published', tenantId: 'ninghai', tenantName: '宁海县总工会', warnings: [] };
 */
export interface ImportResult {
  id: string;
  key: string;
  version: number;
  /** The version the file gave; versions are numbered by the server, one after another. */
  fileVersion: number;
  status: 'draft' | 'published';
  tenantId: string;
  tenantName: string;
  warnings: ValidationIssue[];
}

function issueLines(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `  ${issue.severity === 'error' ? '✗' : '!'} ${issue.path || '(root)'}: ${issue.message}`).join('\n');
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the workflow file ${JSON.stringify(file)}: ${(error as Error).message}. Give the path of a workflow definition (JSON).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`The workflow file ${JSON.stringify(file)} is not valid JSON: ${(error as Error).message}.`);
  }
}

/**
 * Imports a workflow definition (JSON) into the county union exactly as its admin would through
 * the API: validated with the county's agencies (every issue listed), created as a draft with
 * the key's next version, then published unless `draft`.
 * @example
 * await importWorkflow({ db, engine, clock }, 'night-bus.json', { draft: false });
 */
export async function importWorkflow(deps: Pick<AppDeps, 'db' | 'engine' | 'clock'>, file: string, options: { draft: boolean }): Promise<ImportResult> {
  const json = await readJson(file);
  const county = await deps.db.selectFrom('tenants').select(['tenant_id', 'name_zh', 'path']).where('level', '=', 'county').orderBy('tenant_id').executeTakeFirst();
  if (!county) throw new CliError('The database has no county union to own the workflow: run `shuoshi seed` on an empty database, or create the county union first.');
  // The command acts as the county's administrator; the log names it as the author.
  const caller: Caller = { userId: 'shuoshi-cli', username: 'shuoshi-cli', displayName: 'shuoshi import-workflow', tenantId: county.tenant_id, tenantPath: county.path, roles: ['county_admin'], sessionId: 'cli' };
  const agencies = await knownAgencies(deps.db, caller);
  const result = validateWorkflow(json, { agencies: agencies.map((a) => a.code) });
  if (!result.ok) {
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    throw new CliError(`The workflow in ${file} is not valid (${errors} error${errors === 1 ? '' : 's'}); fix these and import again:\n${issueLines(result.issues)}`);
  }
  const service = createWorkflowsService(deps);
  let created;
  try {
    created = await service.createDraft(caller, { ...result.workflow });
  } catch (error) {
    if (error instanceof HttpError) throw new CliError(`Cannot import ${file}: ${error.message}`);
    throw error;
  }
  if (!options.draft) {
    try {
      await service.publish(caller, created.id, `imported from ${basename(file)}`);
    } catch (error) {
      if (error instanceof HttpError) throw new CliError(`Imported ${file} as draft ${created.id}, but it could not be published: ${error.message}`);
      throw error;
    }
  }
  return {
    id: created.id,
    key: created.key,
    version: created.version,
    fileVersion: result.workflow.version,
    status: options.draft ? 'draft' : 'published',
    tenantId: county.tenant_id,
    tenantName: county.name_zh,
    warnings: result.issues.filter((i) => i.severity !== 'error'),
  };
}

/**
 * The lines printed after an import.
 * @example
 * importReport(result).forEach((line) => console.log(line));
 */
export function importReport(result: ImportResult): string[] {
  return [
    `Imported "${result.key}" as version ${result.version} (${result.id}), a ${result.status === 'published' ? 'published workflow' : 'draft'} of ${result.tenantName} (${result.tenantId}).`,
    ...(result.version !== result.fileVersion ? [`The file said version ${result.fileVersion}; versions are numbered one after another, so this is version ${result.version}.`] : []),
    ...(result.warnings.length > 0 ? ['Warnings:', issueLines(result.warnings)] : []),
    result.status === 'published'
      ? 'A server that is running registers it on its next start; cases can then be opened on it.'
      : `Edit, validate and publish the draft in the admin panel or through the API (POST /api/workflows/${result.id}/publish).`,
  ];
}
