import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Resident memory of the process now, in bytes (Linux /proc). */
  rss(): number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// Ctrl-C or a kill still runs the 'exit' handlers below, which stop the servers.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** `bench/lib/<entry>.ts` bundled by esbuild (dependencies left to node_modules) into bench/.build/, once per run. */
function compiled(entry: string, file: string): string {
  const out = fileURLToPath(new URL(`../.build/${entry}.mjs`, import.meta.url));
  if (!built.has(out)) {
    const esbuild = fileURLToPath(new URL('../../node_modules/.bin/esbuild', import.meta.url));
    execFileSync(esbuild, [file, '--bundle', '--platform=node', '--format=esm', '--packages=external', '--log-level=warning', `--outfile=${out}`], { stdio: 'inherit' });
    built.add(out);
  }
  return out;
}
const built = new Set<string>();

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

/**
 * Starts `bench/lib/<entry>.ts` in its own Node process (so its memory and CPU are its own); `env`
 * adds variables, e.g. BENCH_DATABASE_URL for a bench with a database of its own.
 */
export async function startServer(entry: 'app-server' | 'bare-server', env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const file = fileURLToPath(new URL(`./${entry}.ts`, import.meta.url));
  // BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (see README).
  const extra = (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  // Compiled to JavaScript first, as a deployment runs it: under tsx the server also holds the
  // on-the-fly compiler and its caches (~50 MB). BENCH_SERVER_RUNNER=tsx runs the sources as before.
  const args = process.env.BENCH_SERVER_RUNNER === 'tsx' ? ['--import', 'tsx', file] : [compiled(entry, file)];
  const child: ChildProcess = spawn(process.execPath, [...extra, ...args], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A bench that dies (Ctrl-C, an error) takes its servers with it.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.includes('"ready"')) {
        if (process.env.BENCH_DEBUG) console.log(line);
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    rss: () => rssOf(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          process.off('exit', orphan);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
