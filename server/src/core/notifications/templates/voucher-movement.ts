import { z } from 'zod';
import { formatEuro } from '../../../shared/money.js';
import { defineTemplate } from './template.js';

/**
 * The SMS to the beneficiary when a movement of his voucher is confirmed (seed 000 §05–06):
 * "Acquisto di 25,00 € presso Farmacia Centrale confermato. Saldo del voucher: 225,00 €."
 */
export const voucherMovement = defineTemplate({
  channels: ['sms'],
  data: z.object({
    kind: z.enum(['acquisto', 'cancellazione']),
    amountCents: z.number().int().positive(),
    merchant: z.string().trim().min(1).max(100),
    balanceCents: z.number().int().min(0),
  }),
  render: ({ kind, amountCents, merchant, balanceCents }) => ({
    text:
      kind === 'acquisto'
        ? `Acquisto di ${formatEuro(amountCents)} presso ${merchant} confermato. Saldo del voucher: ${formatEuro(balanceCents)}.`
        : `Cancellazione di ${formatEuro(amountCents)} presso ${merchant} confermata. Saldo del voucher: ${formatEuro(balanceCents)}.`,
  }),
});
