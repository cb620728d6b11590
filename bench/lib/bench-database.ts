import pg from 'pg';
import { fiscalCodeCheckCharacter } from '../../server/src/shared/fiscal-code.js';
import { migrate } from '../../server/src/platform/db/migrate.js';
import { MIGRATION_SOURCES } from '../../server/src/platform/db/migrations.js';

/** The machine's PostgreSQL by default; BENCH_DATABASE_URL points elsewhere. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sportello_bench';

export const VOUCHERS = 1_000_000;
export const EXPORT_MOVEMENTS = 1_000_000;
/** Merchant structures, each with one signed-in operator, for the purchase and search benches. */
export const MERCHANTS = 64;
export const VOUCHER_SERVICE = 'voucher-secondogeniti';
/** The export merchant's movements all fall in this period (2024 has 366 days: the listing's limit). */
export const EXPORT_PERIOD = { from: '2024-01-01', to: '2024-12-31' };

/**
 * The n-th bench codice fiscale: six letters from n, then "90A01F839" and the check letter; the
 * same rule in SQL (`bench_fiscal_code`) seeds a million of them set-based.
 */
export function benchFiscalCode(n: number): string {
  const letters = (v: number) => String.fromCharCode(65 + Math.floor(v / 676) % 26, 65 + Math.floor(v / 26) % 26, 65 + (v % 26));
  const first15 = `${letters(n % 17_576)}${letters(Math.floor(n / 17_576))}90A01F839`;
  return first15 + fiscalCodeCheckCharacter(first15);
}

export const merchantName = (m: number) => `Bench Esercente ${String(m).padStart(3, '0')}`;
export const EXPORT_MERCHANT = 'Bench Esercente Export';
/** Operators' codici fiscali come after the beneficiaries'. */
export const operatorFiscalCode = (m: number) => benchFiscalCode(2_000_000 + m);
export const EXPORT_OPERATOR = benchFiscalCode(2_000_999);

const SQL_HELPERS = `
CREATE OR REPLACE FUNCTION bench_cf_letters(v bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT chr(65 + ((v / 676) % 26)::int) || chr(65 + ((v / 26) % 26)::int) || chr(65 + (v % 26)::int)
$$;
CREATE OR REPLACE FUNCTION bench_cf_check(first15 text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT chr(65 + (sum(CASE WHEN pos % 2 = 1
      THEN (ARRAY[1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23])[v + 1]
      ELSE v END) % 26)::int)
    FROM (SELECT pos, CASE WHEN c BETWEEN '0' AND '9' THEN ascii(c) - 48 ELSE ascii(c) - 65 END AS v
            FROM (SELECT pos, substr(first15, pos, 1) AS c FROM generate_series(1, 15) AS pos) chars) vals
$$;
CREATE OR REPLACE FUNCTION bench_fiscal_code(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT f || bench_cf_check(f) FROM (SELECT bench_cf_letters(n % 17576) || bench_cf_letters(n / 17576) || '90A01F839' AS f) x
$$;`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

/** Creates the bench database when missing and applies every migration. */
export async function ensureBenchDatabase(log: (line: string) => void): Promise<void> {
  const name = new URL(BENCH_DATABASE_URL).pathname.slice(1);
  const admin = new pg.Client({ connectionString: withDatabase(BENCH_DATABASE_URL, 'postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      log(`creating database ${name}`);
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 1 });
  try {
    const applied = await migrate(pool, MIGRATION_SOURCES);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
  } finally {
    await pool.end();
  }
}

async function count(client: pg.PoolClient, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await client.query(sql, params)).rows[0].n);
}

/**
 * The bench data, set-based and reused when present: a program, 64 merchants + the export
 * merchant (each with one operator enabled for the voucher service), 1,000,000 vouchers of
 * distinct beneficiaries (distinct phones, so no per-phone OTP limit is ever reached), and
 * 1,000,000 movements of the export merchant over 2024.
 */
