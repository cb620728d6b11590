import type { Clock } from '../../core/clock/clock.js';
import type { Documents } from '../../core/documents/index.js';
import type { AnyDb } from '../../platform/db/database.js';

export interface ClaimsDeps {
  db: AnyDb;
  clock: Clock;
  documents: Documents;
  /** Where the platform is reached (links in e-mails). */
  publicUrl: string;
}

/** Merchants' side: "Istanza di rimborso" (seed 000 §09). */
export const CLAIMS_SERVICE = 'istanza-rimborso';
/** The region's back office: "Valutazione istanze di rimborso". */
export const CLAIMS_REVIEW_SERVICE = 'valutazione-istanze';
