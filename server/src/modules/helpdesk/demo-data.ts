/**
 * Demo data of SOL Assistenza: requests in every status at the two agencies and at the regional
 * desk, with their history and notes, dated from the clock's today; and the canned replies of seed
 * 004 §2.7–2.12. Written straight into the tables: the seeded past sends no e-mail.
 */
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../core/clock/clock.js';
import type { AnyDb } from '../../platform/db/database.js';
import { romeDate } from '../../shared/dates.js';
import { fiscalCodeCheckCharacter } from '../../shared/fiscal-code.js';
import { DEMO_CANNED_REPLIES } from './canned/demo-replies.js';
import { shiftDay } from './desk/rome-days.js';
import type { HelpdeskTables, NoteAudience } from './helpdesk.tables.js';
import type { RequestActorKind, RequestStatus } from './request-status.js';

export interface DemoStructure {
  id: string;
  name: string;
}
export interface DemoPerson {
  userId: string;
  givenName: string;
  familyName: string;
}
export interface DemoCitizen extends DemoPerson {
  fiscalCode: string;
  email: string;
  mobilePhone: string;
}

export interface HelpdeskDemoOptions {
  clock: Clock;
  agencies: { napoli: DemoStructure; caserta: DemoStructure };
  region: DemoStructure;
  people: {
    agencyOperator: DemoPerson;
    agencySupervisor: DemoPerson;
    secondAgencyOperator: DemoPerson;
    regionalDeskOperator: DemoPerson;
    /** Giovanni Ferrari: files signed in with SPID and follows his requests in the web app. */
    citizen: DemoCitizen;
  };
}

interface Filer {
  givenName: string;
  familyName: string;
  fiscalCode: string;
  email: string;
  phone: string;
  userId: string | null;
}

type Actor = { kind: RequestActorKind; person?: DemoPerson };
type Step =
  | { at: Date; change: 'status'; to: RequestStatus; by: Actor }
  | { at: Date; change: 'assignee'; to: DemoPerson | null; by: Actor }
  | { at: Date; change: 'queue'; to: DemoStructure; by: Actor }
  | { at: Date; note: string; audience: NoteAudience; by: Actor; from?: DemoStructure };

interface DemoRequest {
  agency: DemoStructure;
  filer: Filer;
  service: string;
  category: string;
  description: string;
  at: Date;
  steps: Step[];
}

const fullName = (p: DemoPerson) => `${p.givenName} ${p.familyName}`;

