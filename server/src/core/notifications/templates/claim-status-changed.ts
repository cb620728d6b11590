import { z } from 'zod';
import { formatEuro } from '../../../shared/money.js';
import { actionLink, emailLayout, paragraph } from './email-layout.js';
import { defineTemplate, isWebLink } from './template.js';

/**
 * "Ad ogni modifica di stato dell'istanza di rimborso inserita, il titolare esercente riceverà una
 * mail di notifica" (seed 000 §09): the claim, its new status and, when there is one, why.
 */
export const claimStatusChanged = defineTemplate({
  channels: ['email'],
  data: z.object({
    merchant: z.string().trim().min(1).max(200),
    claimNumber: z.number().int().positive(),
    period: z.string().trim().min(1).max(100),
    amountCents: z.number().int().positive(),
    /** The new status as users read it ("Da integrare"). */
    status: z.string().trim().min(1).max(100),
    /** What comes with it: the reason of a rejection, what the region asks to integrate and by when. */
    note: z.string().trim().max(4000).optional(),
    link: z.string().max(2000).refine(isWebLink, 'Collegamento non valido.'),
  }),
  render: ({ merchant, claimNumber, period, amountCents, status, note, link }) => {
    const subject = `Istanza di rimborso n. ${claimNumber}: ${status}`;
    const greeting = `Gentile titolare di ${merchant},`;
    const change = `l'istanza di rimborso n. ${claimNumber} (${period}, ${formatEuro(amountCents)}) è ora nello stato «${status}».`;
    const lines = note ? [note] : [];
    return {
      subject,
      text: [greeting, '', change, ...lines, '', `Dettaglio dell'istanza: ${link}`, '', '-- ', 'Sportello (messaggio automatico, non rispondere)'].join('\n'),
      html: emailLayout({
        title: subject,
        bodyHtml: [paragraph(greeting), paragraph(change), ...lines.map(paragraph), actionLink("Apri l'istanza", link)].join('\n'),
      }),
    };
  },
});
