// @vitest-environment happy-dom
import { diffWorkflows, unionGrievance, type Workflow } from '@shuoshi/engine';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDataProvider, TestAdmin } from '../../testing/test-admin.js';
import type { WorkflowChange } from './workflow-api.js';
import { WorkflowDiffView } from './workflow-diff-view.js';

afterEach(cleanup);

// The Huchen change of issue 6: a chamber-of-commerce mediation step with a 5-working-day SLA,
// a transition into it from triage, a slower triage, and the counselling route dropped.
function huchen(): Workflow {
  const next = structuredClone(unionGrievance);
  next.key = 'huchen-help-farmers';
  next.states['chamber_mediation'] = {
    title: { zh: '商会调解', en: 'Chamber mediation' },
    roles: ['mediator'],
    sla: { within: '5wd' },
    transitions: [{ event: 'chamber_resolved', label: { zh: '调解成功', en: 'Resolved' }, target: 'resolved', requires: ['resolution'] }],
  };
  const triage = next.states['triage']!;
  triage.sla = { within: '2wd' };
  triage.transitions = triage.transitions.filter((t) => t.event !== 'route_to_counselling');
  triage.transitions.push({ event: 'to_chamber', label: { zh: '转商会调解', en: 'To chamber mediation' }, target: 'chamber_mediation', requires: ['category'] });
  return next;
}

function renderDiff(after: Workflow) {
  // The server drops these from its diff (see the workflows service): they always differ.
  const changes = diffWorkflows(unionGrievance, after).filter((c) => c.path !== 'key') as WorkflowChange[];
  const { dataProvider } = recordingDataProvider();
  render(
    <TestAdmin dataProvider={dataProvider} roles={['township_admin']}>
      <WorkflowDiffView changes={changes} before={unionGrievance} after={after} beforeLabel="union-grievance v1" />
    </TestAdmin>,
  );
  return changes;
}

function row(path: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-path="${path}"]`);
  if (!found) throw new Error(`no diff row for ${path}`);
  return found;
}

describe('the diff view', () => {
  it('counts the changes against the template in one sentence', async () => {
    renderDiff(huchen());
    expect((await screen.findByTestId('diff-summary')).textContent).toBe('与 union-grievance v1 相比：新增 2 处，修改 1 处，删除 1 处。');
  });

  it('shows a changed SLA side by side in working days, under the state title', () => {
    renderDiff(huchen());
    const cells = within(row('states.triage.sla')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['修改', '环节「研判分流」', '办理时限', '1 个工作日', '2 个工作日']);
  });

  it('describes an added state and an added transition by their titles and targets', () => {
    renderDiff(huchen());
    const state = within(row('states.chamber_mediation')).getAllByRole('cell').map((c) => c.textContent);
    expect(state.slice(0, 4)).toEqual(['新增', '环节「商会调解」', '整体', '']);
    expect(state[4]).toContain('商会调解；办理时限 5 个工作日');
    expect(state[4]).toContain('可办理：调解成功 → 「已办结（答复职工）」');
    const transition = within(row('states.triage.transitions.to_chamber')).getAllByRole('cell').map((c) => c.textContent);
    expect(transition).toEqual(['新增', '环节「研判分流」的操作「转商会调解」', '整体', '', '转商会调解 → 「商会调解」']);
  });

  it('shows a removed transition with its old value only', () => {
    renderDiff(huchen());
    const cells = within(row('states.triage.transitions.route_to_counselling')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toBe('删除');
    expect(cells[1]).toBe('环节「研判分流」的操作「转心理疏导」');
    expect(cells[3]).toContain('→ 「心理疏导」');
    expect(cells[4]).toBe('');
  });

  it('says so when nothing changed', () => {
    const same = structuredClone(unionGrievance);
    expect(renderDiff(same)).toEqual([]);
    expect(screen.getByText('与 union-grievance v1 相比没有任何改动。')).toBeTruthy();
  });
});
