import { ADMIN_DIST, ensureAdminBuild } from './admin-build.js';
import { APP_CHUNKS, firstPageSize, pageSize } from './first-page-size.js';

// `pnpm --filter @shuoshi/admin size`: builds when stale, then prints the first page's JavaScript (kB = 1000 bytes)
// and, for comparison, what the workers' page and the agency's referral page load.
ensureAdminBuild({ log: (line) => console.log(line) });
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const size = firstPageSize(ADMIN_DIST);
for (const file of size.files.sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`${file.file.padEnd(48)} ${kb(file.bytes).padStart(8)} kB  gzip ${kb(file.gzipBytes).padStart(7)} kB`);
const speak = pageSize(ADMIN_DIST, APP_CHUNKS.speak);
const agency = pageSize(ADMIN_DIST, APP_CHUNKS.agency);
console.log(`workers' page (/speak): ${kb(speak.bytes)} kB, gzip ${kb(speak.gzipBytes)} kB; agency page (/referral/<token>): ${kb(agency.bytes)} kB, gzip ${kb(agency.gzipBytes)} kB`);
console.log(`first_page_js_kb=${kb(size.bytes)} first_page_js_gzip_kb=${kb(size.gzipBytes)} speak_page_js_gzip_kb=${kb(speak.gzipBytes)} limit_gzip_kb=400`);
