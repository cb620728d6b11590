import { cpus, totalmem } from 'node:os';
import type pg from 'pg';

/** What the figures were measured on: printed at the top of every bench. */
export async function describeMachine(pool: pg.Pool): Promise<string> {
  const version = (await pool.query('SHOW server_version')).rows[0].server_version;
  const settings: string[] = [];
  for (const name of ['shared_buffers', 'synchronous_commit', 'fsync', 'max_connections']) {
    settings.push(`${name}=${(await pool.query(`SHOW ${name}`)).rows[0][name]}`);
  }
  const cpu = cpus();
  return [
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`,
    `PostgreSQL ${version} (${settings.join(' ')})`,
  ].join('\n');
}
