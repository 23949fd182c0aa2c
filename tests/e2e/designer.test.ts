import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callApi, tokenOf } from './api-client.js';
import { launchChromium, screenshot, signIn } from './browser.js';
import { e2eEnabled } from './e2e-mode.js';
import { startE2eServer } from './e2e-server.js';
import { createOverlayFromList, openPage, screenshotOf, settled } from './page-helpers.js';
import { reportFailedPages } from './page-journal.js';

const enabled = e2eEnabled();
const KEY = 'chalu-chamber';
const ID = `${KEY}@1`;

type CaseAnswer = { case: { id: string; state: string; version: number } };

// A township admin turns the county's grievance template into Chalu's own flow with a chamber of
// commerce mediation step, using only the designer's forms and diagram.
describe.skipIf(!enabled)('the workflow designer in a browser', () => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    page = await openPage(browser);
    await signIn(page, server.url, 'chalu.admin');
    token = await tokenOf(server.url, 'chalu.admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailedPages(browser, task.name);
  });

  it('creates a township overlay of the grievance template from the workflows list', async () => {
    await page.goto(`${server.url}/#/workflows`);
    await createOverlayFromList(page, KEY);
  });

  it("opens the draft on its diagram, with the template's locked states, and names it", async () => {
    await page.getByTestId('workflow-diagram').waitFor();
    await page.getByTestId('validation-ok').waitFor();
    const resolved = page.getByTestId('designer-state-node').filter({ hasText: '已办结' });
    expect(await resolved.getByLabel('模板锁定').count()).toBe(1);
    const settings = page.getByTestId('workflow-settings');
    await settings.getByRole('textbox', { name: '流程名称（中文）' }).fill('岔路镇职工说事');
    await settings.getByRole('textbox', { name: '流程名称（英文）' }).fill('Chalu workers’ matters');
    await page.getByRole('heading', { name: '岔路镇职工说事', exact: true }).waitFor();
    await screenshot(page, 'designer-overlay-opened');
  });

  it('adds a case field with the field builder', async () => {
    await page.getByTestId('tab-fields').click();
    await page.getByTestId('new-field-id').fill('chamber_case_no');
    await page.getByRole('button', { name: '添加字段' }).click();
    await page.getByTestId('field-chamber_case_no-label-zh').fill('商会受理编号');
    await page.getByTestId('field-chamber_case_no-label-en').fill('Chamber case number');
    await screenshot(page, 'designer-field-builder');
  });

  it('adds the chamber mediation state with a 5-working-day SLA and sees the issues it raises', async () => {
    await page.getByTestId('tab-diagram').click();
    // Dragging the palette item onto the canvas asks for the same details as the button.
    await page.getByTestId('palette-state').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 120, y: 120 } });
    await page.getByRole('dialog').getByText('添加环节').waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('add-state').click();
    await page.getByTestId('new-state-id').fill('chamber_mediation');
    await page.getByTestId('new-state-zh').fill('商会调解');
    await page.getByTestId('new-state-en').fill('Chamber of commerce mediation');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    const form = page.getByTestId('state-form');
    await form.getByTestId('state-sla-amount').fill('5');
    expect(await form.getByTestId('state-sla-unit').inputValue()).toBe('wd');
    await page.getByTestId('designer-state-node').filter({ hasText: '商会调解' }).getByText('时限 5 工作日').waitFor();
    // A new state nobody reaches and that leads nowhere: the engine says so at once.
    const deadEnd = page.locator('[data-testid="validation-issue"][data-code="DEAD_END"]');
    await deadEnd.waitFor();
    const unreachable = page.locator('[data-testid="validation-issue"][data-code="UNREACHABLE_STATE"]');
    expect(await unreachable.count()).toBe(1);
    // Each issue is a whole Chinese sentence naming the state by its title and saying how to fix
    // it; the engine's English message stays below it, small, for developers.
    expect(await deadEnd.getByTestId('validation-sentence').textContent()).toBe('环节“商会调解”不是结束环节，却没有任何操作，进入这里的事项会卡住：请为它添加一个操作，或把它设为结束环节。');
    expect(await unreachable.getByTestId('validation-sentence').textContent()).toBe('从开始环节“受理”无法到达环节“商会调解”：请在别的环节添加一个流转到它的操作，或删除这个环节。');
    expect(await deadEnd.getByTestId('validation-detail').textContent()).toContain('State "chamber_mediation" is not final');
    await screenshot(page, 'designer-validation-issues');
    await screenshotOf(page.getByTestId('validation-panel'), 'designer-validation-sentence');
  });

  it('fixes the dead end by clicking the issue and adding a transition in the state form', async () => {
    await page.getByTestId('designer-state-node').filter({ hasText: '受理' }).first().click();
    await page.locator('[data-testid="validation-issue"][data-code="DEAD_END"]').click();
    const form = page.getByTestId('state-form');
    await form.getByText('chamber_mediation', { exact: true }).waitFor();
    await form.getByTestId('new-transition-id').fill('settle');
    await form.getByRole('button', { name: '添加操作' }).click();
    const transition = page.getByTestId('transition-form');
    await transition.getByTestId('transition-label-zh').fill('调解成功');
    await transition.getByTestId('transition-label-en').fill('Settled');
    await transition.getByRole('combobox', { name: '流转到' }).click();
    await page.getByRole('option', { name: '已办结（答复职工）' }).click();
    await expect.poll(async () => page.locator('[data-testid="validation-issue"][data-code="DEAD_END"]').count()).toBe(0);
  });

  it('leads triage into the new state with a transition that requires the new field', async () => {
    await page.getByTestId('designer-state-node').filter({ hasText: '研判分流' }).click();
    const form = page.getByTestId('state-form');
    await form.getByTestId('new-transition-id').fill('to_chamber');
    await form.getByRole('button', { name: '添加操作' }).click();
    const transition = page.getByTestId('transition-form');
    await transition.getByTestId('transition-label-zh').fill('转商会调解');
    await transition.getByTestId('transition-label-en').fill('To chamber mediation');
    await transition.getByRole('combobox', { name: '流转到' }).click();
    await page.getByRole('option', { name: '商会调解' }).click();
    await transition.getByRole('combobox', { name: '必填字段' }).click();
    await page.getByRole('option', { name: '商会受理编号' }).click();
    await page.keyboard.press('Escape');
    // Only matters that are not common demands go to the chamber: a condition built without JSON.
    await transition.getByRole('button', { name: '添加条件' }).click();
    await transition.getByRole('combobox', { name: /^字段/ }).click();
    await page.getByRole('option', { name: '共性诉求', exact: true }).click();
    await transition.getByRole('combobox', { name: /^比较/ }).click();
    await page.getByRole('option', { name: '不等于', exact: true }).click();
    expect(await transition.getByRole('combobox', { name: /^比较/ }).textContent()).toBe('不等于');
    await page.getByTestId('validation-ok').waitFor();
    await page.getByTestId('designer-state-node').filter({ hasText: '商会调解' }).getByText('新增').waitFor();
    await screenshot(page, 'designer-chamber-mediation');
  });

  it('adds a transition by dragging from one state to another, and deletes it after confirming', async () => {
    const from = page.getByTestId('designer-state-node').filter({ hasText: '商会调解' }).locator('xpath=..').locator('.react-flow__handle-bottom');
    const to = page.locator('.react-flow__node', { hasText: '归档' }).filter({ hasNotText: '回访' }).locator('.react-flow__handle-top');
    // The forms beside the diagram have grown taller than the window: the previous step may have
    // left the page scrolled down, and a mouse drag needs both handles inside the viewport.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.locator('.react-flow').scrollIntoViewIfNeeded();
    await from.hover();
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    const viewport = page.viewportSize();
    if (!a || !b || !viewport) throw new Error('the handles are not on screen');
    if ([a, b].some((box) => box.y < 0 || box.y + box.height > viewport.height)) throw new Error(`a handle is outside the window (${JSON.stringify({ a, b, viewport })})`);
    const transition = page.getByTestId('transition-form');
    const made = transition.getByText('chamber_mediation → to_closed');
    // On a loaded machine the browser may drop moves of a quick drag; a user would try again.
    for (let attempt = 1; ; attempt += 1) {
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 8, { steps: 4 });
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 24 });
      await page.mouse.up();
      try {
        await made.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await transition.getByRole('button', { name: '删除操作' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    await page.getByTestId('state-form').waitFor();
    expect(await page.getByTestId('transition-form').count()).toBe(0);
  });

  it('refuses to delete a state that a transition still leads to, saying which', async () => {
    await page.getByTestId('state-form').getByRole('button', { name: '删除环节' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('“商会调解”还不能删除').waitFor();
    await dialog.getByText('环节“研判分流”的操作“转商会调解”流转到它').waitFor();
    await screenshot(page, 'designer-delete-refused');
    await dialog.getByRole('button', { name: '知道了' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the same definition as text in the advanced JSON view', async () => {
    await page.getByTestId('tab-json').click();
    const text = await page.getByTestId('json-text').inputValue();
    const definition = JSON.parse(text) as { states: Record<string, { transitions: Array<{ event: string; condition?: unknown }> }> };
    expect(definition.states['triage']?.transitions.find((t) => t.event === 'to_chamber')?.condition).toEqual({ field: 'common_demand', op: 'ne', value: true });
    await screenshot(page, 'designer-json');
    await page.getByTestId('tab-diagram').click();
  });

  it('adds a data warning rule in the workflow settings, and undoes the deletion of another', async () => {
    // The empty canvas (its top left corner, clear of the fitted diagram) shows the flow's settings.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });
    const settings = page.getByTestId('workflow-settings');
    await settings.waitFor();
    await settings.getByTestId('new-rule-id').fill('night_shift');
    await settings.getByRole('button', { name: '添加规则' }).click();
    const rule = settings.getByTestId('rule-night_shift');
    await rule.getByTestId('rule-night_shift-title-zh').fill('夜班通勤难');
    await rule.getByTestId('rule-night_shift-title-en').fill('Night-shift commute');
    await rule.getByRole('combobox', { name: /^预警颜色/ }).click();
    await page.getByRole('option', { name: '红色预警', exact: true }).click();
    await rule.getByRole('combobox', { name: /^字段/ }).click();
    await page.getByRole('option', { name: '诉求类别', exact: true }).click();
    await rule.getByRole('combobox', { name: /^值/ }).click();
    await page.getByRole('option', { name: '通勤出行', exact: true }).click();
    await page.getByTestId('validation-ok').waitFor();
    await screenshotOf(settings.getByTestId('warning-rules-editor').locator('xpath=..'), 'designer-settings-warning-rule');

    // Deleting the template's wage-arrears rule by mistake: the dialog points to 撤销, which brings it back.
    await settings.getByText('欠薪诉求', { exact: true }).click();
    await settled(settings);
    await settings.getByTestId('rule-wage_arrears').getByRole('button', { name: '删除规则' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/撤销/).waitFor();
    await dialog.getByRole('button', { name: '删除' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => settings.getByTestId('rule-wage_arrears').count()).toBe(0);
    await page.getByTestId('designer-undo').click();
    await settings.getByTestId('rule-wage_arrears').waitFor();
    expect(await settings.getByTestId('rule-night_shift').count()).toBe(1);
  });

  it('saves the draft as an overlay of the template', async () => {
    await page.getByTestId('designer-save').click();
    await page.getByText('草稿已保存').waitFor();
    await expect.poll(async () => page.getByTestId('designer-dirty').count()).toBe(0);
    const detail = await callApi<{ overlay: { states: Record<string, unknown> }; definition: { states: Record<string, { sla?: { within: string } }>; warningRules?: Record<string, unknown> } }>(server.url, `/workflows/${encodeURIComponent(ID)}`, { token });
    expect(Object.keys(detail.overlay.states).sort()).toEqual(['chamber_mediation', 'triage']);
    expect(detail.definition.states['chamber_mediation']?.sla).toEqual({ within: '5wd' });
    expect(Object.keys(detail.definition.warningRules ?? {}).sort()).toEqual(['many_workers', 'night_shift', 'wage_arrears']);
    expect(detail.definition.warningRules?.['night_shift']).toEqual({ title: { zh: '夜班通勤难', en: 'Night-shift commute' }, when: { field: 'category', op: 'eq', value: 'commute' }, level: 'red' });
  });

  it('publishes, and a case opened afterwards follows the new flow', async () => {
    await page.goto(`${server.url}/#/workflows/${encodeURIComponent(ID)}/show`);
    await page.locator('[data-path="states.chamber_mediation"]').waitFor();
    await screenshot(page, 'designer-diff');
    await page.getByRole('button', { name: '发布' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('检查通过，可以发布。').waitFor();
    await dialog.getByTestId('publish-note').fill('新增商会调解环节');
    await dialog.getByRole('button', { name: '发布' }).click();
    await expect.poll(async () => page.locator('[data-status]').first().getAttribute('data-status')).toBe('published');
    await page.goto(`${server.url}/#/workflows/${encodeURIComponent(ID)}/design`);
    await page.getByTestId('designer-read-only').waitFor();
    await screenshot(page, 'designer-published-read-only');

    const opened = await callApi<{ id: string; state: string; version: number }>(server.url, '/cases', { token, method: 'POST', json: { workflow: { key: KEY }, channel: 'walk_in', data: { title: '货款纠纷', description: '货车司机与货主的运费纠纷，申请商会调解。' } } });
    const accepted = await callApi<CaseAnswer>(server.url, `/cases/${opened.id}/events`, { token, method: 'POST', json: { type: 'accept', version: opened.version } });
    expect(accepted.case.state).toBe('triage');
    const moved = await callApi<CaseAnswer>(server.url, `/cases/${opened.id}/events`, { token, method: 'POST', json: { type: 'to_chamber', version: accepted.case.version, data: { chamber_case_no: 'SH-2025-017' } } });
    expect(moved.case.state).toBe('chamber_mediation');
    const settled = await callApi<CaseAnswer>(server.url, `/cases/${opened.id}/events`, { token, method: 'POST', json: { type: 'settle', version: moved.case.version } });
    expect(settled.case.state).toBe('resolved');
  });
});
