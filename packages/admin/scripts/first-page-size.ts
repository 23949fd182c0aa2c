import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The app chunks `src/main.tsx` loads by path: the admin panel, the workers' page (`/speak`) and
 * the agency's referral page (`/referral/<token>`), as vite's manifest names them.
 * @example
 * pageSize(dist, APP_CHUNKS.speak);
 */
export const APP_CHUNKS = { admin: 'src/app.tsx', speak: 'src/speak/speak-app.tsx', agency: 'src/agency/agency-app.tsx' } as const;

/**
 * The JavaScript a page loads before it shows: the entry chunk, the app chunk that the entry
 * imports for the page's path, and every chunk they import statically (lazy views are not among
 * them), with each file's gzip size, from vite's manifest.
 * @example
 * const { files, gzipBytes } = pageSize('packages/admin/dist', APP_CHUNKS.speak);
 */
export function pageSize(dist: string, appChunk: string): { files: Array<{ file: string; bytes: number; gzipBytes: number }>; bytes: number; gzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error(`${dist}/.vite/manifest.json names no entry chunk; rebuild the panel with \`pnpm --filter @shuoshi/admin build\`.`);
  if (!manifest[appChunk]) throw new Error(`${dist}/.vite/manifest.json has no chunk "${appChunk}"; is it still imported by src/main.tsx? Rebuild the panel with \`pnpm --filter @shuoshi/admin build\`.`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  visit(appChunk);
  const files = [...seen].map((key) => {
    const file = manifest[key]?.file ?? key;
    const content = readFileSync(join(dist, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0), gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/**
 * The JavaScript the panel's first page loads (the login page, then the cases list or the
 * dashboard's frame): the entry and the admin app with their static imports.
 * @example
 * const { files, gzipBytes } = firstPageSize('packages/admin/dist');
 */
export function firstPageSize(dist: string): ReturnType<typeof pageSize> {
  return pageSize(dist, APP_CHUNKS.admin);
}
