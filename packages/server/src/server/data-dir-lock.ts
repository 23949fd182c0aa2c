import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from './startup-error.js';

/** The file in a PGlite data folder that names the process using it. */
export const LOCK_FILE = 'shuoshi.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a PGlite data folder for this process: PGlite is a single-process database, and a second
 * process writing the same folder (a second server, or `shuoshi seed` while the server runs)
 * would corrupt it. A lock left by a process that no longer runs is taken over. Returns the
 * release function.
 * @example
 * const release = lockDataDir('/srv/shuoshi/data', 'the server');
 * try { ... } finally { release(); }
 */
export function lockDataDir(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  let holder: number | undefined;
  try {
    holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
  } catch {
    holder = undefined;
  }
  if (holder !== undefined && Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
    throw new StartupError(
      `The data folder ${dataDir} is in use by process ${holder} (a Shuoshi server or command); PGlite allows one process at a time. Stop that process first, or use the running server's API. If no such process is Shuoshi, delete ${file}.`,
    );
  }
  writeFileSync(file, `${process.pid}\n`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) rmSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
}
