-- Help desk "SOL Assistenza" (seed 004): citizens' requests, answered by the health agency the
-- citizen chose (ASR di competenza) or, when "non di competenza", by the regional help desk.

-- What the form offers (seed 004 §2.2: Servizio, Tipologia, Ruolo): configurable catalogues.
CREATE TABLE helpdesk_services (
  code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{1,60}$'),
  label    text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  active   boolean NOT NULL DEFAULT true
);
CREATE TABLE helpdesk_categories (
  code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{1,60}$'),
  label    text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  active   boolean NOT NULL DEFAULT true
);
CREATE TABLE helpdesk_roles (
  code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{1,60}$'),
  label    text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  active   boolean NOT NULL DEFAULT true
);
INSERT INTO helpdesk_services (code, label, position) VALUES
  ('ritiro-referti', 'Ritiro e consultazione documenti (referti)', 1),
  ('ritiro-referti-accesso-facilitato', 'Ritiro referti e immagini con accesso facilitato', 2),
  ('pagamento-ticket', 'Pagamento ticket', 3),
  ('fascicolo-sanitario', 'Fascicolo sanitario elettronico', 4),
  ('scelta-medico', 'Scelta e revoca del medico', 5),
  ('servizio-assistenza', 'Servizio on line assistenza', 6);
INSERT INTO helpdesk_categories (code, label, position) VALUES
  ('referto-non-trovato', 'Referto non trovato', 1),
  ('referto-non-visualizzabile', 'Impossibilità a visualizzare il referto', 2),
  ('pagamento-non-registrato', 'Mancato pagamento o registrazione del referto', 3),
  ('referto-non-scaricabile', 'Referto non scaricabile', 4),
  ('accesso', 'Problemi di accesso', 5),
  ('altro', 'Altro', 6);
INSERT INTO helpdesk_roles (code, label, position) VALUES
  ('cittadino', 'Cittadino', 1),
  ('delegato', 'Delegato o tutore', 2),
  ('operatore-assistenza', 'Operatore di assistenza', 3);

-- Statuses and who may move a request where, as data (request-status.ts mirrors them; a test
-- checks both agree); a trigger refuses any other change.
CREATE TABLE helpdesk_statuses (
  code  text PRIMARY KEY,
  label text NOT NULL,
  -- Counted as open in the queues and figures.
  open  boolean NOT NULL
);
INSERT INTO helpdesk_statuses (code, label, open) VALUES
  ('nuova', 'Nuova', true),
  ('in_lavorazione', 'In lavorazione', true),
  ('in_attesa_utente', 'In attesa di informazioni da utente', true),
  ('risolto', 'Risolto', false),
  ('chiuso', 'Chiuso', false),
  ('non_di_competenza', 'Non di competenza', true);

CREATE TABLE helpdesk_status_transitions (
  from_status text NOT NULL REFERENCES helpdesk_statuses (code),
  to_status   text NOT NULL REFERENCES helpdesk_statuses (code),
  -- 'operator': of the agency or of the regional desk holding the request; 'citizen': his answer;
  -- 'system': the closing job; 'regional_desk': sending a forwarded request to another agency.
  actor       text NOT NULL CHECK (actor IN ('operator', 'citizen', 'system', 'regional_desk')),
  PRIMARY KEY (from_status, to_status, actor)
);
INSERT INTO helpdesk_status_transitions (from_status, to_status, actor) VALUES
  ('nuova', 'in_lavorazione', 'operator'),
  ('nuova', 'in_attesa_utente', 'operator'),
  ('nuova', 'risolto', 'operator'),
  ('nuova', 'non_di_competenza', 'operator'),
  ('in_lavorazione', 'in_attesa_utente', 'operator'),
  ('in_lavorazione', 'risolto', 'operator'),
  ('in_lavorazione', 'non_di_competenza', 'operator'),
  ('in_attesa_utente', 'in_lavorazione', 'citizen'),
  ('in_attesa_utente', 'in_lavorazione', 'operator'),
  ('in_attesa_utente', 'risolto', 'operator'),
  ('in_attesa_utente', 'non_di_competenza', 'operator'),
  ('risolto', 'chiuso', 'system'),
  ('risolto', 'in_lavorazione', 'citizen'),
  -- At the regional desk: it answers the request itself, or sends it to another agency.
  ('non_di_competenza', 'in_lavorazione', 'operator'),
  ('non_di_competenza', 'in_attesa_utente', 'operator'),
  ('non_di_competenza', 'risolto', 'operator'),
  ('non_di_competenza', 'nuova', 'regional_desk');

