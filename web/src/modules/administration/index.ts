/**
 * Administration: the platform administrator's tools, "Registro attività" (the audit log) and, in
 * the demo, "Data simulata" (the platform's date). Both pages are loaded on demand (app.tsx).
 * Glossary: registro attività = audit log, data simulata = simulated date, azione = action.
 */
export { en as administrationEn, it as administrationIt } from './messages';
export { AdminOnly } from './admin-only';
export { AUDIT_LOG_PATH, AUDIT_LOG_SERVICE, SIMULATED_DATE_PATH, SIMULATED_DATE_SERVICE } from './service-codes';
