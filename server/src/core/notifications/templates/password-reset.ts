import { z } from 'zod';
import { actionLink, emailLayout, paragraph } from './email-layout.js';
import { defineTemplate, isWebLink } from './template.js';

/** "Ho smarrito la password" (seed 003): the signed, single-use link to set a new password. */
export const passwordReset = defineTemplate({
  channels: ['email'],
  data: z.object({
    /** Who asked, as he will be greeted; optional. */
    name: z.string().trim().max(200).optional(),
    link: z.string().max(2000).refine(isWebLink, 'Collegamento non valido.'),
    expiresInMinutes: z.number().int().min(1).max(24 * 60).default(30),
  }),
  render: ({ name, link, expiresInMinutes }) => {
    const subject = 'Sportello: imposta una nuova password';
    const greeting = name ? `Gentile ${name},` : 'Gentile utente,';
    const request = 'abbiamo ricevuto la richiesta di impostare una nuova password per il tuo accesso a Sportello.';
    const validity = `Il collegamento è valido ${expiresInMinutes} minuti e si può usare una sola volta.`;
    const ignore = 'Se non hai fatto tu la richiesta, ignora questo messaggio: la tua password non cambia.';
    return {
      subject,
      text: [greeting, '', request, 'Per scegliere la nuova password apri questo collegamento:', link, '', validity, ignore, '', '-- ', 'Sportello (messaggio automatico, non rispondere)'].join('\n'),
      html: emailLayout({
        title: subject,
        bodyHtml: [paragraph(greeting), paragraph(request), actionLink('Imposta la nuova password', link), paragraph(validity), paragraph(ignore)].join('\n'),
      }),
    };
  },
});