CREATE TABLE helpdesk_requests (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The request number the citizen is given on screen and by e-mail.
  number                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  service_code           text NOT NULL REFERENCES helpdesk_services (code),
  role_code              text NOT NULL REFERENCES helpdesk_roles (code),
  category_code          text NOT NULL REFERENCES helpdesk_categories (code),
  given_name             text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name            text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  fiscal_code            text NOT NULL CHECK (fiscal_code ~ '^[A-Z0-9]{16}$'),
  email                  text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  phone                  text NOT NULL CHECK (length(phone) BETWEEN 6 AND 20),
  description            text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  attachment_document_id uuid,
  -- The agency the citizen chose (ASR di competenza) and the structure whose queue holds the
  -- request now: that agency, the regional desk after "non di competenza", or another agency.
  agency_structure_id    uuid NOT NULL,
  queue_structure_id     uuid NOT NULL,
  -- Set when filed signed in (SPID/CIE): he follows it in the web app; otherwise by e-mail.
  citizen_user_id        uuid,
  status                 text NOT NULL DEFAULT 'nuova' REFERENCES helpdesk_statuses (code),
  assignee_user_id       uuid,
  created_at             timestamptz NOT NULL,
  status_changed_at      timestamptz NOT NULL,
  first_answer_at        timestamptz,
  resolved_at            timestamptz,
  closed_at              timestamptz,
  -- Italian full-text search over what operators look for.
  search                 tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', number::text || ' ' || fiscal_code || ' ' || given_name || ' ' || family_name || ' ' || email), 'A') ||
    setweight(to_tsvector('italian', description), 'B')
  ) STORED
);
-- A queue newest first (its first page). Per status, split where a desk's requests split: the few
-- open (and risolto) ones, and the closed ones that pile up over the years (95%+ of a queue). The
-- closed ones' own index also keeps a status's count or page from walking the newest requests of
-- the queue — nearly all open — to reach the closed ones (bench/RESULTS.md, help desk).
CREATE INDEX helpdesk_requests_queue_recent ON helpdesk_requests (queue_structure_id, created_at DESC, id DESC);
CREATE INDEX helpdesk_requests_queue_open ON helpdesk_requests (queue_structure_id, status, created_at DESC, id DESC) WHERE status <> 'chiuso';
CREATE INDEX helpdesk_requests_queue_closed ON helpdesk_requests (queue_structure_id, created_at DESC, id DESC) WHERE status = 'chiuso';
CREATE INDEX helpdesk_requests_assignee ON helpdesk_requests (assignee_user_id) WHERE assignee_user_id IS NOT NULL;
CREATE INDEX helpdesk_requests_citizen ON helpdesk_requests (citizen_user_id, created_at DESC) WHERE citizen_user_id IS NOT NULL;
CREATE INDEX helpdesk_requests_search ON helpdesk_requests USING gin (search);
CREATE INDEX helpdesk_requests_to_close ON helpdesk_requests (resolved_at) WHERE status = 'risolto';

CREATE FUNCTION helpdesk_check_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
    SELECT 1 FROM helpdesk_status_transitions WHERE from_status = OLD.status AND to_status = NEW.status
  ) THEN
    RAISE EXCEPTION 'helpdesk request % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER helpdesk_requests_transition BEFORE UPDATE OF status ON helpdesk_requests FOR EACH ROW EXECUTE FUNCTION helpdesk_check_transition();

-- The thread. audience: 'citizen' — a public note (grey outline) or the citizen's own message;
-- 'internal' — a private note among operators; 'regional_desk' — the public note of a
-- "non di competenza", which goes to the regional operator and NOT to the citizen (seed 004 §2.6).
CREATE TABLE helpdesk_notes (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order they were written in, even within one instant of the clock.
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  request_id     uuid NOT NULL REFERENCES helpdesk_requests (id),
  author_kind    text NOT NULL CHECK (author_kind IN ('operator', 'citizen', 'system')),
  author_user_id uuid,
  author_name    text,
  -- The structure the operator wrote from (agency or regional desk).
  author_structure_id uuid,
  audience       text NOT NULL CHECK (audience IN ('citizen', 'internal', 'regional_desk')),
  body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  attachment_document_id uuid,
  created_at     timestamptz NOT NULL,
  CHECK (author_kind <> 'citizen' OR audience = 'citizen')
);
CREATE INDEX helpdesk_notes_request ON helpdesk_notes (request_id, seq);

-- Every change of status, assignee or queue, with who and when.
CREATE TABLE helpdesk_history (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id     uuid NOT NULL REFERENCES helpdesk_requests (id),
  change         text NOT NULL CHECK (change IN ('created', 'status', 'assignee', 'queue')),
  from_value     text,
  to_value       text,
  actor_kind     text NOT NULL CHECK (actor_kind IN ('operator', 'citizen', 'system', 'regional_desk')),
  actor_user_id  uuid,
  actor_name     text,
  occurred_at    timestamptz NOT NULL
);
CREATE INDEX helpdesk_history_request ON helpdesk_history (request_id, id);

-- Canned replies for the recurring cases (seed 004 §2.7–2.12), managed by supervisors. A reply of
-- no structure is offered to everyone; one of a structure only to its operators. Placeholders in
-- the body: {{data}}, {{identificativo}}, {{iuv}} — filled in the editor before sending.
CREATE TABLE helpdesk_canned_replies (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  structure_id  uuid,
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  -- The status the reply is meant for (e.g. a "non di competenza" note), if any.
  suggested_status text REFERENCES helpdesk_statuses (code),
  audience      text NOT NULL DEFAULT 'citizen' CHECK (audience IN ('citizen', 'internal', 'regional_desk')),
  active        boolean NOT NULL DEFAULT true,
  created_by    uuid,
  updated_at    timestamptz NOT NULL
);
