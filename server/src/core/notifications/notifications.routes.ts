import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, NotFound } from '../../platform/http/errors.js';
import type { Clock } from '../clock/clock.js';
import { principalOf } from '../identity/access.js';
import type { NotificationHub } from './notification-hub.js';
import { toUserNotification, type UserNotificationsRepository } from './user-notifications.repository.js';

export interface NotificationRouteDeps {
  repository: UserNotificationsRepository;
  hub: NotificationHub;
  clock: Clock;
  /** Whether the session behind a stream is still alive, without touching it (an open tab is not activity). */
  isSessionLive(sessionIdHash: Buffer): Promise<boolean>;
  /** Comment lines keep proxies from closing an idle stream; the session is checked at each. */
  heartbeatMs?: number;
}

const tags = ['notifiche'];
const LATEST = 20;
const idParams = z.object({ id: z.string().uuid('Notifica non valida.') });

const notificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

function event(name: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The bell of the web app: the caller's notifications, marking them read, and their live stream. */
export function notificationsRoutes(deps: NotificationRouteDeps) {
  const { repository, hub, clock } = deps;
  const heartbeatMs = deps.heartbeatMs ?? 25_000;
  const openStreams = new Set<() => void>();

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    // Streams never end by themselves: close them before the server waits for its connections.
    app.addHook('preClose', async () => {
      for (const end of [...openStreams]) end();
    });

    app.get(
      '/api/notifications',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Le ultime notifiche e quante non sono lette',
          response: { 200: z.object({ items: z.array(notificationSchema), unread: z.number().int() }) },
        },
      },
      async (request, reply) => {
        const { user } = principalOf(request);
        const [rows, unread] = await Promise.all([repository.listLatest(user.id, LATEST), repository.countUnread(user.id)]);
        reply.header('cache-control', 'no-store');
        return { items: rows.map(toUserNotification), unread };
      },
    );

    app.post(
      '/api/notifications/:id/read',
      { config: { access: 'user' }, schema: { tags, summary: 'Segna una notifica come letta', params: idParams } },
      async (request, reply) => {
        const { user } = principalOf(request);
        if (!(await repository.markRead(user.id, request.params.id, clock.now()))) throw new NotFound('Notifica non trovata.');
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/notifications/read-all',
      { config: { access: 'user' }, schema: { tags, summary: 'Segna tutte le notifiche come lette' } },
      async (request, reply) => {
        const { user } = principalOf(request);
        await repository.markAllRead(user.id, clock.now());
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/notifications/stream',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Notifiche in tempo reale (server-sent events)',
          description:
            'text/event-stream. Eventi: "ready" (in ascolto), "notification" (una nuova notifica, come in GET /api/notifications), "changed" (rileggere l’elenco). Un commento ogni 25 secondi; il flusso si chiude quando la sessione termina.',
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        if (!(request.headers.accept ?? '').includes('text/event-stream')) {
          throw new AppError(406, 'not_acceptable', 'Questo indirizzo fornisce un flusso di eventi (Accept: text/event-stream).');
        }
        const res = reply.raw;
        let ended = false;
        let heartbeat: NodeJS.Timeout | undefined;
        let unsubscribe = () => {};
        const write = (chunk: string) => {
          if (!ended && !res.writableEnded) res.write(chunk);
        };
        const end = () => {
          if (ended) return;
          ended = true;
          clearInterval(heartbeat);
          unsubscribe();
          openStreams.delete(end);
          if (!res.writableEnded) res.end();
        };
        unsubscribe = await hub.subscribe(principal.user.id, {
          created: (notification) => write(event('notification', notification, notification.id)),
          changed: () => write(event('changed', {})),
        });

        reply.hijack();
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no', // nginx: do not buffer the stream
        });
        openStreams.add(end);
        // The response's 'close' is the connection's end (the request's fires once it has been read).
        res.on('close', end);
        res.on('error', end);
        if (res.destroyed || request.raw.socket.destroyed) return end();
        write(`retry: 5000\n\n${event('ready', {})}`);
        heartbeat = setInterval(() => {
          deps.isSessionLive(principal.sessionIdHash).then(
            (live) => (live ? write(': ping\n\n') : end()),
            () => write(': ping\n\n'),
          );
        }, heartbeatMs);
        heartbeat.unref();
      },
    );
  };
}
