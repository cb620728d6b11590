import type { RequestStatus } from '../request-status.js';
import type { NoteAudience } from '../helpdesk.tables.js';

/**
 * The canned replies of the recurring cases of seed 004 §2.7–2.12, offered to every structure
 * (global). The texts are the manual's, its "xx/xx/xx" and "(numero identificativo ...)" turned into
 * placeholders. §2.9's "pagato in data o il paziente è esente" names no date to fill: kept as
 * "pagato o il paziente è esente", so each placeholder appears once.
 */
export const DEMO_CANNED_REPLIES: readonly { title: string; body: string; suggestedStatus: RequestStatus | null; audience: NoteAudience }[] = [
  {
    title: '2.7 – Referto non trovato: errore di invio al sistema regionale',
    body:
      'Gentile utente, il referto non è ancora consultabile on line a causa di un errore nell’invio del documento al sistema regionale ritiro referti. ' +
      'Stiamo risolvendo il problema: la richiesta sarà chiusa appena il referto sarà disponibile.',
    suggestedStatus: 'in_lavorazione',
    audience: 'citizen',
  },
  {
    title: '2.8 – Referto non trovato: referto prodotto e inviato a FSE/ROL',
    body: 'Il referto è stato prodotto in data {{data}} e ha il seguente identificativo {{identificativo}}',
    suggestedStatus: 'non_di_competenza',
    audience: 'regional_desk',
  },
  {
    title: '2.8 – Referto non trovato: referto di un’altra ASR',
    body: 'Dopo le verifiche effettuate il referto non risulta appartenere a questa ASR: si chiede di individuare l’Azienda che lo ha emesso.',
    suggestedStatus: 'non_di_competenza',
    audience: 'regional_desk',
  },
  {
    title: '2.9 – Impossibilità a visualizzare il referto',
    body: 'Il referto è stato prodotto in data {{data}} e ha il seguente identificativo {{identificativo}}. Il referto è stato pagato o il paziente è esente',
    suggestedStatus: 'non_di_competenza',
    audience: 'regional_desk',
  },
  {
    title: '2.10 – Mancato pagamento o registrazione del referto',
    body:
      'Il pagamento associato al numero ticket regionale {{identificativo}} e/o allo IUV {{iuv}} non risulta sul sistema aziendale, ' +
      'si prega di verificare l’effettivo pagamento e risottometterlo.',
    suggestedStatus: 'non_di_competenza',
    audience: 'regional_desk',
  },
  {
    title: '2.11 – Referto non scaricabile per mancato pagamento: richiesta della ricevuta',
    body:
      'Gentile utente, per verificare il pagamento del referto le chiediamo di rispondere a questo messaggio allegando la ricevuta, ' +
      'con il codice avviso (IUV) e il canale usato (pagoPA, totem di riscossione, banca).',
    suggestedStatus: 'in_attesa_utente',
    audience: 'citizen',
  },
  {
    title: '2.11 – Referto non scaricabile per mancato pagamento: pagamento registrato',
    body:
      'Gentile utente, il pagamento con codice avviso (IUV) {{iuv}} è stato registrato. Il referto sarà scaricabile appena il sistema aziendale ' +
      'avrà aggiornato il Fascicolo Sanitario Elettronico.',
    suggestedStatus: 'risolto',
    audience: 'citizen',
  },
  {
    title: '2.12 – Accesso facilitato: referto non scaricabile',
    body: 'Referto {{identificativo}} inviato con successo a FSE/ROL da parte dell’Azienda',
    suggestedStatus: 'non_di_competenza',
    audience: 'regional_desk',
  },
];
