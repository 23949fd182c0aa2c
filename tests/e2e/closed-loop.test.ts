import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callApi, secondOfNextMonth, tokenOf } from './api-client.js';
import { launchChromium, screenshot, signIn } from './browser.js';
import { e2eEnabled } from './e2e-mode.js';
import { startE2eServer } from './e2e-server.js';
import { figureValue, openPage, pageWidth, sendEvent, stateOf } from './page-helpers.js';
import { reportFailedPages } from './page-journal.js';

const enabled = e2eEnabled();

const TITLE = '夜班食堂关门早，下班吃不上饭';
const DESCRIPTION = '夜班八点上岗，食堂五点半就关门了，希望夜班也能吃上一顿热饭。';

// The story of issue 5, in order: each step leaves what the next one needs here.
const story = { code: '', reference: '', caseId: '' };

describe.skipIf(!enabled)('the closed loop in a browser: dashboard, workers’ page, agency page', () => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  let supervisor: Page;
  let worker: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailedPages(browser, task.name);
  });

  const newPage = (options: { phone?: boolean } = {}) => openPage(browser, options);

  it('shows a supervisor the dashboard with the demo data, each figure opening its list', async () => {
    supervisor = await newPage();
    await signIn(supervisor, server.url, 'ninghai.supervisor', /#\/dashboard/);
    await supervisor.getByTestId('township-table').waitFor();
    await supervisor.getByTestId('risk-card').waitFor();
    await supervisor.locator('[data-testid="trend-chart"] .recharts-line').first().waitFor();
    expect(Number(await figureValue(supervisor, 'received'))).toBeGreaterThan(0);
    expect(Number(await figureValue(supervisor, 'open'))).toBeGreaterThan(0);
    for (const rate of ['completion', 'onTime', 'response', 'satisfaction']) expect(await figureValue(supervisor, rate)).toMatch(/%$/);
    // The county sees its townships ranked and its enterprises' colours.
    for (const township of ['chalu', 'huchen', 'nanbu']) await supervisor.locator(`[data-township="${township}"]`).waitFor();
    expect(await supervisor.locator('[data-enterprise]').count()).toBeGreaterThan(0);
    expect(await supervisor.locator('[data-testid="trend-chart"] .recharts-line').count()).toBe(4);
    await screenshot(supervisor, 'dashboard');

    // An enterprise's history of colours opens on request.
    const firstEnterprise = supervisor.locator('[data-enterprise]').first();
    await firstEnterprise.getByRole('button', { name: '风险变化记录' }).click();
    await firstEnterprise.locator('[data-testid^="risk-history-"]').waitFor();

    // The targets are the user's to set: a low completion target turns the rate green.
    await supervisor.getByRole('button', { name: '考核目标' }).click();
    const targets = supervisor.getByRole('dialog');
    await targets.getByRole('spinbutton', { name: '办结率', exact: true }).fill('1');
    await targets.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => supervisor.locator('[data-figure="completion"]').getAttribute('data-standing')).toBe('met');
    await supervisor.getByRole('button', { name: '考核目标' }).click();
    await supervisor.getByRole('dialog').getByRole('button', { name: '恢复默认' }).click();
    await supervisor.getByRole('dialog').getByRole('button', { name: '保存' }).click();

    // A quarter and a township: the period and the union change together with the figures.
    await supervisor.getByRole('button', { name: '季', exact: true }).click();
    await expect.poll(async () => (await supervisor.getByTestId('dashboard-period').textContent()) ?? '').toMatch(/季度/);
    await supervisor.locator('[data-township="chalu"]').getByRole('button', { name: '岔路镇总工会' }).click();
    await supervisor.locator('[data-township="gaotan"]').waitFor();
    await screenshot(supervisor, 'dashboard-chalu-quarter');

    // Every figure opens its list: the red cases, the overdue referrals, the risk register.
    await supervisor.locator('[data-figure="warning-red"] a').click();
    await supervisor.waitForURL(/#\/cases\?/);
    const filter = JSON.parse(new URL(supervisor.url().replace('/#/', '/')).searchParams.get('filter') ?? '{}') as Record<string, unknown>;
    expect(filter).toEqual({ tenantId: 'chalu', status: 'open', warning: ['red'] });
    await supervisor.locator('tbody tr').first().waitFor();
    await expect.poll(async () => (await supervisor.locator('tbody tr [data-warning]').allTextContents()).every((text) => text === '红色预警')).toBe(true);
    await supervisor.goBack();
    await supervisor.locator('[data-figure="referrals-overdue"] a').click();
    await supervisor.waitForURL(/#\/referrals\?/);
    await supervisor.getByRole('columnheader', { name: '答复期限' }).waitFor();
    await supervisor.locator('tbody tr', { hasText: '等待答复' }).first().waitFor();
    await screenshot(supervisor, 'referrals');
    await supervisor.goto(`${server.url}/#/dashboard`);
    await supervisor.locator('[data-figure="risk-all"]').click();
    await supervisor.waitForURL(/#\/risk-register\?/);
    await supervisor.getByRole('columnheader', { name: '在办事项' }).waitFor();
    await supervisor.locator('tbody tr', { hasText: '红色预警' }).first().click();
    await supervisor.locator('[data-testid^="risk-history-"]').waitFor();
    await screenshot(supervisor, 'risk-register');

    // The notification bell lists the supervisor's unread notices (none may be waiting yet).
    await supervisor.getByRole('button', { name: '通知' }).click();
    await supervisor.getByTestId('notifications').waitFor();
    await supervisor.keyboard.press('Escape');

    // English is the second language here too.
    await supervisor.goto(`${server.url}/#/dashboard`);
    await supervisor.getByRole('button', { name: '中文' }).click();
    await supervisor.getByRole('menuitem', { name: 'English' }).click();
    await supervisor.getByText('Completion rate').first().waitFor();
    await screenshot(supervisor, 'dashboard-en');
    await supervisor.getByRole('button', { name: 'English' }).click();
    await supervisor.getByRole('menuitem', { name: '中文' }).click();
    await supervisor.getByText('办结率').first().waitFor();
  });

  it("lets an agency reply to a referral through its signed link, and says plainly when a link is used or broken", async () => {
    const token = await tokenOf(server.url, 'ninghai.supervisor');
    const [referral] = await callApi<Array<{ caseId: string; referralId: string; caseTitle: string }>>(server.url, `/referrals?filter=${encodeURIComponent(JSON.stringify({ status: 'awaiting' }))}&range=[0,0]`, { token });
    expect(referral).toBeDefined();
    const link = await callApi<{ url: string }>(server.url, `/cases/${referral?.caseId}/referrals/${encodeURIComponent(referral?.referralId ?? '')}/link`, { method: 'POST', token });
    const agency = await newPage({ phone: true });
    await agency.goto(link.url.replace(/^https?:\/\/[^/]+/, server.url));
    await agency.getByTestId('referral').waitFor();
    await agency.getByText(referral?.caseTitle ?? '').first().waitFor();
    await agency.getByText('请您办理的事项').waitFor();
    expect(await pageWidth(agency)).toBeLessThanOrEqual(360);
    await screenshot(agency, 'agency-referral');
    await agency.getByRole('textbox', { name: '答复内容' }).fill('经研究，县交通集团将于下月开通夜班公交线路，途经开发区和职工聚居区。');
    await agency.getByTestId('reply-files').setInputFiles({ name: '答复函.txt', mimeType: 'text/plain', buffer: Buffer.from('关于开通夜班公交的答复函') });
    await agency.getByText('答复函.txt').waitFor();
    await agency.getByRole('button', { name: '提交答复' }).click();
    await agency.getByText('答复已提交，谢谢！工会将据此答复职工。').waitFor();
    await agency.getByTestId('referral-closed').waitFor();
    await screenshot(agency, 'agency-replied');

    // A link whose signature does not match is refused, without changing anything.
    await agency.goto(`${link.url.replace(/^https?:\/\/[^/]+/, server.url)}x`);
    await agency.getByTestId('referral-invalid').waitFor();
    await agency.getByText('链接无效或已过期').waitFor();
    await agency.context().close();
  });

  it('lets a worker file an anonymous matter on a phone and keep the tracking code', async () => {
    // The rest of the story happens on the 2nd of next month, so that it stays in one month of figures.
    const clock = await callApi<{ now: string }>(server.url, '/test/clock');
    await callApi(server.url, '/test/clock/advance', { method: 'POST', json: { to: secondOfNextMonth(clock.now) } });
    await supervisor.goto(`${server.url}/#/dashboard`);
    await supervisor.reload();
    await expect.poll(() => figureValue(supervisor, 'received')).toBe('0');
    expect(await figureValue(supervisor, 'completion')).toBe('—');
    expect(await figureValue(supervisor, 'satisfaction')).toBe('—');
    await screenshot(supervisor, 'dashboard-new-month');

    worker = await newPage({ phone: true });
    const scripts = new Map<string, number>();
    worker.on('response', (response) => {
      if (!response.url().endsWith('.js')) return;
      void response.body().then((body) => scripts.set(response.url(), gzipSync(body, { level: 9 }).length), () => undefined);
    });
    await worker.goto(`${server.url}/speak`);
    await worker.getByRole('combobox', { name: /向哪个工会反映/ }).selectOption('chalu');
    // The workers' page loads no react-admin: far less than the panel's first page.
    await expect.poll(() => scripts.size).toBeGreaterThan(0);
    expect([...scripts.values()].reduce((sum, bytes) => sum + bytes, 0)).toBeLessThan(220_000);
    await worker.getByRole('radio', { name: '职工诉求处理', exact: true }).check();
    expect(await worker.getByRole('button', { name: /匿名反映/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await worker.getByRole('textbox', { name: /职工姓名/ }).count()).toBe(0);
    await worker.getByRole('button', { name: '提交' }).click();
    await worker.getByText('必填').first().waitFor();
    await worker.getByRole('textbox', { name: /诉求标题/ }).fill(TITLE);
    await worker.getByRole('textbox', { name: /诉求内容/ }).fill(DESCRIPTION);
    expect(await pageWidth(worker)).toBeLessThanOrEqual(360);
    await screenshot(worker, 'speak-form');
    await worker.getByRole('button', { name: '提交' }).click();
    const code = worker.locator('[data-tracking-code]');
    await code.waitFor();
    story.code = (await code.getAttribute('data-tracking-code')) ?? '';
    expect(story.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    story.reference = ((await worker.getByText(/事项编号 /).textContent()) ?? '').replace('事项编号 ', '').trim();
    expect(story.reference).toMatch(/^NH-\d{4}-\d+$/);
    await screenshot(worker, 'speak-code');

    // English is one tap away.
    await worker.getByRole('button', { name: 'English' }).click();
    await worker.getByText('Your tracking code').waitFor();
    await screenshot(worker, 'speak-code-en');
    await worker.getByRole('button', { name: '中文' }).click();
    await worker.getByText('您的查询码').waitFor();
  });

  it('lets an intake operator find it and send it on with the required fields, and a mediator take it', async () => {
    expect(story.reference).not.toBe('');
    const intake = await newPage();
    await signIn(intake, server.url, 'chalu.intake');
    await intake.getByPlaceholder('搜索标题、内容或编号').fill(story.reference);
    // The search is debounced: wait for the list it asks for before opening the row.
    await expect.poll(() => decodeURIComponent(intake.url())).toContain(story.reference);
    await expect.poll(() => intake.locator('tbody tr').count()).toBe(1);
    await intake.locator('tbody tr', { hasText: TITLE }).click();
    await intake.waitForURL(/#\/cases\/[^/]+\/show/);
    story.caseId = decodeURIComponent(/#\/cases\/([^/]+)\/show/.exec(intake.url())?.[1] ?? '');
    await expect.poll(() => stateOf(intake)).toBe('受理');
    await sendEvent(intake, '受理');
    await expect.poll(() => stateOf(intake)).toBe('研判分流');
    // Routing needs the category the worker left out: the form asks for it.
    await intake.getByRole('button', { name: '转调解' }).click();
    const route = intake.getByRole('dialog');
    await route.getByRole('button', { name: '转调解' }).click();
    await route.getByText('必填').first().waitFor();
    await route.getByRole('combobox', { name: '诉求类别' }).click();
    await intake.getByRole('option', { name: '劳动条件' }).click();
    await route.getByRole('button', { name: '转调解' }).click();
    await expect.poll(() => stateOf(intake)).toBe('调解');
    await screenshot(intake, 'story-intake');
    await intake.context().close();

    const mediator = await newPage();
    await signIn(mediator, server.url, 'chalu.mediator');
    await mediator.goto(`${server.url}/#/cases/${encodeURIComponent(story.caseId)}/show`);
    await expect.poll(() => stateOf(mediator)).toBe('调解');
    await sendEvent(mediator, '认领');
    await mediator.locator('[data-type="claim"]').waitFor();
    await mediator.context().close();
  });

  it('turns the case yellow when the clock passes 80 % of the mediation time, and the dashboard shows it', async () => {
    const token = await tokenOf(server.url, 'chalu.intake');
    let warning = '';
    // Day by day: yellow comes at 80 % of 10 working days, red at 100 %, at least two days later.
    for (let day = 0; day < 25 && warning !== 'yellow'; day += 1) {
      await callApi(server.url, '/test/clock/advance', { method: 'POST', json: { by: '1d' } });
      ({ warning } = await callApi<{ warning: string }>(server.url, `/cases/${encodeURIComponent(story.caseId)}`, { token }));
    }
    expect(warning).toBe('yellow');
    // The days that passed queued notices that the outbox worker delivers in the background: wait
    // until it is done, so the bell's count below holds still while the test reads it.
    const supervisorToken = await tokenOf(server.url, 'ninghai.supervisor');
    const undelivered = `/outbox?filter=${encodeURIComponent(JSON.stringify({ status: ['pending', 'sending'] }))}&range=[0,0]`;
    await expect.poll(async () => (await callApi<unknown[]>(server.url, undelivered, { token: supervisorToken })).length, { timeout: 30_000 }).toBe(0);

    await supervisor.goto(`${server.url}/#/dashboard`);
    await supervisor.reload();
    await expect.poll(() => figureValue(supervisor, 'received')).toBe('1');
    expect(Number(await figureValue(supervisor, 'warning-yellow'))).toBeGreaterThan(0);
    await screenshot(supervisor, 'dashboard-yellow');
    await supervisor.locator('[data-figure="warning-yellow"] a').click();
    await supervisor.waitForURL(/#\/cases\?/);
    await supervisor.getByPlaceholder('搜索标题、内容或编号').fill(story.reference);
    // The list's search is debounced and the machine may be busy: give the URL time to follow.
    await expect.poll(() => decodeURIComponent(supervisor.url()), { timeout: 10_000 }).toContain(story.reference);
    await expect.poll(() => supervisor.locator('tbody tr').count()).toBe(1);
    const row = supervisor.locator('tbody tr', { hasText: TITLE });
    await row.waitFor();
    expect(await row.locator('[data-warning]').textContent()).toBe('黄色预警');
    await screenshot(supervisor, 'dashboard-yellow-cases');

    // The days that passed brought the supervisor notices (red warnings of the demo cases): the
    // bell counts them, and one opens its case and is read on the way.
    const bell = supervisor.getByRole('button', { name: '通知' });
    await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBeGreaterThan(0);
    const unread = Number(await bell.getAttribute('data-unread'));
    await bell.click();
    await supervisor.getByTestId('notifications').getByRole('button', { name: /^查看事项 / }).first().waitFor();
    // The popover fades in: shoot it once it is opaque.
    await supervisor.waitForFunction("getComputedStyle(document.querySelector('[data-testid=\"notifications\"]').closest('.MuiPaper-root')).opacity === '1'");
    await screenshot(supervisor, 'notifications');
    await supervisor.getByTestId('notifications').getByRole('button', { name: /^查看事项 / }).first().click();
    await supervisor.waitForURL(/#\/cases\/[^/]+\/show/);
    await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBe(unread - 1);
  });

  it('lets the mediator resolve it, another user start the follow-up, and the worker rate it by code; the rates change', async () => {
    const mediator = await newPage();
    await signIn(mediator, server.url, 'chalu.mediator');
    await mediator.goto(`${server.url}/#/cases/${encodeURIComponent(story.caseId)}/show`);
    await expect.poll(() => stateOf(mediator)).toBe('调解');
    await sendEvent(mediator, '调解成功', { 办理结果: '经协调，企业食堂增设夜班供餐窗口，晚上十点前提供热饭。' });
    await expect.poll(() => stateOf(mediator)).toBe('已办结（答复职工）');
    await mediator.context().close();

    // Someone who did not handle the case replies to the worker and opens the follow-up.
    const admin = await newPage();
    await signIn(admin, server.url, 'chalu.admin');
    await admin.goto(`${server.url}/#/cases/${encodeURIComponent(story.caseId)}/show`);
    await expect.poll(() => stateOf(admin)).toBe('已办结（答复职工）');
    await sendEvent(admin, '答复职工，转回访', { 办理结果: '经协调，企业食堂增设夜班供餐窗口，晚上十点前提供热饭。' });
    await expect.poll(() => stateOf(admin)).toBe('回访评价');
    await screenshot(admin, 'story-follow-up');
    await admin.context().close();

    await worker.getByRole('tab', { name: '查询进度' }).click();
    await worker.getByRole('textbox', { name: '查询码' }).fill(story.code.toLowerCase().replace(/-/g, ' '));
    await worker.getByRole('button', { name: '查询', exact: true }).click();
    await worker.getByTestId('matter-status').waitFor();
    await worker.getByTestId('matter-answer').getByText(/夜班供餐窗口/).waitFor();
    await worker.getByTestId('rating-form').waitFor();
    await screenshot(worker, 'speak-status');
    // A tap on the fifth star (the label of MUI's visually hidden radio).
    const five = await worker.getByRole('radio', { name: /^5 · / }).getAttribute('id');
    await worker.locator(`label[for="${five ?? ''}"]`).click();
    expect(await worker.getByRole('radio', { name: /^5 · / }).isChecked()).toBe(true);
    await worker.getByRole('button', { name: '提交评价' }).click();
    await worker.getByText('感谢您的评价！').waitFor();
    await worker.getByTestId('matter-rating').waitFor();
    await worker.getByText('已办结').first().waitFor();
    expect(await pageWidth(worker)).toBeLessThanOrEqual(360);
    await screenshot(worker, 'speak-rated');
    await worker.context().close();

    // The month's one matter is now done, on time, responded to and rated 5: every rate moved.
    await supervisor.goto(`${server.url}/#/dashboard`);
    await supervisor.reload();
    await expect.poll(() => figureValue(supervisor, 'completion')).toBe('100%');
    expect(await figureValue(supervisor, 'response')).toBe('100%');
    expect(await figureValue(supervisor, 'satisfaction')).toBe('100%');
    await supervisor.locator('[data-figure="satisfaction"]').getByText('1 / 1 件').waitFor();
    await screenshot(supervisor, 'dashboard-after');
    await supervisor.context().close();
  });
});
