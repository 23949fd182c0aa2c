import type { FieldDefinition } from '../field.js';
import type { StateDefinition } from '../state.js';
import type { Workflow } from '../workflow.js';

/**
 * Generates a valid workflow with `stateCount` states (a chain with back and skip edges,
 * conditions, SLAs and ladders on each) for size tests and the validation benchmark.
 * @example
 * validateWorkflow(generateLargeWorkflow(200)).ok; // true
 */
export function generateLargeWorkflow(stateCount = 200): Workflow {
  const fields: Record<string, FieldDefinition> = {};
  for (let f = 0; f < 20; f++) fields[`amount_${f}`] = { type: 'integer', label: { zh: `数值${f}`, en: `Amount ${f}` }, min: 0 };
  fields.category = {
    type: 'select',
    label: { zh: '类别', en: 'Category' },
    options: ['a', 'b', 'c'].map((value) => ({ value, label: { zh: value, en: value } })),
  };
  const states: Record<string, StateDefinition> = {};
  const last = stateCount - 1;
  const name = (i: number) => (i >= last ? 'done' : `step_${i}`);
  for (let i = 0; i < last; i++) {
    states[name(i)] = {
      title: { zh: `步骤${i}`, en: `Step ${i}` },
      roles: ['mediator', 'supervisor'],
      sla: { within: `${(i % 9) + 1}wd` },
      warnings: [
        { at: '80%', level: 'yellow' },
        { at: '100%', level: 'red', notify: { roles: ['supervisor'] } },
      ],
      onTimeout: { event: 'advance' },
      transitions: [
        { event: 'advance', label: { zh: '下一步', en: 'Advance' }, target: name(i + 1) },
        { event: 'go_back', label: { zh: '退回', en: 'Go back' }, target: name(Math.max(0, i - 1)) },
        {
          event: 'skip',
          label: { zh: '跳过', en: 'Skip' },
          target: name(Math.min(last, i + 10)),
          requires: [`amount_${i % 20}`],
          condition: { all: [{ field: `amount_${i % 20}`, op: 'gte', value: 5 }, { field: 'category', op: 'in', value: ['a', 'b'] }] },
        },
        { event: 'pause', label: { zh: '暂停', en: 'Pause' }, clock: 'pause' },
      ],
    };
  }
  states.done = { title: { zh: '完成', en: 'Done' }, final: true, transitions: [] };
  return { key: 'large-generated', version: 1, title: { zh: '大型流程', en: 'Large workflow' }, initial: name(0), fields, states };
}
