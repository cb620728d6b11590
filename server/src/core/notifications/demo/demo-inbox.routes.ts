import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DemoInboxRepository, linksOf } from './demo-inbox.repository.js';
import { renderEmailPage, renderInboxPage, renderNotFoundPage } from './demo-inbox.page.js';

const LIMIT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Demo and test mode only (app.ts registers it only then): what the demo SMTP server and SMS
 * gateway received, as a page for people (/demo/inbox) and as JSON for tests (/api/demo/inbox).
 */
export function demoInboxRoutes(repository: DemoInboxRepository) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/demo/inbox',
      {
        config: { access: 'public' },
        schema: {
          tags: ['demo'],
          summary: 'Posta e SMS dimostrativi (solo in modalità dimostrativa)',
          querystring: z.object({ to: z.string().trim().max(320).optional() }),
        },
      },
      async (request, reply) => {
        const { to } = request.query;
        const [emails, sms] = await Promise.all([repository.listEmails({ to, limit: LIMIT }), repository.listSms({ to, limit: LIMIT })]);
        reply.header('cache-control', 'no-store');
        return {
          emails: emails.map((e) => ({
            id: e.id,
            messageId: e.message_id,
            from: e.from_address,
            to: e.to_addresses,
            subject: e.subject,
            text: e.text,
            html: e.html,
            links: linksOf(e),
            receivedAt: e.received_at.toISOString(),
          })),
          sms: sms.map((s) => ({ id: s.id, to: s.to_number, text: s.text, idempotencyKey: s.idempotency_key, sentAt: s.sent_at.toISOString() })),
        };
      },
    );

    app.get('/demo/inbox', { schema: { hide: true } }, async (request, reply) => {
      const raw = (request.query as { to?: unknown }).to;
      const to = typeof raw === 'string' ? raw.trim().slice(0, 320) : '';
      const [emails, sms] = await Promise.all([
        repository.listEmails({ to: to || undefined, limit: LIMIT }),
        repository.listSms({ to: to || undefined, limit: LIMIT }),
      ]);
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderInboxPage({ to, emails, sms }));
    });

    app.get('/demo/inbox/email/:id', { schema: { hide: true } }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const email = UUID.test(id) ? await repository.findEmail(id) : undefined;
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      return email ? reply.send(renderEmailPage(email)) : reply.status(404).send(renderNotFoundPage());
    });
  };
}
