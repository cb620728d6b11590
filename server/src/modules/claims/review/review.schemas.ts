import { z } from 'zod';
import { CLAIM_STATUS_CODES, type ClaimStatus } from '../claim-status.js';

/** An empty query parameter ("status=") means "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const pageParams = {
  page: z.coerce.number({ error: 'Pagina non valida.' }).int('Pagina non valida.').min(1, 'Pagina non valida.').default(1),
  pageSize: z.coerce
    .number({ error: 'Dimensione della pagina non valida.' })
    .int('Dimensione della pagina non valida.')
    .min(1, 'Dimensione della pagina non valida.')
    .max(100, 'Al massimo 100 righe per pagina.')
    .default(25),
};

export const queueQuery = z.object({
  status: optional(z.enum(CLAIM_STATUS_CODES as [ClaimStatus, ...ClaimStatus[]], { error: 'Stato non valido.' })),
  year: optional(z.coerce.number({ error: 'Anno non valido.' }).int('Anno non valido.').min(2000, 'Anno non valido.').max(2999, 'Anno non valido.')),
  index: optional(z.coerce.number({ error: 'Quadrimestre non valido.' }).int('Quadrimestre non valido.').min(1, 'Quadrimestre non valido (1, 2 o 3).').max(3, 'Quadrimestre non valido (1, 2 o 3).')),
  merchantId: optional(z.string().uuid('Esercente non valido.')),
  /** Oldest first by default: a queue is worked from the claims waiting longest. */
  order: z.enum(['oldest', 'newest'], { error: 'Ordinamento non valido (oldest o newest).' }).default('oldest'),
  ...pageParams,
});

export const claimParams = z.object({ claimId: z.string().uuid('Istanza non valida.') });
export const purchaseParams = claimParams.extend({ movementId: z.string().uuid('Transazione non valida.') });
export const integrationParams = claimParams.extend({ integrationId: z.string().uuid('Integrazione non valida.') });
export const batchParams = z.object({ batchId: z.string().uuid('Distinta non valida.') });

// Emptiness and limits are business rules answered with 422 (review-rules.ts); here only the types.
export const rejectionBody = z.object({ reason: z.string({ error: 'Motivo non valido.' }).optional() });
export const integrationRequestBody = z.object({
  text: z.string({ error: 'Testo non valido.' }).optional(),
  deadline: z.string({ error: 'Data non valida.' }).optional(),
});

export const MAX_BATCH_CLAIMS = 500;
export const paymentBatchBody = z.object({
  claimIds: z
    .array(z.string().uuid('Istanza non valida.'), { error: 'Indica le istanze da inoltrare.' })
    .min(1, 'Seleziona almeno un’istanza approvata.')
    .max(MAX_BATCH_CLAIMS, `Al massimo ${MAX_BATCH_CLAIMS} istanze per distinta.`),
  debtorName: z.string({ error: 'Indica l’intestatario del conto di addebito.' }).trim().min(1, 'Indica l’intestatario del conto di addebito.').max(70, 'Al massimo 70 caratteri.'),
  debtorIban: z.string({ error: 'Indica l’IBAN del conto di addebito.' }),
  executionDate: z.string({ error: 'Indica la data di esecuzione.' }),
});
