import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const productionReady = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://sportello@db/sportello',
  SESSION_SECRET: 'x'.repeat(40),
  PUBLIC_URL: 'https://sportello.regione.example.it',
  OIDC_SPID_ISSUER: 'https://spid-broker.example.it/realms/spid',
  OIDC_SPID_CLIENT_ID: 'sportello',
  OIDC_SPID_CLIENT_SECRET: 's1',
  OIDC_CIE_ISSUER: 'https://cie-broker.example.it/realms/cie',
  OIDC_CIE_CLIENT_ID: 'sportello',
  OIDC_CIE_CLIENT_SECRET: 's2',
  SMTP_URL: 'smtp://relay.regione.example.it:587',
  MAIL_FROM: 'Sportello <noreply@regione.example.it>',
  SMS_GATEWAY_URL: 'https://sms.regione.example.it/v1/messages',
  SMS_GATEWAY_TOKEN: 'token',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration', () => {
  it('starts in demo mode with the embedded database by default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ demo: true, production: false, port: 3000, databaseUrl: undefined, publicUrl: 'http://localhost:3000' });
    expect(config.oidc.spid.issuer).toBe('http://localhost:3000/demo-idp');
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
  });

  it('prepares statements run often unless told not to (a pooler in transaction mode cannot keep them)', () => {
    expect(loadConfig({}).preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'off' }).preparedStatements).toBe(false);
    expect(problemsOf({ DATABASE_PREPARED_STATEMENTS: 'no' }).join(' ')).toContain('DATABASE_PREPARED_STATEMENTS');
  });

  it('accepts a complete production configuration, with no demo feature', () => {
    const config = loadConfig(productionReady);
    expect(config.demo).toBe(false);
    expect(config.oidc.cie.issuer).toBe(productionReady.OIDC_CIE_ISSUER);
  });

  it('refuses production with any demo feature or without a required secret or URL, naming each', () => {
    expect(problemsOf({ ...productionReady, DEMO: 'true' })).toEqual([expect.stringContaining('DEMO=true')]);
    const { SESSION_SECRET, DATABASE_URL, OIDC_CIE_CLIENT_SECRET, ...incomplete } = productionReady;
    const problems = problemsOf(incomplete);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/SESSION_SECRET/);
    expect(problems.join('\n')).toMatch(/OIDC_CIE_CLIENT_SECRET/);
    expect(problemsOf({ ...productionReady, PUBLIC_URL: 'http://insecure.example.it' })).toEqual([expect.stringContaining('https')]);
  });

  it('sends e-mail through SMTP_URL, required in production; in demo mode through the demo SMTP server', () => {
    expect(loadConfig({}).smtp.url).toBe('smtp://127.0.0.1:2525');
    expect(loadConfig({ DEMO_SMTP_PORT: '2626' }).smtp.url).toBe('smtp://127.0.0.1:2626');
    expect(loadConfig(productionReady).smtp).toEqual({ url: productionReady.SMTP_URL, from: productionReady.MAIL_FROM });
    const { SMTP_URL, MAIL_FROM, ...withoutMail } = productionReady;
    expect(problemsOf(withoutMail)).toEqual([expect.stringContaining('SMTP_URL'), expect.stringContaining('MAIL_FROM')]);
    expect(problemsOf({ SMTP_URL: 'http://mail.example.it' })[0]).toMatch(/^SMTP_URL/);
  });

  it('reports malformed values', () => {
    expect(problemsOf({ PORT: 'abc' })[0]).toMatch(/^PORT/);
  });

  it('keeps documents under DATA_DIR unless DOCUMENTS_DIR says otherwise, in production too', () => {
    expect(loadConfig({}).documentsDir).toBe('data/documents');
    expect(loadConfig({ DATA_DIR: '/var/lib/sportello' }).documentsDir).toBe('/var/lib/sportello/documents');
    expect(loadConfig({ ...productionReady, DOCUMENTS_DIR: '/srv/documents' }).documentsDir).toBe('/srv/documents');
    expect(problemsOf(productionReady)).toEqual([]);
  });
});
