import { z } from 'zod';
import { CLAIMS_SERVICE } from '../claims.deps.js';

/** Every route of the merchant's side: "Istanza di rimborso" in the current structure. */
export const access = { service: CLAIMS_SERVICE };
export const tags = ['istanze di rimborso'];

export const pageQuery = z.object({
  page: z.coerce.number({ error: 'Pagina non valida.' }).int('Pagina non valida.').min(1, 'Pagina non valida.').default(1),
  pageSize: z.coerce
    .number({ error: 'Dimensione della pagina non valida.' })
    .int('Dimensione della pagina non valida.')
    .min(1, 'Dimensione della pagina non valida.')
    .max(100, 'Al massimo 100 righe per pagina.')
    .default(25),
});

export const claimParams = z.object({ claimId: z.uuid('Istanza non valida.') });
export const purchaseParams = claimParams.extend({ movementId: z.uuid('Transazione non valida.') });

/** IBAN and e-mail are checked by the use cases (422 with a message per field); here only their shape. */
const contactText = (label: string) => z.string({ error: `${label}: valore non valido.` }).max(300, `${label}: troppo lungo.`);

export const newClaimBody = z.object({
  regionStructureId: z.uuid('Regione non valida.'),
  iban: contactText('IBAN'),
  email: contactText('E-mail'),
});

export const rectifyBody = z
  .object({ iban: contactText('IBAN').optional(), email: contactText('E-mail').optional() })
  .refine((b) => b.iban !== undefined || b.email !== undefined, { message: "Indica l'IBAN o l'e-mail da rettificare.", path: ['iban'] });