export async function seedBench(log: (line: string) => void): Promise<void> {
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 1 });
  const client = await pool.connect();
  try {
    await client.query(SQL_HELPERS);
    // Same rule on both sides, or the searches would be refused.
    const probe = (await client.query('SELECT bench_fiscal_code(123456) AS a, bench_fiscal_code(2000007) AS b')).rows[0];
    if (probe.a !== benchFiscalCode(123456) || probe.b !== benchFiscalCode(2_000_007)) throw new Error('bench_fiscal_code differs from benchFiscalCode');

    let program = (await client.query("SELECT id FROM voucher_programs WHERE name = 'Bench Voucher'")).rows[0]?.id as string | undefined;
    if (!program) {
      program = (await client.query("INSERT INTO voucher_programs (name, face_value_cents, validity_months) VALUES ('Bench Voucher', 100000, 60) RETURNING id")).rows[0].id;
    }

    const merchants = [...Array.from({ length: MERCHANTS }, (_, i) => ({ name: merchantName(i + 1), operator: operatorFiscalCode(i + 1) })), { name: EXPORT_MERCHANT, operator: EXPORT_OPERATOR }];
    if ((await count(client, "SELECT count(*) AS n FROM organisations WHERE name LIKE 'Bench Esercente %'")) < merchants.length) {
      log(`seeding ${merchants.length} merchants and their operators`);
      await client.query('BEGIN');
      for (const [i, m] of merchants.entries()) {
        const org = (await client.query("INSERT INTO organisations (kind, name) VALUES ('merchant', $1) RETURNING id", [m.name])).rows[0].id;
        const user = (
          await client.query("INSERT INTO users (fiscal_code, given_name, family_name) VALUES ($1, 'Operatore', $2) ON CONFLICT (fiscal_code) DO UPDATE SET given_name = 'Operatore' RETURNING id", [
            m.operator,
            `Bench ${i + 1}`,
          ])
        ).rows[0].id;
        await client.query("INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'operator')", [org, user]);
        await client.query('INSERT INTO membership_services (organisation_id, user_id, service_code) VALUES ($1, $2, $3)', [org, user, VOUCHER_SERVICE]);
        await client.query('INSERT INTO voucher_program_merchants (program_id, merchant_structure_id) VALUES ($1, $2)', [program, org]);
      }
      await client.query('COMMIT');
    }

    const vouchers = await count(client, 'SELECT count(*) AS n FROM vouchers WHERE program_id = $1', [program]);
    if (vouchers < VOUCHERS) {
      log(`seeding ${VOUCHERS - vouchers} vouchers (generate_series)…`);
      const started = Date.now();
      await client.query(
        `INSERT INTO vouchers (code, program_id, beneficiary_fiscal_code, health_card_number, given_name, family_name, mobile_phone,
                               initial_cents, available_cents, activation_date, expiry_date)
         SELECT 'VB-' || lpad(i::text, 7, '0'), $1, bench_fiscal_code(i), '80380' || lpad(i::text, 15, '0'), 'Nome', 'Beneficiario ' || i,
                '+39' || (3000000000 + i)::text, 100000, 100000, '2020-01-01', '2099-12-31'
           FROM generate_series($2::int, $3::int - 1) AS i`,
        [program, vouchers, VOUCHERS],
      );
      await client.query('ANALYZE vouchers');
      log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }

    const exportMerchant = (await client.query('SELECT id FROM organisations WHERE name = $1', [EXPORT_MERCHANT])).rows[0].id as string;
    const movements = await count(client, 'SELECT count(*) AS n FROM voucher_movements WHERE merchant_structure_id = $1', [exportMerchant]);
    if (movements < EXPORT_MOVEMENTS) {
      log(`seeding ${EXPORT_MOVEMENTS} movements of "${EXPORT_MERCHANT}" over 2024 (generate_series)…`);
      const started = Date.now();
      await client.query('BEGIN');
      await client.query('DELETE FROM voucher_movements WHERE merchant_structure_id = $1', [exportMerchant]);
      // 95% purchases (mostly confirmed, some pending or released) on vouchers spread over the million,
      // then cancellations of one purchase in seventeen (the earliest 50,000 of them), ten minutes after it.
      const purchases = Math.round(EXPORT_MOVEMENTS * 0.95);
      await client.query(
        `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, idempotency_key, created_by, created_at, confirmed_at)
         SELECT v.id, $1, 'acquisto',
                CASE WHEN i % 50 = 0 THEN 'rilasciato' WHEN i % 97 = 0 THEN 'in_attesa' ELSE 'confermato' END,
                100 + (i * 37) % 250000, 'bench-' || i, $1, at, at
           FROM generate_series(0, $2::int - 1) AS i
          CROSS JOIN LATERAL (SELECT '2024-01-01 00:00:00 Europe/Rome'::timestamptz + (i * (31622400.0 / $2::int)) * interval '1 second' AS at) t
           JOIN vouchers v ON v.code = 'VB-' || lpad(((i::bigint * 7919) % $3::int)::text, 7, '0')`,
        [exportMerchant, purchases, VOUCHERS],
      );
      await client.query(
        `INSERT INTO voucher_movements (voucher_id, merchant_structure_id, kind, status, amount_cents, purchase_id, idempotency_key, created_by, created_at, confirmed_at)
         SELECT voucher_id, merchant_structure_id, 'cancellazione', 'confermato', amount_cents, id, 'bench-c-' || idempotency_key, created_by,
                created_at + interval '10 minutes', created_at + interval '10 minutes'
           FROM voucher_movements
          WHERE merchant_structure_id = $1 AND status = 'confermato' AND amount_cents % 17 = 0
          ORDER BY created_at LIMIT $2`,
        [exportMerchant, EXPORT_MOVEMENTS - purchases],
      );
      await client.query('COMMIT');
      await client.query('ANALYZE voucher_movements');
      log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}

/** Ids of the export merchant and of the purchase merchants, in order. */
export async function benchIds(pool: pg.Pool): Promise<{ program: string; exportMerchant: string; merchants: string[] }> {
  const program = (await pool.query("SELECT id FROM voucher_programs WHERE name = 'Bench Voucher'")).rows[0].id;
  const exportMerchant = (await pool.query('SELECT id FROM organisations WHERE name = $1', [EXPORT_MERCHANT])).rows[0].id;
  const merchants = (await pool.query("SELECT id FROM organisations WHERE name LIKE 'Bench Esercente 0%' ORDER BY name")).rows.map((r) => r.id as string);
  return { program, exportMerchant, merchants };
}
