import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { SERVER_BUNDLE, serverBuildStaleReason, serverBundleInputsFile } from '../bin/server-bundle.js';

export { SERVER_BUNDLE, serverBuildStaleReason } from '../bin/server-bundle.js';

const BUILD_SCRIPT = fileURLToPath(import.meta.url);

/**
 * The server package's folder (packages/server).
 * @example
 * join(SERVER_DIR, 'src', 'cli', 'main.ts'); // the bundle's entry
 */
export const SERVER_DIR = resolve(dirname(BUILD_SCRIPT), '..');

/**
 * What a build wrote: the bundle and the files it was built from (absolute paths).
 * @example
 * const { outfile, inputs } = await buildServer();
 */
export interface ServerBuild {
  outfile: string;
  inputs: string[];
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

// Which bare imports stay imports of the bundle, resolved at run time from packages/server/node_modules:
// node's built-ins and the server's own dependencies (pnpm links only those there). The workspace
// packages (@shuoshi/engine, the township overlays) are bundled, and so is what they import that the
// server does not depend on itself (xstate is only the engine's dependency): bundling it, rather than
// repeating the engine's dependencies in the server's package.json, cannot go out of step when the
// engine gains or changes a dependency, and the bundle then needs nothing that pnpm did not link for
// the server. A dependency the server shares with the engine (zod) is the server's copy for both.
function externalsPlugin(): Plugin {
  const manifest = JSON.parse(readFileSync(join(SERVER_DIR, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const linked = new Set(Object.entries(manifest.dependencies ?? {}).filter(([, range]) => !range.startsWith('workspace:')).map(([name]) => name));
  return {
    name: 'server-externals',
    setup(onBuild) {
      onBuild.onResolve({ filter: /^[^./]/ }, (args) => (isBuiltin(args.path) || linked.has(packageName(args.path)) ? { path: args.path, external: true } : undefined));
    },
  };
}

// The package.json of the package a file belongs to (its dependencies decide what the bundle holds).
function manifestOf(file: string): string | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return manifest;
  }
  return undefined;
}

// Written beside its final name and renamed, so that a process reading the bundle (or a second build
// running at the same time, e.g. two test files) never sees half a file.
function writeAtomically(path: string, contents: Uint8Array | string, mtime?: Date): void {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, contents);
  if (mtime) utimesSync(temporary, mtime, mtime);
  renameSync(temporary, path);
}

/**
 * Bundles the server (src/cli/main.ts with the workspace packages it imports) into one ESM file
 * for plain `node`, with its source map and, beside it, the list of the files it was built from.
 * The outfile must stay two folders below packages/server (dist/cli/, as src/cli/): the bundle finds
 * `db/schema.sql` and the admin panel by paths relative to itself. Throws when esbuild fails.
 * @example
 * await buildServer(); // packages/server/dist/cli/main.js, main.js.map, main.js.inputs.json
 */
export async function buildServer(options: { outfile?: string } = {}): Promise<ServerBuild> {
  const outfile = resolve(options.outfile ?? SERVER_BUNDLE);
  // The bundle gets the time the build started: a source saved while it runs is newer, so stale.
  const started = new Date();
  const result = await build({
    absWorkingDir: SERVER_DIR,
    entryPoints: ['src/cli/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [externalsPlugin()],
  });
  const sources = Object.keys(result.metafile.inputs)
    .map((input) => resolve(SERVER_DIR, input))
    .filter((input) => existsSync(input));
  const manifests = sources.map(manifestOf).filter((manifest): manifest is string => manifest !== undefined);
  const inputs = [...new Set([...sources, ...manifests, BUILD_SCRIPT])].sort();

  mkdirSync(dirname(outfile), { recursive: true });
  const bundle = result.outputFiles.find((file) => file.path === outfile);
  if (!bundle) throw new Error(`esbuild wrote no ${basename(outfile)} (it wrote ${result.outputFiles.map((file) => file.path).join(', ')}).`);
  for (const file of result.outputFiles) if (file !== bundle) writeAtomically(file.path, file.contents);
  const listed = inputs.map((input) => relative(dirname(outfile), input));
  writeAtomically(serverBundleInputsFile(outfile), `${JSON.stringify({ inputs: listed }, null, 1)}\n`);
  // The bundle last: once it is there, its map and its inputs list are too.
  writeAtomically(outfile, bundle.contents, started);
  return { outfile, inputs };
}

/**
 * Builds the server bundle when it is missing or older than what it is built from; otherwise does
 * nothing. Throws when the build fails.
 * @example
 * await ensureServerBuild({ log: console.log });
 */
export async function ensureServerBuild(options: { log?: (line: string) => void; force?: boolean; outfile?: string } = {}): Promise<{ built: boolean; reason: string | null }> {
  const outfile = resolve(options.outfile ?? SERVER_BUNDLE);
  const reason = options.force ? 'a build was asked for' : serverBuildStaleReason(outfile);
  if (reason === null) return { built: false, reason };
  options.log?.(`Building the server (${reason}) ...`);
  await buildServer({ outfile });
  return { built: true, reason };
}

// Run as a script (`tsx packages/server/scripts/server-build.ts [--force]`): build when stale, for `pnpm start`.
if (process.argv[1] && resolve(process.argv[1]) === BUILD_SCRIPT) {
  try {
    await ensureServerBuild({ log: (line) => console.log(line), force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
