import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { intakeForm } from './intake-form.js';
import { presentPublicWorkflow } from './present-public-workflow.js';
import { listPublishedWorkflows, listUnions, type PublishedWorkflowRow } from './public-repository.js';
import type { PublicWorkflow, UnionsResponse } from './schemas.js';

function formId(row: PublishedWorkflowRow): string {
  return `${row.tenantId}:${row.key}:${row.version}`;
}

/**
 * The union tree a worker picks from, each union with the workflows it takes from the public:
 * for each key, the highest published version of the union or a union above it (as opening a case
 * picks it), kept when its form can be filled from the public page (see intakeForm). Each form is
 * given once in `workflows`, since hundreds of unions share the county's.
 * @example
 * const { unions, workflows } = await unionDirectory(db);
 */
export async function unionDirectory(db: Kysely<Database>): Promise<UnionsResponse> {
  const [unions, published] = [await listUnions(db), await listPublishedWorkflows(db)];
  const byTenant = new Map<string, PublishedWorkflowRow[]>();
  for (const row of published) byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row]);
  const forms = new Map<string, PublicWorkflow | null>();
  const formOf = (row: PublishedWorkflowRow): PublicWorkflow | null => {
    const id = formId(row);
    if (!forms.has(id)) {
      const form = intakeForm(row.definition);
      forms.set(id, form ? presentPublicWorkflow(row.definition, form) : null);
    }
    return forms.get(id) ?? null;
  };
  const answer: UnionsResponse = { unions: [], workflows: {} };
  for (const union of unions) {
    const best = new Map<string, PublishedWorkflowRow>();
    // Root first, so on equal versions the union nearest the worker's wins.
    for (const tenantId of union.path.split('/').filter(Boolean)) {
      for (const row of byTenant.get(tenantId) ?? []) {
        const current = best.get(row.key);
        if (!current || row.version >= current.version) best.set(row.key, row);
      }
    }
    const workflows = [...best.values()]
      .filter((row) => formOf(row) !== null)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((row) => ({ key: row.key, form: formId(row) }));
    for (const { form } of workflows) {
      const publicWorkflow = forms.get(form);
      if (publicWorkflow) answer.workflows[form] = publicWorkflow;
    }
    answer.unions.push({ id: union.tenant_id, name: { zh: union.name_zh, en: union.name_en }, level: union.level, parentId: union.parent_id, workflows });
  }
  return answer;
}
