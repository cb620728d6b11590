/**
 * SOL Assistenza, the citizen's side (seed 004 §2.2): "Nuova richiesta di assistenza" (public;
 * prefilled when signed in), "Le mie richieste di assistenza" with each thread and "Rispondi", and
 * the thread through the signed link e-mailed to who filed without login. Pages load on demand.
 * Glossary: richiesta di assistenza = request, Servizio = service, Tipologia = category,
 * Ruolo = role, ASR di competenza = agency, nota pubblica = message from the help desk.
 */
export { en as helpdeskCitizenEn, it as helpdeskCitizenIt, type HelpdeskCitizenMessages } from './messages';
export { MY_REQUESTS_PATH, NEW_REQUEST_PATH, TOKEN_THREAD_PATH } from './paths';
export { helpdeskCitizenRoutes } from './routes';
export { MyRequestsTile } from './my-requests-tile';
