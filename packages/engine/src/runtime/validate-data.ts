import type { CompiledWorkflow } from '../compile/index.js';
import { EngineError } from '../errors/index.js';

/**
 * Checks an event's data patch against the workflow's fields and returns it, or throws
 * INVALID_DATA listing every bad value with the field, the value and what it must be.
 * @example
 * validateData(compiled, { workers_affected: 12 });
 */
export function validateData(compiled: CompiledWorkflow, data: unknown): Record<string, unknown> | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new EngineError('INVALID_DATA', `Event data must be an object of field values, got ${JSON.stringify(data)}.`, { issues: [] });
  }
  const result = compiled.dataSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { field: issue.keys.join(', '), message: `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; the fields are: ${Object.keys(compiled.workflow.fields).join(', ')}` };
    }
    const field = String(issue.path[0] ?? '');
    const value = (data as Record<string, unknown>)[field];
    const definition = compiled.workflow.fields[field];
    const options = definition?.options ? `; options: ${definition.options.map((o) => o.value).join(', ')}` : '';
    return { field, message: `field "${field}" (${definition?.type ?? 'unknown'}) got ${JSON.stringify(value)}: ${issue.message}${options}` };
  });
  throw new EngineError('INVALID_DATA', `The event's data is not valid: ${issues.map((i) => i.message).join('; ')}.`, { issues });
}
