import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/database.js';

/**
 * The figures of a structure. Its requests are those it holds now (queue_structure_id) or that
 * citizens addressed to it (agency_structure_id): an agency keeps in its figures what it marked
 * "non di competenza". Weeks start on Monday, Rome time, and the current week is the last one.
 */
export async function structureFigures(db: AnyDb, structureId: string, now: Date, weeks: number) {
  const mine = sql`(r.queue_structure_id = ${structureId} OR r.agency_structure_id = ${structureId})`;
  const thisWeek = sql`date_trunc('week', ${now}::timestamptz AT TIME ZONE 'Europe/Rome')`;
  const firstWeek = sql`(${thisWeek} - (${weeks - 1} * interval '1 week'))`;
  const since = sql`(${firstWeek} AT TIME ZONE 'Europe/Rome')`;

  const [open, medians, perWeek] = await Promise.all([
    // Open ones it works; "non di competenza" also those it sent to the regional desk.
    sql<{ status: string; n: number }>`
      SELECT r.status, count(*)::int AS n FROM helpdesk_requests r
      WHERE (r.queue_structure_id = ${structureId} AND r.status IN ('nuova', 'in_lavorazione', 'in_attesa_utente', 'non_di_competenza'))
         OR (r.agency_structure_id = ${structureId} AND r.status = 'non_di_competenza')
      GROUP BY r.status`.execute(db),
    sql<{ first_answer: number | null; resolution: number | null }>`
      SELECT
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_answer_at - r.created_at) / 3600)
          FILTER (WHERE r.created_at >= ${since} AND r.first_answer_at IS NOT NULL) AS first_answer,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at) / 3600)
          FILTER (WHERE r.resolved_at >= ${since}) AS resolution
      FROM helpdesk_requests r
      WHERE ${mine} AND (r.created_at >= ${since} OR r.resolved_at >= ${since})`.execute(db),
    sql<{ week_start: string; created: number; resolved: number }>`
      WITH weeks AS (SELECT generate_series(${firstWeek}, ${thisWeek}, interval '1 week') AS week_start),
      recent AS (
        SELECT date_trunc('week', r.created_at AT TIME ZONE 'Europe/Rome') AS created_week,
               date_trunc('week', r.resolved_at AT TIME ZONE 'Europe/Rome') AS resolved_week
        FROM helpdesk_requests r
        WHERE ${mine} AND (r.created_at >= ${since} OR r.resolved_at >= ${since})
      )
      SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week_start,
             (SELECT count(*)::int FROM recent WHERE created_week = w.week_start) AS created,
             (SELECT count(*)::int FROM recent WHERE resolved_week = w.week_start) AS resolved
      FROM weeks w ORDER BY w.week_start`.execute(db),
  ]);

  const openByStatus = { nuova: 0, in_lavorazione: 0, in_attesa_utente: 0, non_di_competenza: 0 };
  for (const row of open.rows) openByStatus[row.status as keyof typeof openByStatus] = row.n;
  const hours = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return {
    openByStatus,
    medianFirstAnswerHours: hours(medians.rows[0]?.first_answer),
    medianResolutionHours: hours(medians.rows[0]?.resolution),
    perWeek: perWeek.rows.map((w) => ({ weekStart: w.week_start, created: w.created, resolved: w.resolved })),
  };
}
