// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { unionGrievance, validateWorkflow, type Workflow } from '@shuoshi/engine';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { AdminContext, memoryStore } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import { messagesOf } from '../../i18n/i18n-provider.js';
import { recordingDataProvider, TestAdmin } from '../../testing/test-admin.js';
import type { DiagramTarget } from './diagram-target.js';
import type { DesignerIssue } from './use-live-validation.js';
import { ValidationPanel } from './validation-panel.js';

afterEach(cleanup);

// The grievance template with a misspelt target (escalation is no longer reached) and a new state nothing leads to.
function brokenWorkflow(): { workflow: Workflow; issues: DesignerIssue[] } {
  const workflow = structuredClone(unionGrievance);
  workflow.states['triage']!.transitions[4]!.target = 'legal_aidd';
  workflow.states['chamber'] = { title: { zh: '商会调解', en: 'Chamber mediation' }, transitions: [{ event: 'settle', label: { zh: '调解成功', en: 'Settled' }, target: 'resolved' }] };
  return { workflow, issues: validateWorkflow(workflow).issues };
}

describe('the validation panel', () => {
  it('says each issue as a Chinese sentence, keeps the engine message small, and selects the place on a click', () => {
    const { workflow, issues } = brokenWorkflow();
    const selected: DiagramTarget[] = [];
    render(
      <TestAdmin dataProvider={recordingDataProvider().dataProvider}>
        <ValidationPanel issues={issues} workflow={workflow} pending={false} onSelect={(target) => selected.push(target)} />
      </TestAdmin>,
    );
    const rows = screen.getAllByTestId('validation-issue');
    // The escalation state is unreachable too, now that nothing leads to it.
    expect(rows.map((row) => row.getAttribute('data-code')).sort()).toEqual(['UNKNOWN_TARGET', 'UNREACHABLE_STATE', 'UNREACHABLE_STATE']);
    const target = rows.find((row) => row.getAttribute('data-code') === 'UNKNOWN_TARGET');
    if (!target) throw new Error('no UNKNOWN_TARGET row');
    expect(within(target).getByText('流转目标不存在')).toBeTruthy();
    expect(within(target).getByTestId('validation-sentence').textContent).toBe('环节“研判分流”的操作“跨界联动”流转到“legal_aidd”，但没有这个环节：请在该操作的“流转到”中选一个已有环节，或添加这个环节。');
    expect(within(target).getByTestId('validation-detail').textContent).toContain('targets "legal_aidd", which is not a state');
    fireEvent.click(target);
    expect(selected).toEqual([{ kind: 'transition', state: 'triage', event: 'escalate' }]);

    const unreachable = rows.find((row) => row.getAttribute('data-code') === 'UNREACHABLE_STATE' && row.textContent?.includes('商会调解'));
    if (!unreachable) throw new Error('no UNREACHABLE_STATE row');
    expect(within(unreachable).getByTestId('validation-sentence').textContent).toBe('从开始环节“受理”无法到达环节“商会调解”：请在别的环节添加一个流转到它的操作，或删除这个环节。');
    fireEvent.click(unreachable);
    expect(selected[1]).toEqual({ kind: 'state', state: 'chamber' });
  });

  it('speaks English in the English panel, without the engine message under a precise sentence', () => {
    const { workflow, issues } = brokenWorkflow();
    render(
      <AdminContext dataProvider={recordingDataProvider().dataProvider} i18nProvider={polyglotI18nProvider((locale) => messagesOf(locale), 'en')} store={memoryStore()}>
        <ValidationPanel issues={issues} workflow={workflow} pending={false} onSelect={() => undefined} />
      </AdminContext>,
    );
    const sentences = screen.getAllByTestId('validation-sentence').map((node) => node.textContent);
    expect(sentences).toContain('The state "Chamber mediation" cannot be reached from the start state "Intake": add an event in another state that goes to it, or delete the state.');
    expect(screen.queryAllByTestId('validation-detail')).toHaveLength(0);
  });

  it('says so when there is nothing to fix', () => {
    render(
      <TestAdmin dataProvider={recordingDataProvider().dataProvider}>
        <ValidationPanel issues={[]} workflow={unionGrievance} pending={false} onSelect={() => undefined} />
      </TestAdmin>,
    );
    expect(screen.getByTestId('validation-ok').textContent).toContain('没有发现问题');
  });
});
