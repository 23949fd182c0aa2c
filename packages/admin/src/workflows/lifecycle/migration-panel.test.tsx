// @vitest-environment happy-dom
import { unionGrievance, type Workflow } from '@shuoshi/engine';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingDataProvider, TestAdmin } from '../../testing/test-admin.js';
import { MigrationPanel } from './migration-panel.js';
import { WorkflowApiContext, type MigrationReport, type WorkflowApi, type WorkflowDetail } from './workflow-api.js';

afterEach(cleanup);

// Version 1 of the Huchen flow has a chamber-of-commerce mediation step that version 2 folds into mediation.
function v1(): Workflow {
  const w = structuredClone(unionGrievance);
  w.key = 'huchen-help-farmers';
  w.states['chamber_mediation'] = { title: { zh: '商会调解', en: 'Chamber mediation' }, roles: ['mediator'], sla: { within: '5wd' }, transitions: [] };
  return w;
}

function detail(version: number, definition: Workflow): WorkflowDetail {
  return {
    id: `huchen-help-farmers@${version}`, tenantId: 'huchen', key: 'huchen-help-farmers', version, status: 'published', title: { zh: '胡陈乡助农说事', en: 'Huchen' },
    parent: { tenantId: 'ninghai', key: 'union-grievance', version: 1 }, isOverlay: true, runningCases: 5, note: null, createdBy: null, createdAt: '2025-09-01T00:00:00Z', publishedAt: '2025-09-01T00:00:00Z',
    definition: { ...definition, version }, overlay: {},
  };
}

const REPORT: MigrationReport = {
  dryRun: true, key: 'huchen-help-farmers', from: 1, to: 2, cases: 5, migrated: 0, failed: 0, skipped: 0,
  moves: { chamber_mediation: { mediation: 3 }, triage: { triage: 2 } },
  problems: [{ code: 'SLA_RESTARTED', severity: 'warning', path: 'states.mediation.sla', message: '调解环节的办理时限从迁移时重新计算。', count: 3, cases: [{ caseId: 'c1', reference: 'HC-2025-0001', state: 'chamber_mediation' }] }],
};

function fakeApi(migrate: WorkflowApi['migrate']): WorkflowApi {
  const refuse = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const versions = { 1: detail(1, v1()), 2: detail(2, unionGrievance) };
  return {
    list: async () => Object.values(versions),
    show: async (id) => versions[Number(id.split('@')[1]) as 1 | 2],
    migrate,
    createDraft: refuse, createOverlay: refuse, diff: refuse, validate: refuse, publish: refuse, retire: refuse, rebase: refuse,
  };
}

function renderPanel(migrate: WorkflowApi['migrate']) {
  const { dataProvider } = recordingDataProvider();
  render(
    <TestAdmin dataProvider={dataProvider} roles={['township_admin']}>
      <WorkflowApiContext.Provider value={fakeApi(migrate)}>
        <MigrationPanel record={detail(1, v1())} />
      </WorkflowApiContext.Provider>
    </TestAdmin>,
  );
}

describe('the migration mapping form', () => {
  it('maps each old step to the step of the same name and flags the one the new version lacks', async () => {
    renderPanel(vi.fn());
    const row = await screen.findByText((_, el) => el?.getAttribute('data-map-row') === 'chamber_mediation');
    expect(within(row).getByText('新版本没有「商会调解」，请选择对应的环节')).toBeTruthy();
    expect(within(row).getByRole('combobox').textContent).toBe('\u200b');
    const triage = document.querySelector<HTMLElement>('[data-map-row="triage"]')!;
    expect(within(triage).getByRole('combobox').textContent).toBe('研判分流 (triage)');
    // Final steps hold no open case: they are not asked for.
    expect(document.querySelector('[data-map-row="closed"]')).toBeNull();
    expect(screen.getByText('还有环节没有对应：商会调解。停在这些环节的事项将无法迁移。')).toBeTruthy();
  });

  it('previews the mapped moves with a dry run, then migrates on confirmation', async () => {
    const user = userEvent.setup();
    const migrate = vi.fn<WorkflowApi['migrate']>(async (_id, body) => (body.dryRun ? REPORT : { ...REPORT, dryRun: false, migrated: 5 }));
    renderPanel(migrate);
    const row = await screen.findByText((_, el) => el?.getAttribute('data-map-row') === 'chamber_mediation');
    await user.click(within(row).getByRole('combobox'));
    await user.click(await screen.findByRole('option', { name: '调解 (mediation)' }));
    await waitFor(() => expect(screen.queryByText(/还有环节没有对应/)).toBeNull());

    await user.click(screen.getByRole('button', { name: '预览迁移结果' }));
    await waitFor(() => expect(migrate).toHaveBeenCalledTimes(1));
    const [id, body] = migrate.mock.calls[0]!;
    expect(id).toBe('huchen-help-farmers@1');
    expect(body).toMatchObject({ toVersion: 2, dryRun: true, stateMap: { chamber_mediation: 'mediation', triage: 'triage' } });

    const preview = await screen.findByTestId('migration-preview');
    expect(within(preview).getByText('预览：共 5 件办理中事项，0 件无法迁移。')).toBeTruthy();
    const move = preview.querySelector<HTMLElement>('[data-move="chamber_mediation>mediation"]')!;
    expect(within(move).getAllByRole('cell').map((c) => c.textContent)).toEqual(['商会调解', '→', '调解', '3 件']);
    expect(within(preview).getByText(/调解环节的办理时限从迁移时重新计算/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '确认迁移 5 件事项' }));
    await waitFor(() => expect(migrate).toHaveBeenCalledTimes(2));
    expect(migrate.mock.calls[1]![1]).toMatchObject({ dryRun: false, stateMap: { chamber_mediation: 'mediation' } });
    expect(await screen.findByText('迁移完成：5 件中已迁移 5 件，0 件失败，0 件期间已变化而跳过。')).toBeTruthy();
  });

  it('drops the preview when the mapping changes, so a stale one is never confirmed', async () => {
    const user = userEvent.setup();
    const migrate = vi.fn<WorkflowApi['migrate']>(async () => REPORT);
    renderPanel(migrate);
    await user.click(await screen.findByRole('button', { name: '预览迁移结果' }));
    await screen.findByTestId('migration-preview');
    const row = document.querySelector<HTMLElement>('[data-map-row="chamber_mediation"]')!;
    await user.click(within(row).getByRole('combobox'));
    await user.click(await screen.findByRole('option', { name: '法律援助 (legal_aid)' }));
    await waitFor(() => expect(screen.queryByTestId('migration-preview')).toBeNull());
    expect(screen.queryByRole('button', { name: /确认迁移/ })).toBeNull();
  });
});
