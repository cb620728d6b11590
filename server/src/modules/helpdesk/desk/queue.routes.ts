import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { operatorsWithService, structuresByIds, userNamesByIds } from '../../../core/organisations/index.js';
import { romeDate } from '../../../shared/dates.js';
import { recentlyRead } from '../../../shared/recently-read.js';
import { HELPDESK_SERVICE, type HelpdeskDeps } from '../helpdesk.deps.js';
import { REQUEST_STATUS_CODES, REQUEST_STATUSES, type RequestStatus } from '../request-status.js';
import { loadCatalogues } from './catalogues.js';
import { deskOf, deskRoute } from './desk-access.js';
import { queueQuery } from './desk.schemas.js';
import type { QueueFilters } from './queue.repository.js';
import { readQueue } from './queue-read.js';
import type { RecentCounts } from './recent-counts.js';
import { parseSearch } from './queue-search.js';
import { daysBetween } from './rome-days.js';

const { config } = deskRoute;
/** An operator enabled or disabled a moment ago appears in (or leaves) the queue's menus within this. */
const OPERATORS_TTL_MS = 10_000;
const SEARCH_TTL_MS = 60_000;
const tags = [...deskRoute.tags];

/** The queue of a desk: filters, search, sort, pages, counts per status. */
export function queueRoutes(deps: HelpdeskDeps, queueCounts: RecentCounts) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    // The search box's words become the same query for everyone; the probe that judges them rare
    // or frequent (1000 vectors read) need not run again for the next page or operator.
    const recentSearch = recentlyRead(SEARCH_TTL_MS, (key: string) => {
      const [structureId, q] = JSON.parse(key) as [string, string];
      return parseSearch(deps.db, q, structureId);
    });
    // For the assignee menu and the names on the page; assigning checks the operators afresh.
    const recentOperators = recentlyRead(OPERATORS_TTL_MS, (structureId: string) => operatorsWithService(deps.db, structureId, HELPDESK_SERVICE));

    app.get(
      '/api/assistenza/desk/requests',
      { config, schema: { tags, summary: 'Richieste di assistenza della coda (filtri, ricerca, conteggi per stato)', querystring: queueQuery } },
      async (request) => {
        const desk = deskOf(request);
        const { status, category, assignee, age, q, page, pageSize } = request.query;
        const today = romeDate(deps.clock.now());
        const search = q?.trim() ? await recentSearch(JSON.stringify([desk.structure.id, q])) : null;
        const filters: QueueFilters = {
          queueStructureId: desk.structure.id,
          category,
          assignee: assignee === 'me' ? desk.userId : assignee,
          age,
          today,
          search: search ?? undefined,
        };
        const sort = request.query.sort === 'relevance' && search?.kind !== 'text' ? 'newest' : (request.query.sort ?? 'newest');
        const [{ rows, counts, capped }, operators, catalogues] = await Promise.all([
          readQueue(deps.tunedDb, filters, status, sort, { page, pageSize }, queueCounts),
          recentOperators(desk.structure.id),
          loadCatalogues(deps.db),
        ]);
        // Names the page needs and the desk already knows are not read again (each read below is
        // skipped when it has no id left): the agency's own — every request of an agency's queue
        // names it — and its operators' (the assignees, but a former one).
        const operatorNames = new Map(operators.map((o) => [o.id, o.name]));
        const [agencies, formerAssignees] = await Promise.all([
          structuresByIds(deps.db, rows.map((r) => r.agency_structure_id).filter((id) => id !== desk.structure.id)),
          userNamesByIds(deps.db, rows.flatMap((r) => (r.assignee_user_id && !operatorNames.has(r.assignee_user_id) ? [r.assignee_user_id] : []))),
        ]);
        const agencyName = (id: string) => (id === desk.structure.id ? desk.structure.name : (agencies.get(id)?.name ?? ''));
        const assigneeName = (id: string) => operatorNames.get(id) ?? formerAssignees.get(id) ?? '';
        // The counts carry the total: the same filters, every status or the one asked.
        const total = status === undefined ? Object.values(counts).reduce((a, b) => a + b, 0) : counts[status];
        const totalCapped = status === undefined ? capped.length > 0 : capped.includes(status);
        return {
          items: rows.map((r) => ({
            id: r.id,
            number: r.number,
            createdAt: r.created_at.toISOString(),
            statusChangedAt: r.status_changed_at.toISOString(),
            status: r.status,
            statusLabel: REQUEST_STATUSES[r.status as RequestStatus].label,
            service: catalogues.service(r.service_code),
            category: catalogues.category(r.category_code),
            citizenName: `${r.given_name} ${r.family_name}`,
            fiscalCode: r.fiscal_code,
            agencyName: agencyName(r.agency_structure_id),
            assignee: r.assignee_user_id ? { id: r.assignee_user_id, name: assigneeName(r.assignee_user_id) } : null,
            ageDays: daysBetween(romeDate(r.created_at), today),
          })),
          total,
          page,
          pageSize,
          counts,
          cappedCounts: capped,
          totalCapped,
          operators,
          categories: catalogues.categories,
          statuses: REQUEST_STATUS_CODES.map((code) => ({ code, label: REQUEST_STATUSES[code].label })),
          isRegionalDesk: desk.isRegionalDesk,
        };
      },
    );
  };
}
