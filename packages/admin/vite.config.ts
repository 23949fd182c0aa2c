import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at `/` (SHUOSHI_ADMIN_DIST); `pnpm --filter @shuoshi/admin dev` proxies /api to a running server.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The size report (scripts/report-size.ts) reads which chunks the first page loads from the manifest.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
