/**
 * "SOL Assistenza" for operators (seed 004, SPEC §6): the queue of the current structure (an ASR,
 * or the regional help desk at a region), a request's detail with notes, assignment, status and
 * forwarding, and the supervisors' figures and canned replies.
 * Glossary: richiesta di assistenza = request, ASR = health agency, assistenza regionale = regional
 * desk, nota pubblica / privata = public / private note, risposta predefinita = canned reply.
 */
export { en as helpdeskDeskEn, it as helpdeskDeskIt, type HelpdeskDeskMessages } from './messages';
export { HELPDESK_DESK_PATH, HELPDESK_DESK_SERVICE, HELPDESK_SUPERVISION_PATH, HELPDESK_SUPERVISION_SERVICE, deskRequestPath } from './paths';
export { helpdeskDeskRoutes } from './routes';
