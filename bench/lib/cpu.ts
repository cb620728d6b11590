import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU seconds (user + system) used so far by a process, from /proc/<pid>/stat; 0 once it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return 0;
  }
}

function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export interface CpuSplit {
  server: number;
  postgres: number;
  client: number;
}

/**
 * Where the CPU went during a run: the server process(es), every PostgreSQL process on this machine
 * (the bench's backends — and whatever else runs there; sampled every 100 ms, so that backends
 * living only during the run, like pgbench's, are counted), and the load generator (this process,
 * or pgbench).
 */
export function cpuMeter(serverPids: number[]): () => CpuSplit {
  const start = new Map(pidsNamed('postgres').map((pid) => [pid, cpuSecondsOf(pid)]));
  const latest = new Map(start);
  const pgbench = new Map<number, number>();
  const sample = () => {
    for (const pid of pidsNamed('postgres')) {
      const seconds = cpuSecondsOf(pid);
      if (seconds > 0) latest.set(pid, seconds);
    }
    for (const pid of pidsNamed('pgbench')) {
      const seconds = cpuSecondsOf(pid);
      if (seconds > 0) pgbench.set(pid, seconds);
    }
  };
  const timer = setInterval(sample, 100);
  const server0 = serverPids.map(cpuSecondsOf);
  const client0 = process.cpuUsage();
  return () => {
    clearInterval(timer);
    sample();
    let postgres = 0;
    for (const [pid, seconds] of latest) postgres += seconds - (start.get(pid) ?? 0);
    const client = process.cpuUsage(client0);
    return {
      server: serverPids.reduce((sum, pid, i) => sum + cpuSecondsOf(pid) - server0[i]!, 0),
      postgres,
      client: (client.user + client.system) / 1e6 + [...pgbench.values()].reduce((a, b) => a + b, 0),
    };
  };
}

export function formatCpu(split: CpuSplit, operations: number): string {
  const per = (s: number) => `${((s * 1000) / operations).toFixed(2)} ms`;
  return `CPU per operation: server ${per(split.server)} · PostgreSQL ${per(split.postgres)} · load generator ${per(split.client)}`;
}
