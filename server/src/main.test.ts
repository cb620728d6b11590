import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('start in production mode', () => {
  it('refuses to start with a demo feature and without secrets, naming each problem', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DEMO: 'true' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    for (const name of ['DEMO=true', 'DATABASE_URL', 'SESSION_SECRET', 'PUBLIC_URL', 'OIDC_SPID_ISSUER', 'OIDC_CIE_CLIENT_SECRET', 'SMTP_URL', 'SMS_GATEWAY_URL']) {
      expect(result.stderr).toContain(name);
    }
    expect(result.stdout).not.toContain('in esecuzione');
  });
});
