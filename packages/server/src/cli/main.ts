import { runCli } from './run-cli.js';

// pnpm runs scripts in the package folder; INIT_CWD is where the command was typed, so that
// `pnpm start` at the repository root keeps its data in ./.shuoshi there.
const code = await runCli(
  process.argv.slice(2),
  { out: (line) => console.log(line), err: (line) => console.error(line), env: process.env, baseDir: process.env['INIT_CWD'] ?? process.cwd(), forkable: true },
  { on: (signal, handler) => process.on(signal, handler), exitNow: (exitCode) => process.exit(exitCode) },
).catch((error: unknown) => {
  console.error(error);
  return 1;
});
process.exit(code);
