import type { Clock } from '../../core/clock/clock.js';
import type { Documents } from '../../core/documents/index.js';
import type { AnyDb, PlannerSettings } from '../../platform/db/database.js';
import type { RateLimiter } from '../../platform/rate-limit.js';

export interface HelpdeskDeps {
  db: AnyDb;
  /** Connections with steered planner settings, for the queue's reads (Database.tuned). */
  tunedDb: (settings: PlannerSettings) => AnyDb;
  clock: Clock;
  /** Real time, for abuse rate limits (never the simulated date). */
  realClock: Clock;
  documents: Documents;
  limiter: RateLimiter;
  /** Where the platform is reached (links in e-mails). */
  publicUrl: string;
  /** Signs the links that let a citizen who filed without login read and answer his thread. */
  secret: string;
  /** "risolto" becomes "chiuso" this many days later (config HELPDESK_CLOSE_AFTER_DAYS). */
  closeAfterDays: number;
}

/** Operators of the health agencies and of the regional help desk. */
export const HELPDESK_SERVICE = 'sol-assistenza';
/** Supervisors: canned replies and the agency's figures. */
export const HELPDESK_SUPERVISION_SERVICE = 'supervisione-assistenza';
