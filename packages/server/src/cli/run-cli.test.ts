import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goldenIdea } from '@shuoshi/engine';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../testing/migrated-database.js';
import type { CliIo } from './cli-io.js';
import { runCli } from './run-cli.js';

const noSignals = { on: () => undefined, exitNow: () => undefined };

describe('the shuoshi command line', () => {
  const database = useMigratedDatabase('cli');
  const folder = mkdtempSync(join(tmpdir(), 'shuoshi-cli-'));

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: { LOG_LEVEL: 'silent' }, baseDir: folder, openDatabase: async () => database() };
    const code = await runCli(argv, io, noSignals);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints its usage with --help, and refuses unknown commands and arguments with exit code 2', async () => {
    expect(await run('--help')).toMatchObject({ code: 0, out: expect.stringContaining('shuoshi import-workflow FILE') });
    expect(await run()).toMatchObject({ code: 2, err: expect.stringContaining('Usage:') });
    expect(await run('serve')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command "serve"') });
    expect(await run('import-workflow')).toMatchObject({ code: 2, err: expect.stringContaining('import-workflow takes one FILE') });
    expect(await run('export-workflow', 'union-grievance', '--version', 'two')).toMatchObject({ code: 2, err: expect.stringContaining('--version must be a whole number') });
    expect(await run('seed', '--frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--frobnicate'") });
  });

  it('reports a bad configuration without a stack trace', async () => {
    const err: string[] = [];
    const code = await runCli(['migrate'], { out: () => undefined, err: (l) => err.push(l), env: { PORT: 'abc' }, baseDir: folder }, noSignals);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/PORT: must be a port number/);
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('seeds the demo into an empty database, then does nothing, and --force refuses', async () => {
    const first = await run('seed');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Seeded the Ninghai demo .* 300 cases/);
    expect(first.out).toContain('chalu.admin');
    expect(await run('seed')).toMatchObject({ code: 0, out: expect.stringContaining('Nothing done') });
    expect(await run('seed', '--force')).toMatchObject({ code: 1, err: expect.stringContaining('Refusing to seed') });
  }, 60_000);

  it('imports a valid workflow as published or as a draft, and lists every issue of an invalid one', async () => {
    const file = (name: string, content: unknown): string => {
      const path = join(folder, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    };
    const idea = { ...goldenIdea, key: 'fangzheng-golden-idea', version: 1 };
    const published = await run('import-workflow', file('idea.json', idea));
    expect(published).toMatchObject({ code: 0, out: expect.stringContaining('"fangzheng-golden-idea" as version 1 (fangzheng-golden-idea@1), a published workflow of 宁海县总工会') });
    const draft = await run('import-workflow', 'idea.json', '--draft');
    expect(draft).toMatchObject({ code: 0, out: expect.stringContaining('as version 2 (fangzheng-golden-idea@2), a draft') });
    const rows = await database().db.selectFrom('workflows').select(['version', 'status', 'tenant_id']).where('key', '=', 'fangzheng-golden-idea').orderBy('version').execute();
    expect(rows).toEqual([{ version: 1, status: 'published', tenant_id: 'ninghai' }, { version: 2, status: 'draft', tenant_id: 'ninghai' }]);

    const invalid = await run('import-workflow', file('bad.json', { ...idea, key: 'broken-idea', initial: 'nowhere', states: { ...idea.states, submitted: { ...idea.states['submitted'], transitions: [{ event: 'accept', label: { zh: '受理', en: 'Accept' }, target: 'limbo' }] } } }));
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('is not valid (2 errors)');
    expect(invalid.err).toContain('initial: Initial state "nowhere" is not a state');
    expect(invalid.err).toContain('targets "limbo"');
    expect(await run('import-workflow', file('broken.json', '{"key": '))).toMatchObject({ code: 1, err: expect.stringContaining('is not valid JSON') });
    expect(await run('import-workflow', 'missing.json')).toMatchObject({ code: 1, err: expect.stringContaining('Cannot read the workflow file') });
    const taken = await run('import-workflow', file('taken.json', { ...idea, key: 'huchen-help-farmers' }));
    expect(taken).toMatchObject({ code: 1, err: expect.stringContaining('already used by another union') });
  }, 60_000);

  it('exports a definition by key and version, and names the keys there are when one is unknown', async () => {
    const latest = await run('export-workflow', 'huchen-help-farmers');
    expect(latest.code).toBe(0);
    const definition = JSON.parse(latest.out) as { key: string; version: number; extends: unknown };
    expect(definition).toMatchObject({ key: 'huchen-help-farmers', version: 1, extends: { key: 'union-grievance', version: 1 } });
    expect(Object.keys(definition).slice(0, 3)).toEqual(['key', 'version', 'title']);
    expect(await run('export-workflow', 'union-grievance', '--version', '1')).toMatchObject({ code: 0, out: expect.stringContaining('"union-grievance"') });
    expect(await run('export-workflow', 'union-grievance', '--version', '9')).toMatchObject({ code: 1, err: expect.stringContaining('has no version 9; its versions are 1 (published)') });
    expect(await run('export-workflow', 'night-bus')).toMatchObject({ code: 1, err: expect.stringContaining('keys in this database: chalu-truckers-corner') });
  });
});
