import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));
const apiTarget = process.env.SPORTELLO_API_URL ?? 'http://localhost:3000';

/** The web front end: a single-page app under web/, built into web/dist and served by the API server. */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // bootstrap-italia's stylesheet alone is ~600 kB; it is one cacheable asset, not a code smell.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/demo-idp': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/demo-idp': { target: apiTarget, changeOrigin: false },
    },
  },
});
