import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../../server/src/platform/db/migrate.js';
import { MIGRATION_SOURCES } from '../../server/src/platform/db/migrations.js';
import { benchFiscalCode } from './bench-database.js';

/** The help-desk bench has a database of its own (the queue's figures must not depend on the voucher benches' data). */
export const HELPDESK_BENCH_DATABASE_URL = process.env.BENCH_HELPDESK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sportello_bench_helpdesk';

export const HELPDESK_REQUESTS = 1_000_000;
export const REGION = 'Bench Regione Assistenza';
export const BIG_AGENCY = 'Bench ASL Grande';
/** The five small agencies share 15% of the requests; the big one holds 85%. */
export const SMALL_AGENCIES = ['Bench ASL Piccola 1', 'Bench ASL Piccola 2', 'Bench ASL Piccola 3', 'Bench ASL Piccola 4', 'Bench ASL Piccola 5'];
export const OPERATORS = 8;
export const helpdeskOperatorFiscalCode = (k: number) => benchFiscalCode(4_000_000 + k);

/** Words the bench searches for: one in about a quarter of the descriptions, one in 1 of 10,000. */
export const COMMON_WORD = 'referto';
export const RARE_WORD = 'scintigrafia';

const MIGRATION_FILE = fileURLToPath(new URL('../../server/src/modules/helpdesk/migrations/0001_helpdesk.sql', import.meta.url));

/** The indexes the (unreleased, edited in place) migration declares on helpdesk_requests: name → statement. */
export function declaredRequestIndexes(): Map<string, string> {
  const text = readFileSync(MIGRATION_FILE, 'utf8').replace(/--[^\n]*/g, '');
  const found = new Map<string, string>();
  for (const m of text.matchAll(/CREATE\s+(?:UNIQUE\s+)?INDEX\s+(\w+)\s+ON\s+helpdesk_requests\b[^;]*;/gi)) found.set(m[1]!, m[0]);
  return found;
}

