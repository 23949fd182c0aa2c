import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { errorMiddleware } from '../http/error-middleware.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { createAttachmentUploadParser } from './index.js';
import type { CaseDto, TimelineEntry } from './schemas.js';
import { openCase, SLEEVES_DATA, tokenCache } from './test-helpers.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;
let opened: CaseDto;

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
  opened = await openCase(ctx, await token('chalu.intake_operator'));
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

async function get(username: string, path: string) {
  return request(ctx.app).get(`/api${path}`).set('Authorization', `Bearer ${await token(username)}`);
}

async function audits() {
  return ctx.db.selectFrom('read_audit').select(['tenant_id', 'user_id', 'case_id', 'fields', 'reason']).where('case_id', '=', opened.id).orderBy('read_at').execute();
}

describe('personal fields', () => {
  it('are masked in the answer to opening a case and to an event', async () => {
    expect(opened.data).toMatchObject({ worker_name: '***', worker_phone: '138****5678', title: SLEEVES_DATA.title });
    const stepped = await request(ctx.app).post(`/api/cases/${opened.id}/events`).set('Authorization', `Bearer ${await token('chalu.intake_operator')}`).send({ type: 'accept', version: 1, data: { worker_phone: '13900001111' } });
    expect(stepped.status).toBe(200);
    expect(stepped.body.case.data.worker_phone).toBe('139****1111');
  });

  it('are masked for every role unless revealed, and reading them is not audited', async () => {
    for (const username of ['chalu.supervisor', 'chalu.mediator', 'ninghai.county_admin']) {
      const shown = await get(username, `/cases/${opened.id}`);
      expect(shown.status).toBe(200);
      expect(shown.body.data).toMatchObject({ worker_name: '***', worker_phone: '139****1111', enterprise: SLEEVES_DATA.enterprise });
      const timeline = (await get(username, `/cases/${opened.id}/timeline`)).body as TimelineEntry[];
      expect(timeline[0]?.data).toMatchObject({ worker_name: '***', worker_phone: '138****5678' });
      expect(timeline[1]?.data).toEqual({ worker_phone: '139****1111' });
    }
    expect(await audits()).toEqual([]);
  });

  it('are shown to a PII role asking to reveal them, with a read audit record', async () => {
    const shown = await get('chalu.mediator', `/cases/${opened.id}?reveal=true`);
    expect(shown.status).toBe(200);
    expect(shown.body.data).toMatchObject({ worker_name: SLEEVES_DATA.worker_name, worker_phone: '13900001111' });
    expect(await audits()).toEqual([{ tenant_id: 'chalu', user_id: 'chalu.mediator', case_id: opened.id, fields: ['worker_name', 'worker_phone'], reason: 'reveal' }]);

    const timeline = await get('ninghai.lawyer', `/cases/${opened.id}/timeline?reveal=true`);
    expect(timeline.status).toBe(200);
    expect((timeline.body as TimelineEntry[])[0]?.data['worker_phone']).toBe(SLEEVES_DATA.worker_phone);
    expect((await audits()).map((a) => a.user_id)).toEqual(['chalu.mediator', 'ninghai.lawyer']);
  });

  it('answers 403 to a role without the right asking to reveal them, and audits nothing', async () => {
    for (const path of [`/cases/${opened.id}?reveal=true`, `/cases/${opened.id}/timeline?reveal=true`]) {
      const refused = await get('chalu.supervisor', path);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('PII_FORBIDDEN');
    }
    expect((await audits()).map((a) => a.user_id)).toEqual(['chalu.mediator', 'ninghai.lawyer']);
    expect((await get('chalu.mediator', `/cases/${opened.id}?reveal=yes`)).status).toBe(400);
  });
});

describe('attachments', () => {
  const photo = Buffer.from('一张袖套的照片', 'utf8');

  it('are stored, listed without content and downloaded with their type', async () => {
    const uploaded = await request(ctx.app)
      .post(`/api/cases/${opened.id}/attachments`)
      .set('Authorization', `Bearer ${await token('chalu.intake_operator')}`)
      .send({ filename: '袖套 photo.txt', contentType: 'text/plain; charset=utf-8', contentBase64: photo.toString('base64') });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ caseId: opened.id, filename: '袖套 photo.txt', size: photo.length, uploadedBy: 'chalu.intake_operator' });
    const listed = await get('chalu.mediator', `/cases/${opened.id}/attachments`);
    expect(listed.body).toEqual([uploaded.body]);
    const downloaded = await request(ctx.app)
      .get(`/api/cases/${opened.id}/attachments/${uploaded.body.id}`)
      .set('Authorization', `Bearer ${await token('chalu.mediator')}`)
      .buffer(true)
      .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(downloaded.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(downloaded.body as Buffer, photo)).toBe(0);
    expect((await get('chalu.mediator', `/cases/${opened.id}/attachments/nope`)).status).toBe(404);
  });

  it.each([
    ['no filename', { contentType: 'text/plain', contentBase64: 'eA==' }],
    ['bad base64', { filename: 'a.txt', contentType: 'text/plain', contentBase64: 'not base64!' }],
    ['a bad content type', { filename: 'a.txt', contentType: 'text', contentBase64: 'eA==' }],
    ['a slash in the filename', { filename: '../a.txt', contentType: 'text/plain', contentBase64: 'eA==' }],
  ])('answers 400 to an upload with %s', async (_name, body) => {
    const response = await request(ctx.app).post(`/api/cases/${opened.id}/attachments`).set('Authorization', `Bearer ${await token('chalu.intake_operator')}`).send(body);
    expect(response.status).toBe(400);
  });

  it('answers 413 ATTACHMENT_TOO_LARGE over the configured limit', async () => {
    const { app } = createApp({ ...ctx.deps, options: { ...ctx.deps.options, attachmentMaxBytes: 1000 } });
    const upload = async (bytes: number) =>
      request(app).post(`/api/cases/${opened.id}/attachments`).set('Authorization', `Bearer ${await token('chalu.intake_operator')}`).send({ filename: 'a.bin', contentType: 'application/octet-stream', contentBase64: Buffer.alloc(bytes, 7).toString('base64') });
    expect((await upload(1000)).status).toBe(201);
    const refused = await upload(1001);
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', details: { size: 1001, maxBytes: 1000 } });
  });

  it('takes files up to the limit when the upload parser runs before the API-wide 1 MB parser', async () => {
    // How create-app mounts it: `api.use(createAttachmentUploadParser(deps))` before `express.json({ limit: '1mb' })`.
    const outer = express();
    outer.use('/api', createAttachmentUploadParser(ctx.deps));
    outer.use(ctx.app);
    outer.use(errorMiddleware(ctx.deps.logger));
    const upload = async (bytes: number) =>
      request(outer).post(`/api/cases/${opened.id}/attachments`).set('Authorization', `Bearer ${await token('chalu.intake_operator')}`).send({ filename: 'scan.pdf', contentType: 'application/pdf', contentBase64: Buffer.alloc(bytes, 1).toString('base64') });
    const large = await upload(2 * 1024 * 1024);
    expect(large.status).toBe(201);
    expect(large.body.size).toBe(2 * 1024 * 1024);
    const tooLarge = await upload(5 * 1024 * 1024 + 1);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('ATTACHMENT_TOO_LARGE');
    const huge = await upload(8 * 1024 * 1024);
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('ATTACHMENT_TOO_LARGE');
  });
});
