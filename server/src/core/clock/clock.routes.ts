import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../identity/access.js';
import type { SimulatedClock } from './simulated-clock.js';

/** Records who moved the date; given by the audit part of the core. */
export type RecordClockChange = (request: import('fastify').FastifyRequest, before: Date, after: Date) => Promise<void>;

const tags = ['data simulata'];

/** "Data simulata" for administrators, in demo and test mode only (never registered in production). */
export function clockRoutes(clock: SimulatedClock, recordChange: RecordClockChange) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const state = () => ({ now: clock.now().toISOString(), simulated: clock.isSimulated });

    app.get('/api/admin/clock', { config: { access: 'admin' }, schema: { tags, summary: 'Data e ora correnti della piattaforma' } }, async () => state());

    app.put(
      '/api/admin/clock',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Imposta la data simulata (null torna alla data reale)',
          body: z.object({ date: z.iso.datetime({ offset: true, message: 'Data e ora non valide.' }).nullable() }),
        },
      },
      async (request) => {
        const before = clock.now();
        await clock.set(request.body.date ? new Date(request.body.date) : null, principalOf(request).user.id);
        await recordChange(request, before, clock.now());
        return state();
      },
    );

    app.post(
      '/api/admin/clock/advance',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Fa avanzare la data simulata',
          body: z.object({ seconds: z.number().int().min(1, 'Indica di quanto avanzare.').max(366 * 86400, 'Al massimo un anno.') }),
        },
      },
      async (request) => {
        const before = clock.now();
        await clock.advance(request.body.seconds, principalOf(request).user.id);
        await recordChange(request, before, clock.now());
        return state();
      },
    );
  };
}
