/**
 * Periodic jobs: each runs every `everyMs`, never overlapping itself, its failures logged and
 * retried at the next turn. A job must be idempotent and safe to run on several instances at
 * once (a guarded UPDATE is): there is no leader, so scaling out needs nothing more.
 */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  /** What it did, for the log (e.g. how many rows it changed). */
  run: () => Promise<number | void>;
}

export interface JobsLog {
  info(o: object, m: string): void;
  error(o: object, m: string): void;
}

export interface RunningJobs {
  stop(): Promise<void>;
}

export function startPeriodicJobs(jobs: readonly PeriodicJob[], log: JobsLog): RunningJobs {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const turn = (job: PeriodicJob) => {
    if (stopped) return;
    const work = job
      .run()
      .then((done) => {
        if (typeof done === 'number' && done > 0) log.info({ job: job.name, done }, 'job done');
      })
      .catch((error: unknown) => log.error({ job: job.name, err: error }, 'job failed'))
      .finally(() => {
        running.delete(work);
        schedule(job);
      });
    running.add(work);
  };

  const schedule = (job: PeriodicJob) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      turn(job);
    }, job.everyMs);
    timer.unref();
    timers.add(timer);
  };

  // First turn at once: a restart after midnight releases yesterday's holds without waiting.
  for (const job of jobs) turn(job);

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
