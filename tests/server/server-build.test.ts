// The server as `pnpm start` runs it: bundled by esbuild (packages/server/scripts/server-build.ts) and
// started with plain node, without tsx's loader. The test builds into a temporary folder directly in
// packages/server (`.build-test-*/cli/main.js`, as deep as dist/cli/main.js), so that the bundle's
// relative paths and its imports resolve as they do from dist; the real dist is left alone.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/server-child.js';
import { SERVER_NODE_FLAGS, serverBundleInputsFile } from '../../packages/server/bin/server-bundle.js';
import { buildServer, ensureServerBuild, SERVER_DIR, serverBuildStaleReason, type ServerBuild } from '../../packages/server/scripts/server-build.js';

const ROOT = resolve(SERVER_DIR, '..', '..');

function threadsOf(pid: number): number {
  const match = /^Threads:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no Threads line in /proc/${pid}/status`);
  return Number(match[1]);
}

// The threads of an idle `node` (plus `extra` arguments) once its libuv thread pool has started, as
// a server's has: tsx's loader runs in a worker thread of its own, which shows here as one more.
async function idleNodeThreads(extra: string[]): Promise<number> {
  const script = 'require("node:fs").readFile(process.execPath, () => require("node:crypto").pbkdf2("a", "b", 1, 32, "sha256", () => { console.log("ready"); setInterval(() => {}, 1000); }))';
  const child = spawn(process.execPath, [...extra, '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', () => done());
      child.once('exit', (code) => fail(new Error(`node ${extra.join(' ')} -e exited ${String(code)}`)));
    });
    return threadsOf(child.pid ?? 0);
  } finally {
    child.kill('SIGKILL');
  }
}

describe('the server bundle (scripts/server-build.ts)', () => {
  const buildDir = mkdtempSync(join(SERVER_DIR, '.build-test-'));
  const outfile = join(buildDir, 'cli', 'main.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'shuoshi-bundle-'));
  let build: ServerBuild;

  beforeAll(async () => {
    build = await buildServer({ outfile });
  }, 120_000);

  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  // First, while the sources are most likely as they were at the build (others may be editing them).
  it('says why it is stale: an input newer than the bundle, a listed input gone, the list or the bundle missing', async () => {
    expect(serverBuildStaleReason(outfile)).toBeNull();
    expect(await ensureServerBuild({ outfile })).toEqual({ built: false, reason: null });
    const builtAt = statSync(outfile).mtime;

    // As if the newest input had been saved after the build: the bundle just older than it.
    const mtimes = build.inputs.map((input) => ({ input, mtimeMs: statSync(input).mtimeMs }));
    const newest = Math.max(...mtimes.map((m) => m.mtimeMs));
    const before = new Date(newest - 1000);
    utimesSync(outfile, before, before);
    const newer = mtimes.filter((m) => m.mtimeMs > before.getTime()).map((m) => `${relative(ROOT, m.input)} changed after the last build`);
    expect(newer).toContain(serverBuildStaleReason(outfile));
    utimesSync(outfile, builtAt, builtAt);
    expect(serverBuildStaleReason(outfile)).toBeNull();

    const inputsFile = serverBundleInputsFile(outfile);
    const listed = readFileSync(inputsFile, 'utf8');
    const gone = join(dirname(outfile), 'no-such-source.ts');
    writeFileSync(inputsFile, JSON.stringify({ inputs: [...(JSON.parse(listed) as { inputs: string[] }).inputs, relative(dirname(outfile), gone)] }));
    expect(serverBuildStaleReason(outfile)).toBe(`${relative(ROOT, gone)} is gone since the last build`);
    rmSync(inputsFile);
    expect(serverBuildStaleReason(outfile)).toBe(`${relative(ROOT, inputsFile)} is missing or unreadable`);
    rmSync(outfile);
    expect(serverBuildStaleReason(outfile)).toBe(`${relative(ROOT, outfile)} is missing`);

    // ensureServerBuild builds when stale, and the new bundle is current.
    expect(await ensureServerBuild({ outfile })).toEqual({ built: true, reason: `${relative(ROOT, outfile)} is missing` });
    expect(serverBuildStaleReason(outfile)).toBeNull();
    expect(JSON.parse(readFileSync(inputsFile, 'utf8'))).toEqual(JSON.parse(listed));
  }, 120_000);

  it('imports at run time only node built-ins and packages that pnpm linked for the server', () => {
    const bundle = readFileSync(outfile, 'utf8');
    const statements = [...bundle.matchAll(/^import\s[^;]*?\sfrom\s+"([^"]+)";$/gm), ...bundle.matchAll(/^import\s+"([^"]+)";$/gm), ...bundle.matchAll(/\bimport\("([^"]+)"\)/g)];
    const specifiers = new Set(statements.map((match) => match[1] ?? ''));
    expect(specifiers.size).toBeGreaterThan(0);
    const packages = [...specifiers].filter((specifier) => !isBuiltin(specifier));
    expect(packages).toContain('express');
    // Nothing relative (everything of the repository is in the bundle) and nothing that only another
    // package depends on (xstate, the engine's, is bundled: pnpm does not link it for the server).
    expect(packages.filter((specifier) => specifier.startsWith('.') || specifier.startsWith('@shuoshi/'))).toEqual([]);
    const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const unlinked = packages.filter((specifier) => !existsSync(join(SERVER_DIR, 'node_modules', packageName(specifier), 'package.json')));
    expect(unlinked).toEqual([]);
    expect(build.inputs.some((input) => input.includes(`${join('node_modules', 'xstate')}`))).toBe(true);
  });

  it('finds the files its sources find by paths relative to themselves (db/schema.sql, the admin panel)', () => {
    const bundle = readFileSync(outfile, 'utf8');
    const paths = [...bundle.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((match) => match[1] ?? '');
    expect(paths).toContain('../../../admin/dist');
    for (const path of paths) {
      const fromBundle = fileURLToPath(new URL(path, pathToFileURL(outfile)));
      const sources = build.inputs.filter((input) => input.endsWith('.ts') && readFileSync(input, 'utf8').includes(`new URL('${path}', import.meta.url)`));
      expect(sources.length, `the source of new URL("${path}", import.meta.url)`).toBeGreaterThan(0);
      for (const source of sources) expect(fromBundle, `${path} from ${relative(ROOT, source)}`).toBe(fileURLToPath(new URL(path, pathToFileURL(source))));
    }
    expect(fileURLToPath(new URL('../../../admin/dist', pathToFileURL(outfile)))).toBe(join(ROOT, 'packages', 'admin', 'dist'));
    // src/db/schema-sql.ts's path, should the bundle ever include it.
    expect(existsSync(fileURLToPath(new URL('../../db/schema.sql', pathToFileURL(outfile))))).toBe(true);
  });

  it('gives node the server\'s flags wherever the server is started: the scripts and the command\'s first line', () => {
    const flags = SERVER_NODE_FLAGS.join(' ');
    const scripts = (JSON.parse(readFileSync(join(SERVER_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['start']).toBe(`node ${flags} bin/shuoshi.js start`);
    expect(scripts['shuoshi']).toBe(`node ${flags} bin/shuoshi.js`);
    const bin = join(SERVER_DIR, 'bin', 'shuoshi.js');
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags}`);
    // Run by its first line, as npm's link to it is: `env -S` must split the flags off.
    expect(execFileSync(bin, ['--help'], { cwd: ROOT, encoding: 'utf8' })).toMatch(/shuoshi start/);
  });

  it('runs on PGlite with plain node: /healthz answers, no tsx loader thread, SIGTERM exits 0', async () => {
    const port = await freePort();
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', PORT: String(port), HOST: '127.0.0.1', SHUOSHI_DATA_DIR: dataDir, SHUOSHI_SEED: 'false', LOG_LEVEL: 'warn' };
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, outfile, 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
    try {
      const deadline = Date.now() + 150_000;
      let status = 0;
      while (status !== 200) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the bundle exited (${child.exitCode ?? child.signalCode}) before it served; its output:\n${output}`);
        if (Date.now() > deadline) throw new Error(`no 200 from /healthz within 150 s; the bundle's output:\n${output}`);
        status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (response) => response.status,
          () => 0,
        );
        if (status !== 200) await new Promise((wait) => setTimeout(wait, 200));
      }
      expect(status).toBe(200);

      // The check can fail: an idle node under tsx's loader has a thread more than a plain one.
      const plain = await idleNodeThreads([]);
      expect(await idleNodeThreads(['--import', 'tsx'])).toBeGreaterThan(plain);
      expect(threadsOf(child.pid ?? 0), `threads of the bundle's process against an idle plain node's (${plain})`).toBeLessThanOrEqual(plain);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const { code, signal } = await exited;
    clearTimeout(timer);
    expect({ code, signal }, output).toEqual({ code: 0, signal: null });
  }, 240_000);
});
