import type { Kysely } from 'kysely';
import { romeDate } from '../../../shared/dates.js';
import { SYSTEM_ACTOR, changeClaimStatus } from '../change-status.js';
import type { ClaimsDeps } from '../claims.deps.js';
import type { ClaimTables } from '../claims.tables.js';
import { italianDay } from './review-rules.js';

/** Claims handled per transaction: short transactions, yet few round trips. */
const BATCH = 50;

/**
 * Claims left "Da integrare" past their deadline become "Scaduta" (the deadline day itself is
 * still in time; days are Rome days on the one clock). Safe with several instances running it:
 * each transaction takes the claims it expires with FOR UPDATE SKIP LOCKED, so two runs never
 * take the same claim. Returns how many expired.
 */
export async function expireIntegrations(deps: ClaimsDeps): Promise<number> {
  const today = romeDate(deps.clock.now());
  let expired = 0;
  for (;;) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const due = await (trx as Kysely<ClaimTables>)
        .selectFrom('claims as c')
        .innerJoin('claim_integrations as ci', (join) => join.onRef('ci.claim_id', '=', 'c.id').on('ci.submitted_at', 'is', null))
        .select(['c.id', 'ci.deadline'])
        .where('c.status', '=', 'da_integrare')
        .where('ci.deadline', '<', today)
        .orderBy('ci.deadline')
        .limit(BATCH)
        .forUpdate('c')
        .skipLocked()
        .execute();
      for (const claim of due) {
        await changeClaimStatus(trx, deps, {
          claimId: claim.id,
          to: 'scaduta',
          actor: SYSTEM_ACTOR,
          note: `Termine per l'integrazione scaduto il ${italianDay(claim.deadline)}.`,
        });
      }
      return due.length;
    });
    expired += done;
    if (done < BATCH) return expired;
  }
}
