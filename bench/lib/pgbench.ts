import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type LoadResult, summarise } from './load.js';

const run = promisify(execFile);
export const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';

/**
 * Runs `pgbench` with a custom script (prepared statements, one thread per core) and reads every
 * transaction's latency from its per-transaction log, to give the same figures as the HTTP runs.
 */
export async function runPgbench(options: {
  label: string;
  url: string;
  script: string;
  clients: number;
  seconds: number;
  variables?: Record<string, string>;
}): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-pgbench-'));
  try {
    const scriptFile = join(dir, 'script.sql');
    writeFileSync(scriptFile, options.script);
    const args = [
      '--no-vacuum',
      '--protocol=prepared',
      `--client=${options.clients}`,
      `--jobs=${Math.min(2, options.clients)}`,
      `--time=${options.seconds}`,
      `--file=${scriptFile}`,
      '--log',
      `--log-prefix=${join(dir, 'tx')}`,
      ...Object.entries(options.variables ?? {}).map(([k, v]) => `--define=${k}=${v}`),
      options.url,
    ];
    const { stdout } = await run(PGBENCH, args, { maxBuffer: 16 * 1024 * 1024 });
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    const latencies: number[] = [];
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    for (const file of readdirSync(dir).filter((f) => f.startsWith('tx'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        // client_id transaction_no time script_no time_epoch time_us
        const fields = line.split(' ');
        if (fields.length < 6) continue;
        const micros = Number(fields[2]);
        const endUs = Number(fields[4]) * 1e6 + Number(fields[5]);
        latencies.push(micros / 1000);
        first = Math.min(first, endUs - micros);
        last = Math.max(last, endUs);
      }
    }
    return summarise(options.label, options.clients, latencies, failed, (last - first) / 1e6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
