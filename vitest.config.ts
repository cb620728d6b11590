import { defineConfig } from 'vitest/config';

const server = (name: string, env: Record<string, string> = {}) => ({
  test: {
    name,
    include: ['server/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    env,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

/**
 * Unit and integration tests run on the embedded PostgreSQL; when DATABASE_URL is set they run
 * again on that PostgreSQL. End-to-end journeys drive Debian's Chromium through the built web app.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'web', include: ['web/src/**/*.test.ts'] } },
      server('server'),
      ...(process.env.DATABASE_URL ? [server('server-external')] : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
