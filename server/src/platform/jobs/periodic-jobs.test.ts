import { describe, expect, it } from 'vitest';
import { startPeriodicJobs } from './periodic-jobs.js';

const quietLog = () => {
  const errors: unknown[] = [];
  return { errors, log: { info: () => {}, error: (o: object) => errors.push(o) } };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('periodic jobs', () => {
  it('runs a job at once and again every period, never two turns of it at the same time', async () => {
    let turns = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const { log } = quietLog();
    const jobs = startPeriodicJobs(
      [
        {
          name: 'slow',
          everyMs: 5,
          run: async () => {
            concurrent++;
            maxConcurrent = Math.max(maxConcurrent, concurrent);
            turns++;
            await sleep(20);
            concurrent--;
          },
        },
      ],
      log,
    );
    await sleep(120);
    await jobs.stop();
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(maxConcurrent).toBe(1);
    const after = turns;
    await sleep(40);
    expect(turns).toBe(after); // stopped means stopped
  });

  it('logs a failure and tries again at the next turn', async () => {
    let turns = 0;
    const { log, errors } = quietLog();
    const jobs = startPeriodicJobs(
      [
        {
          name: 'flaky',
          everyMs: 5,
          run: async () => {
            turns++;
            if (turns === 1) throw new Error('database restarting');
          },
        },
      ],
      log,
    );
    await sleep(60);
    await jobs.stop();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ job: 'flaky' });
    expect(turns).toBeGreaterThan(1);
  });
});
