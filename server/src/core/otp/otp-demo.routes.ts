import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AnyDb } from '../../platform/db/database.js';
import { RuleViolation } from '../../platform/http/errors.js';
import { formatEuro } from '../../shared/money.js';
import { principalOf } from '../identity/access.js';
import { PeopleRepository } from '../organisations/people.repository.js';
import type { OtpOperation, OtpService } from './otp.js';

const tags = ['demo'];
const amountCents = z.number().int().min(1, 'L’importo deve essere maggiore di zero.').max(100_000_00);

/**
 * "Prova della conferma OTP" (demo mode only): the signed-in person confirms a pretend payment with a
 * code sent to his own mobile, to try the component every module uses. Nothing else happens.
 */
export function otpDemoRoutes(otp: OtpService, db: AnyDb) {
  const operation = (userId: string, cents: number): OtpOperation => ({
    purpose: 'demo.payment',
    fields: { userId, amountCents: cents },
    description: `il pagamento di prova di ${formatEuro(cents)}`,
  });

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post('/api/demo/otp/send', { config: { access: 'user' }, schema: { tags, summary: 'Invia un codice OTP di prova al proprio cellulare', body: z.object({ amountCents }) } }, async (request) => {
      const principal = principalOf(request);
      const person = await new PeopleRepository(db).findById(principal.user.id);
      if (!person?.mobile_phone) throw new RuleViolation('no_mobile_phone', 'Nessun numero di cellulare registrato per la tua utenza.');
      return otp.send(operation(principal.user.id, request.body.amountCents), {
        phone: person.mobile_phone.replace(/\s+/g, ''),
        requestedBy: principal.user.id,
        structureId: principal.structure?.id ?? null,
      });
    });

    app.post(
      '/api/demo/otp/confirm',
      {
        config: { access: 'user' },
        schema: { tags, summary: 'Verifica il codice OTP di prova', body: z.object({ challengeId: z.string().uuid('Codice non trovato.'), code: z.string().max(10), amountCents }) },
      },
      async (request) => {
        const principal = principalOf(request);
        const { challengeId, code } = request.body;
        await db.transaction().execute((trx) => otp.confirm(trx, challengeId, code, operation(principal.user.id, request.body.amountCents)));
        return { confirmed: true };
      },
    );
  };
}
