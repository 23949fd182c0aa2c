import { ADMIN_DIST, ensureAdminBuild } from './admin-build.js';
import { firstPageSize } from './first-page-size.js';

// `pnpm --filter @shuoshi/admin size`: builds when stale, then prints the first page's JavaScript (kB = 1000 bytes).
ensureAdminBuild({ log: (line) => console.log(line) });
const size = firstPageSize(ADMIN_DIST);
for (const file of size.files.sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`${file.file.padEnd(48)} ${(file.bytes / 1000).toFixed(1).padStart(8)} kB  gzip ${(file.gzipBytes / 1000).toFixed(1).padStart(7)} kB`);
console.log(`first_page_js_kb=${(size.bytes / 1000).toFixed(1)} first_page_js_gzip_kb=${(size.gzipBytes / 1000).toFixed(1)} limit_gzip_kb=400`);
