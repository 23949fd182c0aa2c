import type { Workflow } from '@shuoshi/engine';
import type { DiagramTarget } from './diagram-target.js';
import { StateForm } from './state-form.js';
import { TransitionForm } from './transition-form.js';
import { WorkflowSettings } from './workflow-settings.js';

/**
 * The form for what is selected on the diagram: a state, a transition, or (nothing selected)
 * the workflow's settings.
 * @example
 * <SelectionEditor workflow={workflow} selected={selected} locked={locked} lockable={false} readOnly={false} onChange={setWorkflow} onSelect={setSelected} />
 */
export function SelectionEditor({ workflow, selected, locked, lockable, readOnly, onChange, onSelect }: { workflow: Workflow; selected: DiagramTarget | null; locked: ReadonlySet<string>; lockable: boolean; readOnly: boolean; onChange(next: Workflow): void; onSelect(target: DiagramTarget | null): void }) {
  if (selected?.kind === 'state' && workflow.states[selected.state]) {
    return <StateForm key={selected.state} workflow={workflow} id={selected.state} locked={locked.has(selected.state)} lockable={lockable} readOnly={readOnly} onChange={onChange} onSelect={onSelect} />;
  }
  if (selected?.kind === 'transition' && workflow.states[selected.state]?.transitions.some((t) => t.event === selected.event)) {
    return <TransitionForm key={`${selected.state}/${selected.event}`} workflow={workflow} state={selected.state} event={selected.event} locked={locked.has(selected.state)} readOnly={readOnly} onChange={onChange} onSelect={onSelect} />;
  }
  return <WorkflowSettings workflow={workflow} onChange={onChange} readOnly={readOnly} />;
}
