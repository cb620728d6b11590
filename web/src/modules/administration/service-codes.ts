/** The administrators' tools, as the session lists them (their tiles on the home page). */
export const AUDIT_LOG_SERVICE = 'registro-attivita';
/** Demo only: the server lists it, and answers its API, only in demo mode. */
export const SIMULATED_DATE_SERVICE = 'data-simulata';

export const AUDIT_LOG_PATH = '/amministrazione/registro-attivita';
export const SIMULATED_DATE_PATH = '/amministrazione/data-simulata';
