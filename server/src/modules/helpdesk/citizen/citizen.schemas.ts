import { z } from 'zod';

export const tags = ['assistenza (cittadino)'];

export const requestParams = z.object({ requestId: z.uuid('Richiesta non valida.') });

export const pageQuery = z.object({
  page: z.coerce.number({ error: 'Pagina non valida.' }).int('Pagina non valida.').min(1, 'Pagina non valida.').default(1),
  pageSize: z.coerce
    .number({ error: 'Dimensione della pagina non valida.' })
    .int('Dimensione della pagina non valida.')
    .min(1, 'Dimensione della pagina non valida.')
    .max(100, 'Al massimo 100 righe per pagina.')
    .default(20),
});

const token = z.string({ error: 'Collegamento non valido.' }).min(1, 'Collegamento non valido.').max(300, 'Collegamento non valido.');
export const tokenQuery = z.object({ token });
export { token as tokenSchema };
