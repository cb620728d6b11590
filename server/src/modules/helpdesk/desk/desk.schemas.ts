import { z } from 'zod';
import { REQUEST_STATUS_CODES, type RequestStatus } from '../request-status.js';

/** An empty query parameter ("status=") means "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const statusCode = z.enum(REQUEST_STATUS_CODES as [RequestStatus, ...RequestStatus[]], { error: 'Stato non valido.' });

export const AGE_BUCKETS = ['today', 'week', 'month', 'older'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export const QUEUE_SORTS = ['newest', 'oldest', 'status', 'relevance'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const queueQuery = z.object({
  status: optional(statusCode),
  category: optional(z.string().regex(/^[a-z0-9-]{1,60}$/, 'Tipologia non valida.')),
  assignee: optional(z.union([z.literal('me'), z.literal('none'), z.string().uuid()], { error: 'Operatore non valido (un operatore, me o none).' })),
  age: optional(z.enum(AGE_BUCKETS, { error: 'Età non valida (today, week, month o older).' })),
  q: optional(z.string().trim().max(200, 'Al massimo 200 caratteri nella ricerca.')),
  sort: optional(z.enum(QUEUE_SORTS, { error: 'Ordinamento non valido (newest, oldest, status o relevance).' })),
  page: z.coerce.number({ error: 'Pagina non valida.' }).int('Pagina non valida.').min(1, 'Pagina non valida.').max(10_000, 'Pagina non valida.').default(1),
  pageSize: z.coerce
    .number({ error: 'Dimensione della pagina non valida.' })
    .int('Dimensione della pagina non valida.')
    .min(1, 'Dimensione della pagina non valida.')
    .max(100, 'Al massimo 100 righe per pagina.')
    .default(25),
});
export type QueueQuery = z.infer<typeof queueQuery>;

export const requestParams = z.object({ requestId: z.string().uuid('Richiesta non valida.') });

export const assignmentBody = z.object({
  assigneeId: z.string({ error: 'Scegli l’operatore.' }).uuid('Operatore non valido.').nullable(),
});

// Emptiness and length of a note are business rules answered with 422 (note-rules.ts); here only the types.
export const updateBody = z.object({
  note: z
    .object({
      body: z.string({ error: 'Scrivi il testo della nota.' }),
      public: z.boolean({ error: 'Indica se la nota è pubblica o privata.' }),
    })
    .optional(),
  status: statusCode.optional(),
});
export type UpdateBody = z.infer<typeof updateBody>;

export const forwardingBody = z.object({
  agencyId: z.string({ error: 'Scegli l’azienda sanitaria.' }).uuid('Azienda sanitaria non valida.'),
  note: z.string({ error: 'Nota non valida.' }).optional(),
});
