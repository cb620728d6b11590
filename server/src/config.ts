import { join } from 'node:path';
import { z } from 'zod';

/**
 * One schema over the environment. In production every demo feature is refused and every
 * secret and URL must be given; the error lists all that is wrong at once.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  DOCUMENTS_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54320),
  SESSION_SECRET: z.string().min(32).optional(),
  DEMO: z.enum(['true', 'false']).optional(),
  OIDC_SPID_ISSUER: z.string().url().optional(),
  OIDC_SPID_CLIENT_ID: z.string().optional(),
  OIDC_SPID_CLIENT_SECRET: z.string().optional(),
  OIDC_CIE_ISSUER: z.string().url().optional(),
  OIDC_CIE_CLIENT_ID: z.string().optional(),
  OIDC_CIE_CLIENT_SECRET: z.string().optional(),
  OWNER_NAME: z.string().default('Regione Campania'),
  OWNER_URL: z.string().url().default('https://www.regione.campania.it/'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  HELPDESK_CLOSE_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  // 'off' behind a connection pooler in transaction mode (pgbouncer), which cannot keep named statements.
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]/i, 'must be smtp://host:port or smtps://host:port').optional(),
  MAIL_FROM: z.string().min(3).optional(),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  SMS_SENDER: z.string().min(1).max(11).default('Sportello'),
  DEMO_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export interface OidcProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface Config {
  production: boolean;
  /** Demo features: the embedded identity provider, demo data, (later) settable clock and inboxes. */
  demo: boolean;
  port: number;
  host: string;
  publicUrl: string;
  /** Undefined means: start the embedded PostgreSQL in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /**
   * Where uploaded documents are kept on disk (default <DATA_DIR>/documents). Fine for one
   * instance; a production with several should use an S3-compatible store implementing DocumentStore.
   */
  documentsDir: string;
  embeddedPgPort: number;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** SPID and CIE through OpenID Connect; in demo mode both point at the embedded provider. */
  oidc: { spid: OidcProviderConfig; cie: OidcProviderConfig };
  owner: { name: string; url: string };
  /** Outgoing e-mail; in demo mode SMTP_URL defaults to the embedded demo SMTP server. */
  smtp: { url: string; from: string };
  /** A real SMS provider; absent in demo mode, where the demo gateway keeps messages for the inbox. */
  sms?: { url: string; token: string; sender: string };
  /** Port of the demo SMTP server (demo mode only; it listens on the loopback interface). */
  demoSmtpPort: number;
  logLevel: string;
  /** SOL Assistenza: a request "risolto" becomes "chiuso" this many days later (seed 004 §2.5). */
  helpdeskCloseAfterDays: number;
  /** Statements run often are prepared on each connection (platform/db/database.ts). */
  preparedStatements: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configurazione non valida:\n - ${problems.join('\n - ')}`);
  }
}

const DEMO_SECRET = 'demo-only-session-secret-not-for-production-use';

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demo = e.DEMO ? e.DEMO === 'true' : !production;
  const problems: string[] = [];

  if (production) {
    if (demo) problems.push('DEMO=true: demo features (test identity provider, demo data) are refused in production');
    if (!e.DATABASE_URL) problems.push('DATABASE_URL is required in production (the embedded PostgreSQL is for demo only)');
    if (!e.SESSION_SECRET) problems.push('SESSION_SECRET is required in production (at least 32 characters)');
    if (!e.SMTP_URL) problems.push('SMTP_URL is required in production (the demo mail server is for demo only)');
    if (!e.SMS_GATEWAY_URL || !e.SMS_GATEWAY_TOKEN) problems.push('SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN are required in production (OTP codes go by SMS)');
    if (!e.MAIL_FROM) problems.push('MAIL_FROM is required in production (e.g. "Sportello <noreply@example.it>")');
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL is required in production');
    else if (!e.PUBLIC_URL.startsWith('https://')) problems.push('PUBLIC_URL must be https:// in production');
    for (const idp of ['SPID', 'CIE'] as const) {
      for (const key of ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET'] as const) {
        if (!e[`OIDC_${idp}_${key}`]) problems.push(`OIDC_${idp}_${key} is required in production`);
      }
    }
  }
  if (!demo && !production) {
    for (const idp of ['SPID', 'CIE'] as const) {
      if (!e[`OIDC_${idp}_ISSUER`]) problems.push(`OIDC_${idp}_ISSUER is required when DEMO=false`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const demoIssuer = `${publicUrl}/demo-idp`;
  const provider = (idp: 'SPID' | 'CIE', clientId: string): OidcProviderConfig => ({
    issuer: e[`OIDC_${idp}_ISSUER`] ?? demoIssuer,
    clientId: e[`OIDC_${idp}_CLIENT_ID`] ?? clientId,
    clientSecret: e[`OIDC_${idp}_CLIENT_SECRET`] ?? `${clientId}-demo-secret`,
  });

  return {
    production,
    demo,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    documentsDir: e.DOCUMENTS_DIR ?? join(e.DATA_DIR, 'documents'),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    sessionSecret: e.SESSION_SECRET ?? DEMO_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    helpdeskCloseAfterDays: e.HELPDESK_CLOSE_AFTER_DAYS,
    preparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'on',
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    oidc: { spid: provider('SPID', 'sportello-spid'), cie: provider('CIE', 'sportello-cie') },
    owner: { name: e.OWNER_NAME, url: e.OWNER_URL },
    sms: e.SMS_GATEWAY_URL && e.SMS_GATEWAY_TOKEN ? { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN, sender: e.SMS_SENDER } : undefined,
    smtp: {
      url: e.SMTP_URL ?? `smtp://127.0.0.1:${e.DEMO_SMTP_PORT}`,
      from: e.MAIL_FROM ?? 'Sportello <noreply@sportello.localhost>',
    },
    demoSmtpPort: e.DEMO_SMTP_PORT,
    // Request logs are for operations; a demo terminal shows only what goes wrong.
    logLevel: e.LOG_LEVEL ?? (production ? 'info' : 'warn'),
  };
}
