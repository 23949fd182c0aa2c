import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILTIN_TEMPLATES, createEngine } from '@shuoshi/engine';
import { createClock } from '../clock/clock.js';
import { migrateToLatest } from '../db/migrate.js';
import { isDatabaseEmpty, seedDemoIfEmpty } from '../seed/seed-demo.js';
import { loginTable } from '../server/startup-banner.js';
import { StartupError } from '../server/startup-error.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../seed/demo-staff.js';
import { CliError, type CliIo } from './cli-io.js';
import { exportWorkflow } from './export-workflow.js';
import { importReport, importWorkflow } from './import-workflow.js';
import { openConfiguredDatabase } from './open-database.js';
import { runStart, type StopSignals } from './start-command.js';
import { USAGE } from './usage.js';

const COMMANDS = ['start', 'migrate', 'seed', 'import-workflow', 'export-workflow'];

async function withDatabase<T>(io: CliIo, run: (opened: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>): Promise<T> {
  const opened = await openConfiguredDatabase(io);
  try {
    return await run(opened);
  } finally {
    await opened.close();
  }
}

async function migrate(io: CliIo): Promise<number> {
  // Opening migrates; a second run reports what is there.
  return withDatabase(io, async ({ handle, where }) => {
    const { results } = await migrateToLatest(handle.db);
    io.out(`The database (${where}) is up to date${results && results.length > 0 ? `: applied ${results.map((r) => r.migrationName).join(', ')}` : ''}.`);
    return 0;
  });
}

async function seed(io: CliIo, force: boolean): Promise<number> {
  return withDatabase(io, async ({ handle, where }) => {
    const db = handle.db;
    if (!(await isDatabaseEmpty(db))) {
      const tenants = Number((await db.selectFrom('tenants').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      const message = `The database (${where}) already has ${tenants} union${tenants === 1 ? '' : 's'}: the demo is seeded only into an empty database, so that it never mixes with real records.`;
      if (force) throw new CliError(`Refusing to seed: ${message} To start over, stop the server and delete the data folder (or use a new SHUOSHI_DATA_DIR or SHUOSHI_DB_SCHEMA).`);
      io.out(`${message} Nothing done.`);
      return 0;
    }
    const summary = await seedDemoIfEmpty(db);
    if (!summary) {
      io.out('Another process seeded the database meanwhile. Nothing done.');
      return 0;
    }
    io.out(`Seeded the Ninghai demo into ${where}: ${summary.tenants} unions, ${summary.users} staff, ${summary.agencies} agencies, ${summary.enterprises} enterprises, ${summary.workflows} workflows, ${summary.cases} cases, ${summary.events} events (${(summary.ms / 1000).toFixed(1)} s).`);
    io.out(`Demo logins (password ${DEMO_PASSWORD}):`);
    for (const line of loginTable(DEMO_STAFF.map((s) => s.username))) io.out(line);
    return 0;
  });
}

/**
 * Runs the `shuoshi` command line and answers the exit code: 0 done, 1 refused or failed (with a
 * message on stderr), 2 a usage error.
 * @example
 * process.exitCode = await runCli(['seed'], io, signals);
 */
export async function runCli(argv: readonly string[], io: CliIo, signals: StopSignals): Promise<number> {
  // `pnpm ... shuoshi -- --help` passes the separator on.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, force: { type: 'boolean' }, draft: { type: 'boolean' }, version: { type: 'string' } },
    });
  } catch (error) {
    io.err(`${(error as Error).message} (shuoshi --help lists the commands and options).`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const { values } = parsed;
  if (values.help || command === 'help' || command === undefined) {
    (command === undefined && !values.help ? io.err : io.out)(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (!COMMANDS.includes(command)) {
    io.err(`Unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.join(', ')} (shuoshi --help explains them).`);
    return 2;
  }
  const expected = command === 'import-workflow' || command === 'export-workflow' ? 1 : 0;
  if (rest.length !== expected) {
    io.err(`${command} takes ${expected === 1 ? (command === 'import-workflow' ? 'one FILE' : 'one KEY') : 'no arguments'}, got ${rest.length === 0 ? 'none' : rest.map((r) => JSON.stringify(r)).join(' ')} (shuoshi --help shows the usage).`);
    return 2;
  }
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
    io.err(`--version must be a whole number of at least 1, got ${JSON.stringify(values.version)}.`);
    return 2;
  }
  try {
    switch (command) {
      case 'start':
        return await runStart(io, signals);
      case 'migrate':
        return await migrate(io);
      case 'seed':
        return await seed(io, values.force === true);
      case 'import-workflow':
        return await withDatabase(io, async ({ handle }) => {
          const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES] });
          const result = await importWorkflow({ db: handle.db, engine, clock: createClock({ testMode: false }) }, resolve(io.baseDir, rest[0] as string), { draft: values.draft === true });
          for (const line of importReport(result)) io.out(line);
          return 0;
        });
      default:
        return await withDatabase(io, async ({ handle }) => {
          io.out(JSON.stringify(await exportWorkflow(handle.db, rest[0] as string, version), null, 2));
          return 0;
        });
    }
  } catch (error) {
    if (error instanceof CliError || error instanceof StartupError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
