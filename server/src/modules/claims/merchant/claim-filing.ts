import type { AnyDb } from '../../../platform/db/database.js';
import { romeDate } from '../../../shared/dates.js';
import { type ClaimPeriod, type FilingWindow, filingWindowAt, windowLabel, windowOf } from '../claim-window.js';
import { liveClaimsOfPeriod } from './claims.repository.js';
import { draftTotals } from './unclaimed-purchases.js';

/**
 * Whether the merchant may file a claim now: "un'unica istanza di rimborso per quadrimestre
 * durante l'ultimo mese del quadrimestre corrente" (seed 000 §09, Regional decree). A claim is
 * for one region (the one whose programs paid the purchases), so "one per quadrimestre" holds per
 * region, as the database's unique index does; nearly every merchant deals with a single region.
 */
export interface FilingState {
  open: boolean;
  /** The window open now, or the next one. */
  window: FilingWindow;
  /** The claims of this quadrimestre already filed leave nothing else to file in it. */
  alreadyFiled: boolean;
  /** Regions with a live claim this quadrimestre. */
  filedRegions: ReadonlySet<string>;
  canFile: boolean;
  /** Why not, in the merchant's words (null when he can file). */
  message: string | null;
  /** The Rome day of now: the claim takes purchases of earlier days. */
  today: string;
}

/** "1° quadrimestre 2027" */
export const periodName = (period: ClaimPeriod) => `${period.index}° quadrimestre ${period.year}`;

export function nextPeriod(period: ClaimPeriod): ClaimPeriod {
  return period.index === 3 ? { year: period.year + 1, index: 1 } : { year: period.year, index: period.index + 1 };
}

export function windowClosedMessage(window: FilingWindow): string {
  return `Le istanze del ${periodName(window.period)} si possono inserire ${windowLabel(window)}.`;
}

export function alreadyFiledMessage(window: FilingWindow, numbers: readonly number[]): string {
  const which = numbers.length === 1 ? ` (n. ${numbers[0]})` : numbers.length > 1 ? ` (n. ${numbers.join(', ')})` : '';
  const next = windowOf(nextPeriod(window.period));
  return `Hai già inserito l'istanza di rimborso del ${periodName(window.period)}${which}: se ne può inserire una sola per quadrimestre. La prossima si potrà inserire ${windowLabel(next)}.`;
}

export async function filingState(db: AnyDb, merchantStructureId: string, now: Date): Promise<FilingState> {
  const today = romeDate(now);
  const { open, window } = filingWindowAt(now);
  if (!open) {
    return { open, window, alreadyFiled: false, filedRegions: new Set(), canFile: false, message: windowClosedMessage(window), today };
  }
  const filed = await liveClaimsOfPeriod(db, merchantStructureId, window.period);
  const filedRegions = new Set(filed.map((c) => c.region_structure_id));
  if (filed.length > 0) {
    // Filed already: only purchases paid by another region's vouchers could make another claim.
    const drafts = await draftTotals(db, { merchantStructureId, beforeDay: today });
    if (!drafts.some((d) => !filedRegions.has(d.regionStructureId))) {
      const message = alreadyFiledMessage(
        window,
        filed.map((c) => Number(c.number)),
      );
      return { open, window, alreadyFiled: true, filedRegions, canFile: false, message, today };
    }
  }
  return { open, window, alreadyFiled: false, filedRegions, canFile: true, message: null, today };
}
