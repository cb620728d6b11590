/**
 * Compiles the server (and the notification worker) to JavaScript, as `npm start` runs it: one
 * bundle each in server/dist/, the npm packages left to node_modules. Under tsx the process would
 * also hold the on-the-fly compiler and its caches (~50 MB, bench/RESULTS.md).
 *   node scripts/build-server.mjs
 */
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'server/src/main.ts', worker: 'server/src/worker.ts' },
  outdir: 'server/dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // What is imported on demand (the demo identity provider, the demo mailbox, docx) stays in its own
  // chunk, loaded when used: in one bundle its packages would load at start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