function anonymous(first15: string, givenName: string, familyName: string, phone: string): Filer {
  const email = `${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.it';
  return { givenName, familyName, fiscalCode: first15 + fiscalCodeCheckCharacter(first15), email, phone, userId: null };
}

/**
 * Seeds the help desk's demo data; does nothing when the agencies already hold requests (returns
 * false). The canned replies are seeded once, on their own.
 */
export async function seedHelpdeskDemo(db: AnyDb, options: HelpdeskDemoOptions): Promise<boolean> {
  const k = db as Kysely<HelpdeskTables>;
  const { napoli, caserta } = options.agencies;
  const region = options.region;
  const { agencyOperator: paolo, agencySupervisor: sara, secondAgencyOperator: giorgia, regionalDeskOperator: stefano, citizen } = options.people;

  const anyCanned = await k.selectFrom('helpdesk_canned_replies').select('id').where('structure_id', 'is', null).executeTakeFirst();
  if (!anyCanned) {
    await k
      .insertInto('helpdesk_canned_replies')
      .values(DEMO_CANNED_REPLIES.map((r) => ({ structure_id: null, title: r.title, body: r.body, suggested_status: r.suggestedStatus, audience: r.audience, updated_at: options.clock.now() })))
      .execute();
  }
  const existing = await k.selectFrom('helpdesk_requests').select('id').where('agency_structure_id', 'in', [napoli.id, caserta.id]).executeTakeFirst();
  if (existing) return false;

  const now = options.clock.now();
  const today = romeDate(now);
  const latest = new Date(now.getTime() - 30 * 60_000);
  /** A time `days` ago in Rome, never later than half an hour ago. */
  const ago = async (days: number, time: string) => {
    const { rows } = await sql<{ at: Date }>`SELECT ((${shiftDay(today, -days)} || ' ' || ${time})::timestamp AT TIME ZONE 'Europe/Rome') AS at`.execute(db);
    const at = rows[0]!.at;
    return at > latest ? latest : at;
  };
  const op = (person: DemoPerson): Actor => ({ kind: 'operator', person });
  const desk = (person: DemoPerson): Actor => ({ kind: 'regional_desk', person });
  const system: Actor = { kind: 'system' };
  const giovanni: Filer = { givenName: citizen.givenName, familyName: citizen.familyName, fiscalCode: citizen.fiscalCode, email: citizen.email, phone: citizen.mobilePhone.replace(/^\+39/, ''), userId: citizen.userId };
  const lucia = anonymous('SPSLCU85M52F839', 'Lucia', 'Esposito', '3391234501');
  const antonio = anonymous('RSSNTN70C12F839', 'Antonio', 'Russo', '3391234502');
  const giulia = anonymous('RMNGLI92E45F839', 'Giulia', 'Romano', '3391234503');
  const marco = anonymous('GRCMRC66H08B963', 'Marco', 'Greco', '3391234504');
  const francesca = anonymous('MRNFNC79T61F839', 'Francesca', 'Marino', '3391234505');
  const carmela = anonymous('CSTCML58A41B963', 'Carmela', 'Costa', '3391234506');
  const salvatore = anonymous('FRNSVT74D19B963', 'Salvatore', 'Fontana', '3391234507');

  const requests: DemoRequest[] = [
    {
      agency: napoli,
      filer: lucia,
      service: 'ritiro-referti',
      category: 'referto-non-trovato',
      description: 'Ho eseguito un’ecografia addominale presso il poliambulatorio di via Chiatamone ma il referto non compare tra i documenti da ritirare on line.',
      at: await ago(0, '09:15'),
      steps: [],
    },
    {
      agency: napoli,
      filer: giovanni,
      service: 'fascicolo-sanitario',
      category: 'accesso',
      description: 'Accedendo con SPID al fascicolo sanitario elettronico ricevo il messaggio «Consenso non presente» anche se l’ho già espresso.',
      at: await ago(1, '18:40'),
      steps: [],
    },
    {
      agency: napoli,
      filer: antonio,
      service: 'pagamento-ticket',
      category: 'pagamento-non-registrato',
      description: 'Ho pagato il ticket con pagoPA il giorno dopo la visita cardiologica ma il referto risulta ancora da pagare.',
      at: await ago(3, '10:05'),
      steps: [
        { at: await ago(2, '09:00'), change: 'assignee', to: paolo, by: op(sara) },
        { at: await ago(2, '09:00'), change: 'status', to: 'in_lavorazione', by: op(sara) },
        { at: await ago(2, '09:30'), note: 'Verificare sul sistema aziendale la registrazione del pagamento pagoPA: la ricevuta indicata dal cittadino è del giorno successivo alla visita.', audience: 'internal', by: op(paolo), from: napoli },
      ],
    },
    {
      agency: napoli,
      filer: giovanni,
      service: 'ritiro-referti',
      category: 'referto-non-visualizzabile',
      description: 'Il referto degli esami del sangue risulta disponibile ma aprendolo compare una pagina bianca.',
      at: await ago(6, '08:50'),
      steps: [
        { at: await ago(5, '11:00'), change: 'assignee', to: sara, by: op(sara) },
        { at: await ago(5, '11:00'), change: 'status', to: 'in_lavorazione', by: op(sara) },
        { at: await ago(5, '11:20'), change: 'status', to: 'in_attesa_utente', by: op(sara) },
        { at: await ago(5, '11:20'), note: 'Gentile utente, può indicarci la data del prelievo e il codice riportato sul foglio di ritiro del referto?', audience: 'citizen', by: op(sara), from: napoli },
      ],
    },
    {
      agency: napoli,
      filer: giulia,
      service: 'ritiro-referti-accesso-facilitato',
      category: 'referto-non-scaricabile',
      description: 'Con tessera sanitaria, codice fiscale e codice del referto il sistema risponde che il documento non è disponibile.',
      at: await ago(9, '16:20'),
      steps: [
        { at: await ago(8, '10:00'), change: 'assignee', to: paolo, by: op(paolo) },
        { at: await ago(8, '10:00'), change: 'status', to: 'in_lavorazione', by: op(paolo) },
        { at: await ago(2, '12:10'), change: 'status', to: 'risolto', by: op(paolo) },
        { at: await ago(2, '12:10'), note: 'Gentile utente, il PIN comunicato allo sportello era errato: le abbiamo inviato il PIN corretto via SMS e ora il referto è scaricabile.', audience: 'citizen', by: op(paolo), from: napoli },
      ],
    },
    {
      agency: napoli,
      filer: marco,
      service: 'servizio-assistenza',
      category: 'altro',
      description: 'Vorrei sapere se posso delegare mia moglie al ritiro on line dei miei referti.',
      at: await ago(30, '11:45'),
      steps: [
        { at: await ago(29, '09:10'), change: 'status', to: 'risolto', by: op(paolo) },
        { at: await ago(29, '09:10'), note: 'Gentile utente, la delega si registra dal Fascicolo Sanitario Elettronico, sezione «Deleghe»: sua moglie potrà poi ritirare i referti con il proprio SPID.', audience: 'citizen', by: op(paolo), from: napoli },
        { at: await ago(22, '03:00'), change: 'status', to: 'chiuso', by: system },
      ],
    },
    {
      agency: napoli,
      filer: giovanni,
      service: 'scelta-medico',
      category: 'altro',
      description: 'Non riesco a revocare il medico di medicina generale: il pulsante «Revoca» non è attivo.',
      at: await ago(40, '19:30'),
      steps: [
        { at: await ago(39, '09:00'), change: 'status', to: 'in_lavorazione', by: op(sara) },
        { at: await ago(38, '15:00'), change: 'status', to: 'risolto', by: op(sara) },
        { at: await ago(38, '15:00'), note: 'Gentile utente, la revoca è possibile solo scegliendo contestualmente un nuovo medico: selezioni prima il nuovo medico e la revoca avverrà in automatico.', audience: 'citizen', by: op(sara), from: napoli },
        { at: await ago(31, '03:00'), change: 'status', to: 'chiuso', by: system },
      ],
    },
    {
      agency: napoli,
      filer: francesca,
      service: 'ritiro-referti',
      category: 'referto-non-trovato',
      description: 'Il referto della TAC del torace eseguita a novembre non è tra i miei documenti on line.',
      at: await ago(4, '12:00'),
      steps: [
        { at: await ago(3, '15:00'), change: 'assignee', to: paolo, by: op(paolo) },
        { at: await ago(3, '15:00'), change: 'status', to: 'in_lavorazione', by: op(paolo) },
        { at: await ago(2, '10:30'), change: 'status', to: 'non_di_competenza', by: op(paolo) },
        { at: await ago(2, '10:30'), change: 'queue', to: region, by: op(paolo) },
        { at: await ago(2, '10:30'), change: 'assignee', to: null, by: op(paolo) },
        { at: await ago(2, '10:30'), note: `Il referto è stato prodotto in data ${italianDate(shiftDay(today, -20))} e ha il seguente identificativo NA1-2026-0045127`, audience: 'regional_desk', by: op(paolo), from: napoli },
      ],
    },
    {
      agency: caserta,
      filer: carmela,
      service: 'ritiro-referti',
      category: 'referto-non-trovato',
      description: 'Non trovo il referto della mammografia eseguita presso l’ospedale di Marcianise.',
      at: await ago(2, '09:40'),
      steps: [
        { at: await ago(1, '11:00'), change: 'status', to: 'non_di_competenza', by: op(giorgia) },
        { at: await ago(1, '11:00'), change: 'queue', to: region, by: op(giorgia) },
        { at: await ago(1, '11:00'), note: 'Dopo le verifiche effettuate il referto non risulta appartenere a questa ASR: si chiede di individuare l’Azienda che lo ha emesso.', audience: 'regional_desk', by: op(giorgia), from: caserta },
      ],
    },
    {
      agency: caserta,
      filer: salvatore,
      service: 'pagamento-ticket',
      category: 'pagamento-non-registrato',
      description: 'Ho pagato in banca l’avviso pagoPA ma il referto della visita ortopedica risulta non pagato.',
      at: await ago(1, '17:05'),
      steps: [],
    },
    {
      agency: caserta,
      filer: anonymous('NPLGNN81S22B963', 'Giovanna', 'Napolitano', '3391234508'),
      service: 'fascicolo-sanitario',
      category: 'accesso',
      description: 'Dopo l’aggiornamento dell’app non riesco più ad accedere al fascicolo di mio figlio minorenne.',
      at: await ago(5, '10:10'),
      steps: [
        { at: await ago(4, '09:00'), change: 'assignee', to: giorgia, by: op(giorgia) },
        { at: await ago(4, '09:00'), change: 'status', to: 'in_lavorazione', by: op(giorgia) },
        { at: await ago(4, '09:20'), note: 'Gentile utente, stiamo verificando la delega registrata per suo figlio: le scriveremo appena possibile.', audience: 'citizen', by: op(giorgia), from: caserta },
      ],
    },
    {
      // Addressed to Caserta, which was not competent; the regional desk sent it to Napoli.
      agency: caserta,
      filer: anonymous('BRBLSS90L55F839', 'Alessia', 'Barbieri', '3391234509'),
      service: 'ritiro-referti',
      category: 'referto-non-visualizzabile',
      description: 'Il referto della risonanza magnetica eseguita al Cardarelli non si apre.',
      at: await ago(8, '14:30'),
      steps: [
        { at: await ago(7, '10:00'), change: 'status', to: 'non_di_competenza', by: op(giorgia) },
        { at: await ago(7, '10:00'), change: 'queue', to: region, by: op(giorgia) },
        { at: await ago(7, '10:00'), note: 'L’esame risulta eseguito presso una struttura dell’area metropolitana di Napoli, non di questa ASR.', audience: 'regional_desk', by: op(giorgia), from: caserta },
        { at: await ago(6, '12:00'), change: 'status', to: 'nuova', by: desk(stefano) },
        { at: await ago(6, '12:00'), change: 'queue', to: napoli, by: desk(stefano) },
        { at: await ago(6, '12:00'), note: 'Referto prodotto dall’ASL Napoli 1 Centro: vi chiediamo di verificarlo voi.', audience: 'internal', by: desk(stefano), from: region },
      ],
    },
    {
      // The regional desk answered this one itself.
      agency: napoli,
      filer: giovanni,
      service: 'ritiro-referti',
      category: 'referto-non-trovato',
      description: 'Il referto dell’elettrocardiogramma eseguito in farmacia non compare nel fascicolo.',
      at: await ago(12, '09:00'),
      steps: [
        { at: await ago(11, '10:00'), change: 'status', to: 'non_di_competenza', by: op(paolo) },
        { at: await ago(11, '10:00'), change: 'queue', to: region, by: op(paolo) },
        { at: await ago(11, '10:00'), note: 'Esame eseguito in farmacia: il referto non passa dai sistemi aziendali.', audience: 'regional_desk', by: op(paolo), from: napoli },
        { at: await ago(10, '16:00'), change: 'status', to: 'risolto', by: op(stefano) },
        { at: await ago(10, '16:00'), note: 'Gentile utente, i referti degli esami eseguiti in farmacia sono consultabili nella sezione «Documenti della farmacia» del fascicolo.', audience: 'citizen', by: op(stefano), from: region },
      ],
    },
  ];
  // Older, closed requests: the weekly chart has a history.
  const pastFilers = [
    anonymous('VLNRRT63B14F839', 'Roberto', 'Valentini', '3391234510'),
    anonymous('PGNSRA87D48F839', 'Sara', 'Pagano', '3391234511'),
    anonymous('CRSDNL71M03F839', 'Daniele', 'Caruso', '3391234512'),
    anonymous('DNGLSU95P50F839', 'Luisa', 'D’Angelo', '3391234513'),
    anonymous('MNCFRC83R22B963', 'Federico', 'Mancini', '3391234514'),
  ];
  for (const [i, filer] of pastFilers.entries()) {
    const days = 20 + i * 9;
    requests.push({
      agency: i % 2 === 0 ? napoli : caserta,
      filer,
      service: 'ritiro-referti',
      category: i % 2 === 0 ? 'referto-non-trovato' : 'referto-non-scaricabile',
      description: 'Il referto non risulta disponibile per il ritiro on line.',
      at: await ago(days, '10:00'),
      steps: [
        { at: await ago(days - 1, '09:30'), change: 'status', to: 'in_lavorazione', by: op(i % 2 === 0 ? paolo : giorgia) },
        { at: await ago(days - 3, '12:00'), change: 'status', to: 'risolto', by: op(i % 2 === 0 ? paolo : giorgia) },
        { at: await ago(days - 3, '12:00'), note: 'Gentile utente, il referto è ora disponibile per il ritiro on line.', audience: 'citizen', by: op(i % 2 === 0 ? paolo : giorgia), from: i % 2 === 0 ? napoli : caserta },
        { at: await ago(days - 10, '03:00'), change: 'status', to: 'chiuso', by: system },
      ],
    });
  }

  for (const r of requests) await insertDemoRequest(k, r);
  return true;
}

function italianDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** One request with its final state computed from its steps, its history and its notes. */
async function insertDemoRequest(k: Kysely<HelpdeskTables>, r: DemoRequest) {
  let status: RequestStatus = 'nuova';
  let queue = r.agency;
  let assignee: DemoPerson | null = null;
  let statusChangedAt = r.at;
  let firstAnswerAt: Date | null = null;
  let resolvedAt: Date | null = null;
  let closedAt: Date | null = null;
  const history: { change: 'created' | 'status' | 'assignee' | 'queue'; from: string | null; to: string | null; by: Actor; at: Date }[] = [
    { change: 'created', from: null, to: 'nuova', by: { kind: 'citizen' }, at: r.at },
  ];
  for (const step of r.steps) {
    if ('note' in step) {
      if (step.audience === 'citizen' && step.by.kind !== 'citizen' && firstAnswerAt === null) firstAnswerAt = step.at;
      continue;
    }
    if (step.change === 'status') {
      history.push({ change: 'status', from: status, to: step.to, by: step.by, at: step.at });
      status = step.to;
      statusChangedAt = step.at;
      if (step.to === 'risolto') resolvedAt = step.at;
      if (step.to === 'chiuso') closedAt = step.at;
    } else if (step.change === 'assignee') {
      history.push({ change: 'assignee', from: assignee?.userId ?? null, to: step.to?.userId ?? null, by: step.by, at: step.at });
      assignee = step.to;
    } else {
      history.push({ change: 'queue', from: queue.id, to: step.to.id, by: step.by, at: step.at });
      queue = step.to;
    }
  }
  const row = await k
    .insertInto('helpdesk_requests')
    .values({
      service_code: r.service,
      role_code: 'cittadino',
      category_code: r.category,
      given_name: r.filer.givenName,
      family_name: r.filer.familyName,
      fiscal_code: r.filer.fiscalCode,
      email: r.filer.email,
      phone: r.filer.phone,
      description: r.description,
      attachment_document_id: null,
      agency_structure_id: r.agency.id,
      queue_structure_id: queue.id,
      citizen_user_id: r.filer.userId,
      status,
      assignee_user_id: assignee?.userId ?? null,
      created_at: r.at,
      status_changed_at: statusChangedAt,
      first_answer_at: firstAnswerAt,
      resolved_at: resolvedAt,
      closed_at: closedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actorName = (a: Actor) => (a.person ? fullName(a.person) : a.kind === 'system' ? 'Sistema' : `${r.filer.givenName} ${r.filer.familyName}`);
  await k
    .insertInto('helpdesk_history')
    .values(
      history.map((h) => ({
        request_id: row.id,
        change: h.change,
        from_value: h.from,
        to_value: h.to,
        actor_kind: h.by.kind,
        actor_user_id: h.by.person?.userId ?? (h.by.kind === 'citizen' ? r.filer.userId : null),
        actor_name: actorName(h.by),
        occurred_at: h.at,
      })),
    )
    .execute();
  const notes = r.steps.filter((s): s is Extract<Step, { note: string }> => 'note' in s);
  if (notes.length > 0) {
    await k
      .insertInto('helpdesk_notes')
      .values(
        notes.map((n) => ({
          request_id: row.id,
          author_kind: n.by.kind === 'citizen' ? ('citizen' as const) : ('operator' as const),
          author_user_id: n.by.person?.userId ?? null,
          author_name: actorName(n.by),
          author_structure_id: n.from?.id ?? null,
          audience: n.audience,
          body: n.note,
          attachment_document_id: null,
          created_at: n.at,
        })),
      )
      .execute();
  }
}
