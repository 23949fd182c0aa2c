// @vitest-environment happy-dom
import { unionGrievance } from '@shuoshi/engine';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecordContextProvider } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDataProvider, TestAdmin } from '../../testing/test-admin.js';
import { WorkflowSimulator } from './workflow-simulator.js';

afterEach(cleanup);

// Monday 29 September 2025, 09:00 in Beijing: two working days later is 9 October (National Day holidays).
const START = '2025-09-29T09:00:00+08:00';

// As on the workflow's page: inside the record of the workflow version, whose title is bilingual.
function renderSimulator() {
  const { dataProvider, calls } = recordingDataProvider();
  render(
    <TestAdmin dataProvider={dataProvider} roles={['township_admin']}>
      <RecordContextProvider value={{ id: 'union-grievance@1', title: unionGrievance.title }}>
        <WorkflowSimulator workflow={unionGrievance} start={START} diagram={(h) => <div data-testid="diagram">{`${h.current ?? ''}|${(h.visited ?? []).join(',')}`}</div>} />
      </RecordContextProvider>
    </TestAdmin>,
  );
  return calls;
}

function steps(): Array<{ kind: string | null; state: string | null; text: string }> {
  return [...document.querySelectorAll<HTMLElement>('[data-step]')].map((el) => ({ kind: el.getAttribute('data-kind'), state: el.getAttribute('data-state'), text: el.textContent ?? '' }));
}

async function startCase(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '开始模拟' }));
  await screen.findByTestId('sim-current');
}

describe('the simulator', () => {
  it('opens a case with sample data as the intake operator and offers that role\'s events', async () => {
    const user = userEvent.setup();
    const calls = renderSimulator();
    expect(screen.getByRole('textbox', { name: /诉求标题/ })).toHaveProperty('value', '示例：诉求标题');
    await startCase(user);
    expect(document.querySelector('[data-sim-state]')?.getAttribute('data-sim-state')).toBe('intake');
    expect(screen.getByRole('button', { name: '受理' })).toBeTruthy();
    expect(steps()).toEqual([expect.objectContaining({ kind: 'start', state: 'intake' })]);
    expect(screen.getByTestId('diagram').textContent).toBe('intake|intake');
    // Nothing reaches the server: the engine runs in the browser.
    expect(calls.filter((c) => c.method !== 'getList')).toEqual([]);
  });

  it('steps through events, moves the clock by working days and shows the timers, warning and effects', async () => {
    const user = userEvent.setup();
    renderSimulator();
    await startCase(user);
    await user.click(screen.getByRole('button', { name: '受理' }));
    await waitFor(() => expect(document.querySelector('[data-sim-state]')?.getAttribute('data-sim-state')).toBe('triage'));
    const current = screen.getByTestId('sim-current');
    expect(within(current).getByText(/本环节办理时限/)).toBeTruthy();
    expect(current.querySelectorAll('[data-deadline]').length).toBeGreaterThan(0);

    const amount = screen.getByTestId('sim-amount') as HTMLInputElement;
    await user.clear(amount);
    await user.type(amount, '2');
    await user.click(screen.getByRole('button', { name: '推进时间' }));
    await waitFor(() => expect(steps().some((s) => s.kind === 'advance')).toBe(true));
    expect(steps().find((s) => s.kind === 'advance')?.text).toContain('时间推进 2 个工作日');
    const timerSteps = steps().filter((s) => s.kind === 'timer');
    expect(timerSteps.length).toBe(3);
    expect(timerSteps.at(-1)?.text).toContain('到期：办理时限');
    expect(timerSteps.at(-1)?.text).toContain('「研判分流」已超出办理时限');
    expect(steps().some((s) => s.text.includes('预警由黄色预警变为红色预警'))).toBe(true);
    expect(within(screen.getByTestId('sim-current')).getByText('红色预警')).toBeTruthy();
    expect(screen.getByText(/模拟时间：2025年10月9日/)).toBeTruthy();

    // An event that requires a field asks for it, prefilled with a sample value.
    await user.click(screen.getByRole('button', { name: '转调解' }));
    const form = document.querySelector<HTMLElement>('[data-sim-form="route_to_mediation"]')!;
    expect(within(form).getByText('「转调解」需要填写：')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: '转调解' }));
    await waitFor(() => expect(document.querySelector('[data-sim-state]')?.getAttribute('data-sim-state')).toBe('mediation'));
    expect(screen.getByTestId('diagram').textContent).toBe('mediation|intake,triage,mediation');
  });

  it('shows which roles may act when the chosen one may not, and undoes a step', async () => {
    const user = userEvent.setup();
    renderSimulator();
    await startCase(user);
    await user.click(screen.getByRole('button', { name: '受理' }));
    await waitFor(() => expect(document.querySelector('[data-sim-state]')?.getAttribute('data-sim-state')).toBe('triage'));
    await user.click(screen.getByRole('combobox', { name: '以此角色办理' }));
    await user.click(await screen.findByRole('option', { name: '律师' }));
    expect((await screen.findByText(/此角色在当前环节没有可办理的操作/)).textContent).toBe('此角色在当前环节没有可办理的操作。可办理的角色：县总工会管理员、工会管理员、接线员、预警员');

    await user.click(screen.getByRole('button', { name: '撤销上一步' }));
    await waitFor(() => expect(document.querySelector('[data-sim-state]')?.getAttribute('data-sim-state')).toBe('intake'));
    expect(steps()).toHaveLength(1);
  });
});
