import { z } from 'zod';
import { defineTemplate } from './template.js';

/**
 * The SMS with the one-time code confirming an operation (SPEC §1.3: valid 180 seconds).
 * `operation` completes "Il codice per confermare …", e.g. "l'acquisto di 25,00 € presso Farmacia Centrale".
 */
export const otpCode = defineTemplate({
  channels: ['sms'],
  data: z.object({
    code: z.string().regex(/^\d{6}$/, 'Il codice deve avere 6 cifre.'),
    operation: z.string().trim().min(1).max(90),
    expiresInMinutes: z.number().int().min(1).max(60).default(3),
  }),
  render: ({ code, operation, expiresInMinutes }) => ({
    text: `Il codice per confermare ${operation} è ${code}. Scade tra ${expiresInMinutes} ${expiresInMinutes === 1 ? 'minuto' : 'minuti'}.`,
  }),
});
