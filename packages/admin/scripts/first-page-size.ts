import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The JavaScript the first page loads (the entry chunk and every chunk it imports statically;
 * lazy views are not among them) with each file's gzip size, from vite's manifest.
 * @example
 * const { files, gzipBytes } = firstPageSize('packages/admin/dist');
 */
export function firstPageSize(dist: string): { files: Array<{ file: string; bytes: number; gzipBytes: number }>; bytes: number; gzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error(`${dist}/.vite/manifest.json names no entry chunk; rebuild the panel with \`pnpm --filter @shuoshi/admin build\`.`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  const files = [...seen].map((key) => {
    const file = manifest[key]?.file ?? key;
    const content = readFileSync(join(dist, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0), gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
