import AddIcon from '@mui/icons-material/Add';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import { Box, Button, Chip, Grid, Paper, Stack, Tab, Tabs } from '@mui/material';
import type { Workflow } from '@shuoshi/engine';
import { useMemo, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { localize } from '../../i18n/use-localized.js';
import { AddStateDialog, type NewState } from './add-state-dialog.js';
import { forgetPositions, rememberPosition, type DiagramPosition } from './diagram-positions.js';
import { diagramTargetKey, type DiagramTarget } from './diagram-target.js';
import { isEditableWorkflow } from './editable-workflow.js';
import { FieldBuilder } from './field-builder.js';
import { issueTarget } from './issue-target.js';
import { JsonEditor } from './json-editor.js';
import { fieldUsage, freshId, titledUsages } from './node-usage.js';
import { overlayMarks } from './overlay-marks.js';
import { SelectionEditor } from './selection-editor.js';
import type { DesignerIssue } from './use-live-validation.js';
import { ValidationPanel } from './validation-panel.js';
import { STATE_DRAG_TYPE, WorkflowDiagram } from './workflow-diagram.js';

type View = 'diagram' | 'fields' | 'json';

/**
 * The designer's editing area: the diagram with its palette and the form of the selection, the
 * field builder, the advanced JSON view, and the live validation list beside them.
 * @example
 * <DesignerWorkspace workflow={draft} template={template} issues={issues} pending={false} readOnly={false} onChange={setDraft} />
 */
export function DesignerWorkspace({ workflow, template, issues, pending, readOnly, onChange }: { workflow: Workflow; template: Workflow | null; issues: readonly DesignerIssue[]; pending: boolean; readOnly: boolean; onChange(next: Workflow): void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [view, setView] = useState<View>('diagram');
  const [selected, setSelected] = useState<DiagramTarget | null>(null);
  const [adding, setAdding] = useState<DiagramPosition | 'auto' | null>(null);
  const [layout, setLayout] = useState(0);
  const [jsonProblem, setJsonProblem] = useState(false);
  const marks = useMemo(() => overlayMarks(template, workflow), [template, workflow]);
  const lockedFields = useMemo(() => new Set(Object.entries(template?.fields ?? {}).filter(([, f]) => f.locked).map(([id]) => id)), [template]);
  const faulty = useMemo(() => new Set(issues.map((i) => issueTarget(i.segments, workflow)).filter((t) => t.kind === 'state' || t.kind === 'transition').map(diagramTargetKey)), [issues, workflow]);

  const select = (target: DiagramTarget | null) => {
    setSelected(target);
    if (target?.kind === 'field') setView('fields');
    else if (target && target.kind !== 'workflow') setView('diagram');
  };

  const addState = ({ id, zh, en }: NewState) => {
    if (adding && adding !== 'auto') rememberPosition(workflow.key, id, adding);
    onChange({ ...workflow, states: { ...workflow.states, [id]: { title: { zh, en }, transitions: [] } } });
    setAdding(null);
    select({ kind: 'state', state: id });
  };

  const connect = (source: string, target: string) => {
    const from = workflow.states[source];
    const to = workflow.states[target];
    if (!from || !to || readOnly || marks.locked.has(source)) return;
    const event = freshId(`to_${target}`.slice(0, 64), from.transitions.map((t) => t.event));
    const label = { zh: `转${localize(to.title, 'zh-CN')}`, en: `To ${localize(to.title, 'en')}` };
    onChange({ ...workflow, states: { ...workflow.states, [source]: { ...from, transitions: [...from.transitions, { event, label, target }] } } });
    select({ kind: 'transition', state: source, event });
  };

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Tabs value={view} onChange={(_e, next: View) => setView(next)} sx={{ mb: 1 }}>
          <Tab value="diagram" label={translate('shuoshi.designer.tab.diagram')} data-testid="tab-diagram" />
          <Tab value="fields" label={translate('shuoshi.designer.tab.fields')} data-testid="tab-fields" />
          <Tab value="json" label={translate('shuoshi.designer.tab.json')} data-testid="tab-json" />
        </Tabs>
        {view === 'diagram' ? (
          <Stack spacing={1}>
            {readOnly ? null : (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={() => setAdding('auto')} data-testid="add-state">
                  {translate('shuoshi.designer.palette.add_state')}
                </Button>
                <Chip
                  draggable
                  onDragStart={(event) => {
                    event.dataTransfer.setData(STATE_DRAG_TYPE, 'state');
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  label={translate('shuoshi.designer.palette.drag_state')}
                  variant="outlined"
                  sx={{ cursor: 'grab' }}
                  data-testid="palette-state"
                />
                <Box sx={{ flex: 1 }} />
                <Button
                  size="small"
                  startIcon={<AutorenewIcon />}
                  onClick={() => {
                    forgetPositions(workflow.key);
                    setLayout((n) => n + 1);
                  }}
                >
                  {translate('shuoshi.designer.palette.relayout')}
                </Button>
              </Stack>
            )}
            <WorkflowDiagram
              key={layout}
              workflow={workflow}
              selected={selected ? diagramTargetKey(selected) : null}
              onSelect={select}
              readOnly={readOnly}
              locked={marks.locked}
              added={marks.added}
              changed={marks.changed}
              faulty={faulty}
              {...(readOnly ? {} : { onConnect: connect, onDropState: (position: DiagramPosition) => setAdding(position) })}
              height={620}
            />
          </Stack>
        ) : null}
        {view === 'fields' ? (
          <FieldBuilder fields={workflow.fields} onChange={(fields) => onChange({ ...workflow, fields })} usageOf={(id) => titledUsages(workflow, fieldUsage(workflow, id), (text) => localize(text, locale))} locked={lockedFields} readOnly={readOnly} selected={selected?.kind === 'field' ? selected.field : null} onSelect={(id) => setSelected(id ? { kind: 'field', field: id } : null)} />
        ) : null}
        {view === 'json' ? (
          <JsonEditor
            value={workflow}
            readOnly={readOnly}
            onChange={(next) => {
              setJsonProblem(!isEditableWorkflow(next));
              if (isEditableWorkflow(next)) onChange(next);
            }}
          />
        ) : null}
        {view === 'json' && jsonProblem ? <Chip color="warning" label={translate('shuoshi.designer.json.not_editable')} sx={{ mt: 1 }} /> : null}
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <Stack spacing={2}>
          <ValidationPanel issues={issues} workflow={workflow} pending={pending} onSelect={select} />
          {view === 'diagram' ? (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <SelectionEditor workflow={workflow} selected={selected} locked={marks.locked} lockable={template === null} readOnly={readOnly} onChange={onChange} onSelect={select} />
            </Paper>
          ) : null}
        </Stack>
      </Grid>
      {adding ? <AddStateDialog taken={Object.keys(workflow.states)} suggested={freshId('new_state', Object.keys(workflow.states))} onAdd={addState} onClose={() => setAdding(null)} /> : null}
    </Grid>
  );
}