/** Indexes of helpdesk_requests that are not constraints (primary key, UNIQUE number). */
async function currentRequestIndexes(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query(
    `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'helpdesk_requests'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
  );
  return rows.map((r) => r.name as string);
}

/**
 * The migration is edited in place until released, so a bench database migrated earlier may hold
 * other indexes: make helpdesk_requests carry exactly the ones the file declares (by name).
 */
export async function syncRequestIndexes(client: pg.ClientBase, log: (line: string) => void): Promise<void> {
  const declared = declaredRequestIndexes();
  const current = await currentRequestIndexes(client);
  for (const name of current) {
    if (!declared.has(name)) {
      log(`  dropping index ${name} (no longer in the migration)`);
      await client.query(`DROP INDEX ${name}`);
    }
  }
  await client.query("SET maintenance_work_mem = '512MB'");
  for (const [name, statement] of declared) {
    if (current.includes(name)) continue;
    const started = performance.now();
    await client.query(statement);
    log(`  created index ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await client.query('RESET maintenance_work_mem');
}

async function ensureDatabase(log: (line: string) => void): Promise<void> {
  const url = new URL(HELPDESK_BENCH_DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  try {
    if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0) {
      log(`creating database ${name}`);
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: HELPDESK_BENCH_DATABASE_URL, max: 1 });
  try {
    const applied = await migrate(pool, MIGRATION_SOURCES);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
  } finally {
    await pool.end();
  }
}

const list = (words: string[]) => `ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(', ')}]`;

// A small vocabulary of what citizens write to the desk (seed 004 §2.7–2.12): enough distinct
// Italian words for the text search to have work to do, combined by a few hashes of the row number.
const OPENINGS = ['Buongiorno,', 'Salve,', 'Gentile assistenza,', 'Buonasera,', 'Spettabile azienda sanitaria,', 'Egregi operatori,', 'Scrivo per segnalare che', 'Vi contatto perché'];
const PROBLEMS = [
  "non riesco a scaricare il referto dell'esame del sangue",
  'il referto della risonanza magnetica non compare nel fascicolo sanitario',
  'ho pagato il ticket ma il pagamento non risulta registrato',
  'il sistema mi segnala un errore quando apro il documento',
  'non riesco ad accedere con SPID al servizio on line',
  'la ricevuta del pagamento pagoPA non è disponibile',
  'il referto della visita cardiologica risulta non scaricabile per mancato pagamento',
  'non trovo le immagini della radiografia al torace',
  'vorrei cambiare il medico di base ma la procedura si blocca',
  'il codice di ritiro indicato sul foglio non viene accettato',
  'la prenotazione della visita oculistica non è visibile',
  'il fascicolo sanitario non mostra le vaccinazioni',
];
const DETAILS = [
  "L'esame è stato eseguito presso il presidio ospedaliero il mese scorso.",
  'Ho già provato più volte da computer e da telefono.',
  'Allego la ricevuta del pagamento effettuato in farmacia.',
  'Il problema riguarda mio figlio minorenne di cui sono tutore.',
  'Il numero della prenotazione è indicato sul promemoria.',
  'Mi è stato detto allo sportello di scrivere a questo indirizzo.',
  'Ho bisogno del documento per una visita specialistica urgente.',
  'Il messaggio di errore dice che il documento non è disponibile.',
  'Ho aggiornato il browser ma il problema rimane.',
  'Il pagamento risulta addebitato sul conto corrente.',
];
const CLOSINGS = ['Grazie.', 'Cordiali saluti.', 'Attendo un vostro riscontro.', "Grazie per l'aiuto.", 'Distinti saluti.', 'Resto in attesa, grazie.'];
const GIVEN = ['Giovanni', 'Laura', 'Marco', 'Giulia', 'Francesca', 'Alessandro', 'Chiara', 'Luca', 'Sofia', 'Matteo', 'Anna', 'Davide'];
const FAMILY = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti'];
const SERVICES = ['ritiro-referti', 'ritiro-referti', 'ritiro-referti', 'ritiro-referti-accesso-facilitato', 'pagamento-ticket', 'fascicolo-sanitario', 'scelta-medico', 'servizio-assistenza'];
const CATEGORIES = ['referto-non-trovato', 'referto-non-trovato', 'referto-non-visualizzabile', 'pagamento-non-registrato', 'referto-non-scaricabile', 'accesso', 'altro'];

export interface HelpdeskBenchIds {
  region: string;
  bigAgency: string;
  operators: string[];
}

async function ids(client: pg.ClientBase): Promise<HelpdeskBenchIds | null> {
  const region = (await client.query('SELECT id FROM organisations WHERE name = $1', [REGION])).rows[0]?.id as string | undefined;
  const bigAgency = (await client.query('SELECT id FROM organisations WHERE name = $1', [BIG_AGENCY])).rows[0]?.id as string | undefined;
  if (!region || !bigAgency) return null;
  const operators = (
    await client.query('SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id AND m.organisation_id = $1 ORDER BY u.fiscal_code', [bigAgency])
  ).rows.map((r) => r.id as string);
  return { region, bigAgency, operators };
}

/**
 * The bench data, set-based and reused when present: a region (the regional desk), a big agency
 * with 8 operators and 85% of the requests, five small agencies, and 1,000,000 requests over three
 * years, dated newest last. The newest 20,000 are a live desk's mix (nuova, in lavorazione, in
 * attesa, risolto, and 5% forwarded "non di competenza" to the region's queue); of the older ones
 * 0.5% were left open and the rest are chiuso.
 */
export async function seedHelpdeskBench(log: (line: string) => void): Promise<HelpdeskBenchIds> {
  await ensureDatabase(log);
  const pool = new pg.Pool({ connectionString: HELPDESK_BENCH_DATABASE_URL, max: 1 });
  const client = await pool.connect();
  try {
    let found = await ids(client);
    if (!found) {
      log(`seeding the region, ${1 + SMALL_AGENCIES.length} agencies and ${OPERATORS} operators`);
      await client.query('BEGIN');
      const region = (await client.query("INSERT INTO organisations (kind, name) VALUES ('region', $1) RETURNING id", [REGION])).rows[0].id;
      for (const name of [BIG_AGENCY, ...SMALL_AGENCIES]) {
        await client.query("INSERT INTO organisations (kind, name, parent_id) VALUES ('health_agency', $1, $2)", [name, region]);
      }
      const big = (await client.query('SELECT id FROM organisations WHERE name = $1', [BIG_AGENCY])).rows[0].id;
      for (let k = 1; k <= OPERATORS; k++) {
        const user = (
          await client.query("INSERT INTO users (fiscal_code, given_name, family_name) VALUES ($1, 'Operatore', $2) RETURNING id", [helpdeskOperatorFiscalCode(k), `Assistenza ${k}`])
        ).rows[0].id;
        await client.query("INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, 'operator')", [big, user]);
        await client.query("INSERT INTO membership_services (organisation_id, user_id, service_code) VALUES ($1, $2, 'sol-assistenza')", [big, user]);
      }
      await client.query('COMMIT');
      found = (await ids(client))!;
    }

    const present = Number((await client.query('SELECT count(*) AS n FROM helpdesk_requests')).rows[0].n);
    if (present === 0) {
      log(`seeding ${HELPDESK_REQUESTS.toLocaleString('en')} requests (generate_series; indexes built afterwards)…`);
      const started = performance.now();
      const agencies = (await client.query('SELECT id FROM organisations WHERE name = ANY($1) ORDER BY name', [SMALL_AGENCIES])).rows.map((r) => r.id as string);
      await client.query('BEGIN');
      // Building the indexes once at the end is much faster than maintaining them row by row.
      for (const name of await currentRequestIndexes(client)) await client.query(`DROP INDEX ${name}`);
      await client.query(
        `INSERT INTO helpdesk_requests (service_code, role_code, category_code, given_name, family_name, fiscal_code, email, phone, description,
                                        agency_structure_id, queue_structure_id, status, assignee_user_id,
                                        created_at, status_changed_at, first_answer_at, resolved_at, closed_at)
         SELECT s.service, CASE WHEN i % 9 = 0 THEN 'delegato' ELSE 'cittadino' END, s.category, s.given, s.family,
                'BNCRQS' || lpad(i::text, 10, '0'), lower(s.given) || '.' || lower(replace(s.family, ' ', '')) || i || '@example.it',
                '+39 333 ' || lpad((i % 10000000)::text, 7, '0'), s.description,
                s.agency, CASE WHEN s.status = 'non_di_competenza' THEN $3::uuid ELSE s.agency END, s.status,
                CASE WHEN s.status IN ('nuova', 'non_di_competenza') OR s.agency <> $1::uuid THEN NULL ELSE ($2::uuid[])[1 + i % 8] END,
                s.created_at,
                CASE s.status WHEN 'nuova' THEN s.created_at WHEN 'chiuso' THEN s.created_at + interval '12 days'
                              WHEN 'risolto' THEN s.created_at + interval '2 days' ELSE s.created_at + interval '4 hours' END,
                CASE WHEN s.status IN ('nuova', 'non_di_competenza') THEN NULL ELSE s.created_at + interval '4 hours' END,
                CASE WHEN s.status IN ('risolto', 'chiuso') THEN s.created_at + interval '2 days' END,
                CASE WHEN s.status = 'chiuso' THEN s.created_at + interval '12 days' END
           FROM generate_series(1, $5::int) AS i
          CROSS JOIN LATERAL (
            SELECT now() - ($5::int - i) * (interval '3 years' / $5::int) AS created_at,
                   CASE WHEN (i::bigint * 7919) % 100 < 85 THEN $1::uuid ELSE ($4::uuid[])[1 + ((i::bigint * 7919) % 100 - 85) / 3] END AS agency,
                   CASE WHEN $5::int - i < 20000 THEN
                          CASE WHEN (i::bigint * 104729) % 100 < 25 THEN 'nuova' WHEN (i::bigint * 104729) % 100 < 55 THEN 'in_lavorazione'
                               WHEN (i::bigint * 104729) % 100 < 70 THEN 'in_attesa_utente' WHEN (i::bigint * 104729) % 100 < 95 THEN 'risolto'
                               ELSE 'non_di_competenza' END
                        WHEN (i::bigint * 31) % 1000 < 3 THEN 'in_lavorazione'
                        WHEN (i::bigint * 31) % 1000 < 5 THEN 'in_attesa_utente'
                        ELSE 'chiuso' END AS status,
                   (${list(SERVICES)})[1 + (i::bigint * 13) % ${SERVICES.length}] AS service,
                   (${list(CATEGORIES)})[1 + (i::bigint * 17) % ${CATEGORIES.length}] AS category,
                   (${list(GIVEN)})[1 + (i::bigint * 7) % ${GIVEN.length}] AS given,
                   (${list(FAMILY)})[1 + (i::bigint * 11) % ${FAMILY.length}] AS family,
                   (${list(OPENINGS)})[1 + (i::bigint * 3) % ${OPENINGS.length}] || ' ' ||
                   (${list(PROBLEMS)})[1 + (i::bigint * 37) % ${PROBLEMS.length}] || '. ' ||
                   (${list(DETAILS)})[1 + (i::bigint * 53 / 7) % ${DETAILS.length}] ||
                   CASE WHEN i % 10007 = 0 THEN ' Si tratta di una ${RARE_WORD} ossea.' ELSE '' END || ' ' ||
                   (${list(CLOSINGS)})[1 + (i::bigint * 29) % ${CLOSINGS.length}] AS description
          ) s`,
        [found.bigAgency, found.operators, found.region, agencies, HELPDESK_REQUESTS],
      );
      log(`  rows written in ${((performance.now() - started) / 1000).toFixed(1)} s; building the migration's indexes…`);
      await syncRequestIndexes(client, log);
      await client.query('COMMIT');
      await client.query('VACUUM ANALYZE helpdesk_requests');
      log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else if (present !== HELPDESK_REQUESTS) {
      throw new Error(`${HELPDESK_BENCH_DATABASE_URL} holds ${present} requests, not ${HELPDESK_REQUESTS}: drop it to seed again`);
    } else {
      await syncRequestIndexes(client, log);
    }
    return found;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}
