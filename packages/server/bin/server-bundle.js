// Whether the built server (dist/cli/main.js) is current. Plain JavaScript on purpose: bin/shuoshi.js
// asks it before it decides between the bundle (plain node) and the TypeScript sources (tsx), so it
// must run without tsx. scripts/server-build.ts writes the bundle and shares this check.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The built server: `packages/server/dist/cli/main.js` (at the depth of `src/cli/main.ts`, whose
 * relative paths to `db/schema.sql` and the admin panel it keeps).
 * @example
 * await import(pathToFileURL(SERVER_BUNDLE).href);
 */
export const SERVER_BUNDLE = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

/**
 * The node flags the server runs with, wherever it is started (package.json's `start` and
 * `shuoshi` scripts, bin/shuoshi.js's first line, the benchmark): a cap on the old generation far
 * above what the server keeps (about 30 MB live under load) whose real effect is on V8's heap
 * growing factor, which is up to 4 for an uncapped heap on a large machine and 1.3-2 below 1 GB.
 * Uncapped, V8 let 40-90 MB of garbage pile up between full collections and the process peaked at
 * 227-270 MB under `pnpm bench:server`; with it, 150-197 MB at the same throughput (docs/benchmarks.md).
 * And young generation semi-spaces of 32 MB (V8's default is 16 or less): every event allocates
 * tens of kilobytes that die young, and with twice the room V8 scavenges half as often and promotes
 * less; the event path took about 10 % less CPU per event, for about 40 MB more resident memory.
 * @example
 * spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_BUNDLE, 'start']);
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=768', '--max-semi-space-size=32'];

/**
 * Where the list of a bundle's input files is kept: beside the bundle, `<bundle>.inputs.json`.
 * @example
 * serverBundleInputsFile('/repo/packages/server/dist/cli/main.js'); // '/repo/packages/server/dist/cli/main.js.inputs.json'
 */
export function serverBundleInputsFile(bundle) {
  return `${bundle}.inputs.json`;
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Tells why the bundle must be (re)built: it or its inputs list is missing, or a listed input (a
 * bundled source, a package.json, the build script) is gone or newer than the bundle; null when it
 * is current.
 * @example
 * serverBuildStaleReason(); // 'packages/server/src/cli/run-cli.ts changed after the last build'
 */
export function serverBuildStaleReason(bundle = SERVER_BUNDLE) {
  const shown = (path) => relative(REPOSITORY_ROOT, path) || path;
  const built = mtimeOf(bundle);
  if (built === undefined) return `${shown(bundle)} is missing`;
  const inputsFile = serverBundleInputsFile(bundle);
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8')).inputs;
  } catch {
    inputs = undefined;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return `${shown(inputsFile)} is missing or unreadable`;
  // The list holds paths relative to the bundle's folder.
  for (const input of inputs) {
    const path = resolve(dirname(bundle), String(input));
    const mtime = mtimeOf(path);
    if (mtime === undefined) return `${shown(path)} is gone since the last build`;
    if (mtime > built) return `${shown(path)} changed after the last build`;
  }
  return null;
}
